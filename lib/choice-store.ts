import type { BreakChoice } from './choice';
import { cacheChoice } from './choice';
import { ext } from './ext-lite';
import { send } from './messages';
import { normalizeChoice } from './settings/choice';

/**
 * Remembers the popup's moment, tool and length: at once in the local cache, and in the synced settings
 * through the background, which owns the typed, versioned settings item (a raw write from here could
 * leave a settings object without its version or its other fields).
 */
export async function persistChoice(choice: BreakChoice): Promise<void> {
  cacheChoice(choice);
  await send({ type: 'saveChoice', choice });
}

/** The synced choice, once read; null if none was ever saved. */
export async function readSyncedChoice(): Promise<Omit<BreakChoice, 'focus'> | null> {
  const { settings } = await ext.storage.sync.get('settings');
  const s = settings as Partial<BreakChoice> | undefined;
  if (!s?.moment || !s.tool || typeof s.minutes !== 'number') return null;
  // A moment or tool from a newer version, or a broken length, falls back on its own default.
  return normalizeChoice(s);
}
