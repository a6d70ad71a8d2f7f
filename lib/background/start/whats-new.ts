import { whatsNewItem } from '../../storage/items';

/**
 * The popup's one line of news after an update: the background (the item's one writer) notes the new
 * version when the browser updates Rollbreak, and forgets it when the person dismisses the line. A fresh
 * install shows none: its welcome page says what there is.
 */
export async function noteUpdate(reason: string, version: string): Promise<void> {
  if (reason === 'update') await whatsNewItem.setValue(version);
}

export async function whatsNewSeen(): Promise<object> {
  await whatsNewItem.setValue(null);
  return {};
}
