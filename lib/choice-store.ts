import type { BreakChoice } from './choice';
import { cacheChoice } from './choice';
import { ext } from './ext-lite';

/**
 * Remembers the popup's moment, tool and length in the synced settings (and the local cache), without
 * pulling the settings library into the popup. Other settings fields are left as they are.
 */
export async function persistChoice(choice: BreakChoice): Promise<void> {
  cacheChoice(choice);
  const { settings } = await ext.storage.sync.get('settings');
  await ext.storage.sync.set({
    settings: { ...(settings as object | undefined), moment: choice.moment, tool: choice.tool, minutes: choice.minutes },
  });
}

/** The synced choice, once read; null if none was ever saved. */
export async function readSyncedChoice(): Promise<Omit<BreakChoice, 'focus'> | null> {
  const { settings } = await ext.storage.sync.get('settings');
  const s = settings as Partial<BreakChoice> | undefined;
  if (!s?.moment || !s.tool || typeof s.minutes !== 'number') return null;
  return { moment: s.moment, tool: s.tool, minutes: s.minutes };
}
