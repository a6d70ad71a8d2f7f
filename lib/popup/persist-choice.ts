import { cacheChoice } from './choice-cache';
import { localValue } from '../storage/local-value';
import { send } from '../messaging/send';
import { normalizeChoice } from '../settings/choice';
import { asTrained } from '../domain/trained';
import { SETTINGS_KEY } from '../storage/keys';
import type { BreakChoice } from '../domain/choice';

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
  // Only the choice's fields, each checked: the whole settings normaliser stays out of the popup's first paint.
  const trained = asTrained((raw as { trained?: unknown }).trained);
  return { ...normalizeChoice(raw), ...(trained ? { trained } : {}) };
}
