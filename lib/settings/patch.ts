import type { SettingsV4 } from './migrations/settings-v4';
import type { ThemeSetting } from '../theme/theme';
import type { Trained } from '../routines/trained';

/**
 * The current settings shape; each older version has its migration in `migrations/`. Fields added
 * since version 4 need no migration: normalizeSettings gives each its default (DEFAULT_SETTINGS) when absent.
 * - `theme`: light, dark or the system's;
 * - `voice`: speak the steps aloud during a break (off by default);
 * - `trained`: what the last workout trained, as the popup asked; null until asked.
 */
export type Settings = SettingsV4 & Required<ThemeSetting> & { voice: boolean; trained: Trained | null };

/**
 * A change to settings: only the fields a person touched. Reminder settings are one level deeper, so a
 * patch may carry some of them (`{ reminders: { days: [1, 2] } }`) without the others.
 */
export type SettingsPatch = {
  [K in keyof Settings]?: Settings[K] extends object ? (Settings[K] extends unknown[] ? Settings[K] : Partial<Settings[K]>) : Settings[K];
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a patched value has the same kind as the field's current value (a number stays a number…). */
function sameKind(current: unknown, next: unknown): boolean {
  // A field that is null until first set (what was trained) takes a plain value or null again.
  if (current === null) return next === null || (typeof next !== 'object' && typeof next !== 'function');
  if (Array.isArray(current)) return Array.isArray(next);
  if (isPlainObject(current)) return isPlainObject(next);
  return typeof current === typeof next && !(typeof next === 'number' && !Number.isFinite(next));
}

/**
 * Applies a patch to the freshest settings: fields of the wrong kind and fields this version does not know
 * are ignored (a page of an older or newer version can't break the stored value), nested objects are
 * merged one level deep. Returns `current` itself when nothing changes, so a writer can skip the write.
 */
export function applySettingsPatch(current: Settings, patch: unknown): Settings {
  if (!isPlainObject(patch)) return current;
  const next: Record<string, unknown> = { ...current };
  let changed = false;
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(current, key)) continue;
    const before = (current as unknown as Record<string, unknown>)[key];
    if (!sameKind(before, value)) continue;
    let after = value;
    if (isPlainObject(before) && isPlainObject(value)) {
      const merged: Record<string, unknown> = { ...before };
      for (const [inner, v] of Object.entries(value)) {
        if (Object.hasOwn(before, inner) && sameKind(before[inner], v)) merged[inner] = v;
      }
      after = merged;
    }
    if (JSON.stringify(after) !== JSON.stringify(before)) {
      next[key] = after;
      changed = true;
    }
  }
  return changed ? (next as unknown as Settings) : current;
}

/** Two patches as one, the later winning field by field (used to keep a first-run answer until sync settles). */
export function mergePatches(a: SettingsPatch, b: SettingsPatch): SettingsPatch {
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const before = out[key];
    out[key] = isPlainObject(before) && isPlainObject(value) ? { ...before, ...value } : value;
  }
  return out as SettingsPatch;
}
