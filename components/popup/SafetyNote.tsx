import { t } from '../../lib/i18n';
import { AskFirst } from '../shared/AskFirst';

/**
 * The popup's first-run safety note: Rollbreak is not medical advice, and who should ask a professional
 * before rolling. Shown above the start button until the user closes it or starts a break under it.
 */
export function SafetyNote({ onClose }: { onClose: () => void }) {
  return (
    <section class="rb-note rb-safety" aria-labelledby="rb-safety-title">
      <h2 id="rb-safety-title">{t('safetyNoteLabel')}</h2>
      <p>{t('safetyNotAdvice')}</p>
      <AskFirst />
      <button type="button" onClick={onClose}>
        {t('safetyGotIt')}
      </button>
    </section>
  );
}
