import { formatNumber, t, uiLanguage } from '../../lib/i18n';
import type { FoldedHistory } from '../../lib/sync/folded';

/** "3 March 2025" for a local day `YYYY-MM-DD`, in the UI language. */
function longDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'long', year: 'numeric' }).format(
    new Date(y!, m! - 1, d!),
  );
}

/**
 * Says, in plain words, that some breaks are known here only as day totals (other browsers folded or
 * archived them in sync): up to which day, how many, that they count in every figure, and where each one is.
 */
export function FoldedNote({ folded }: { folded: FoldedHistory }) {
  if (folded.count === 0 || folded.through === null) return null;
  return (
    <p class="rb-card rb-muted rb-folded-note">
      {t('history_folded_note', [longDay(folded.through), formatNumber(folded.count)])}
    </p>
  );
}
