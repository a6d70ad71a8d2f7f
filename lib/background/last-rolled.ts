import type { BreakEntry } from '../log/entry';
import type { AreaId } from '../domain/areas';
import { lastRolledItem } from '../storage/items';

/** Records when each area of a logged break was last rolled (see LAST_ROLLED_KEY). */
export async function noteRolledAreas(entry: BreakEntry): Promise<void> {
  const known = await lastRolledItem.getValue();
  const next: Partial<Record<AreaId, number>> = { ...known };
  for (const step of entry.steps) {
    if (step.seconds > 0) next[step.area] = Math.max(next[step.area] ?? 0, entry.startedAt);
  }
  await lastRolledItem.setValue(next);
}
