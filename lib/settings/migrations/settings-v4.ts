import type { AreaId } from '../../domain/areas';
import type { SettingsV3 } from './settings-v3';
import type { Side } from '../../session/types';

/**
 * An area the person leaves alone (an injury): no plan includes it until `until` (a timestamp), or ever while null.
 * `side` (added later, optional so no migration is needed) leaves out one side only; absent means both sides,
 * which is also what a version that does not know the field reads: the safe direction.
 */
export interface AvoidedArea {
  area: AreaId;
  until: number | null;
  side?: Side;
}

export interface SettingsV4 extends SettingsV3 {
  /** Ask at the end of a break how each rolled area feels: eased, same or worse (one tap each, skippable). */
  checkIn: boolean;
  /** Areas to leave alone, set in the popup's focus panel or in Settings. */
  avoid: AvoidedArea[];
}

/**
 * v3 → v4: the check-in at the end of a break, on; no areas left alone. The values are this version's
 * defaults, frozen here: a later change of a default gets a migration of its own.
 */
export function migrateSettingsV4(v3: SettingsV3): SettingsV4 {
  return { ...v3, checkIn: true, avoid: [] };
}
