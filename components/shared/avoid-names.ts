import type { AreaId } from '../../lib/domain/areas';
import { areaMessageKey } from '../../lib/domain/areas';
import type { Side } from '../../lib/session/types';
import { t } from '../../lib/i18n';

/** An area left alone, or one side of it: "Calves", "Calves · right side" (the step titles' side words). */
export function avoidedName(area: AreaId, side?: Side | null): string {
  const name = t(areaMessageKey(area));
  if (side === 'left') return t('stepLeft', name);
  if (side === 'right') return t('stepRight', name);
  return name;
}
