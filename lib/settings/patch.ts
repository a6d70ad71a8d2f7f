import type { Settings, SettingsPatch } from './settings';

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
 * A patch applied to one object, field by field at every depth: a nested object (reminders, their active
 * hours) takes only the fields the patch names, so a page's stale copy of the rest never replaces them.
 * Fields of the wrong kind or unknown here are ignored.
 */
function patchObject(before: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...before };
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(before, key) || !sameKind(before[key], value)) continue;
    const inner = before[key];
    merged[key] = isPlainObject(inner) && isPlainObject(value) ? patchObject(inner, value) : value;
  }
  return merged;
}

/**
 * Applies a patch to the freshest settings: fields of the wrong kind and fields this version does not know
 * are ignored (a page of an older or newer version can't break the stored value), nested objects are
 * patched field by field at every depth. Returns `current` itself when nothing changes, so a writer can
 * skip the write.
 */
export function applySettingsPatch(current: Settings, patch: unknown): Settings {
  if (!isPlainObject(patch)) return current;
  const next = patchObject(current as unknown as Record<string, unknown>, patch);
  const changed = Object.keys(next).some(
    (key) => JSON.stringify(next[key]) !== JSON.stringify((current as unknown as Record<string, unknown>)[key]),
  );
  return changed ? (next as unknown as Settings) : current;
}

/** Two patches as one, the later winning field by field (used to keep a first-run answer until sync settles). */
export function mergePatches(a: SettingsPatch, b: SettingsPatch): SettingsPatch {
  const deep = (x: Record<string, unknown>, y: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...x };
    for (const [key, value] of Object.entries(y)) {
      const before = out[key];
      out[key] = isPlainObject(before) && isPlainObject(value) ? deep(before, value) : value;
    }
    return out;
  };
  return deep(a as Record<string, unknown>, b as Record<string, unknown>) as SettingsPatch;
}
