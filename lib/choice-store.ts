import type { BreakChoice } from './choice';
import { cacheChoice } from './choice';
import { ext } from './ext-lite';
import { send } from './messages';
import { asTrained } from './routines/trained';

/**
 * Remembers the popup's moment, tool, length and what was trained: at once in the local cache, and in the synced settings
 * through the background, which owns the typed, versioned settings item (a raw write from here could
 * leave a settings object without its version or its other fields).
 */
export async function persistChoice(choice: BreakChoice): Promise<void> {
  cacheChoice(choice);
  await send({ type: 'saveChoice', choice });
}

/** The synced choice, once read; null if none was ever saved. An unknown `trained` (another version's) is left out. */
export async function readSyncedChoice(): Promise<Omit<BreakChoice, 'focus'> | null> {
  const { settings } = await ext.storage.sync.get('settings');
  const s = settings as Partial<BreakChoice> | undefined;
  if (!s?.moment || !s.tool || typeof s.minutes !== 'number') return null;
  const trained = asTrained(s.trained);
  return { moment: s.moment, tool: s.tool, minutes: s.minutes, ...(trained ? { trained } : {}) };
}
