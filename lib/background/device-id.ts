import { deviceIdItem } from '../storage/items';

export async function getDeviceId(): Promise<string> {
  const known = await deviceIdItem.getValue();
  if (known) return known;
  const id = crypto.randomUUID();
  await deviceIdItem.setValue(id);
  return id;
}
