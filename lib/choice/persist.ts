import type { BreakChoice } from './choice';
import { cacheChoice } from './choice';
import { localValue } from '../storage/local-value';
import { send } from '../messaging/send';
import { normalizeSettings } from '../settings/normalize';
import { SETTINGS_KEY } from '../storage/keys';

/**
 * Remembers the popup's moment, tool, length and what was trained: at once in the local cache, and in the
 * synced settings through the background's settings writer, as a patch of just these fields.
 */
export async function persistChoice({ moment, tool, minutes, trained }: BreakChoice): Promise<void> {
  cacheChoice({ moment, tool, minutes, ...(trained ? { trained } : {}) });
  await send({ type: 'settings:patch', patch: { moment, tool, minutes, ...(trained ? { trained } : {}) } });
}

/** The synced choice, once read; null if no settings were ever saved. Another version's values fall back. */
export async function readSyncedChoice(): Promise<Omit<BreakChoice, 'focus'> | null> {
  const raw = await localValue<unknown>(SETTINGS_KEY, null, 'sync').get();
  if (!raw) return null;
  const { moment, tool, minutes, trained } = normalizeSettings(raw);
  return { moment, tool, minutes, ...(trained ? { trained } : {}) };
}
