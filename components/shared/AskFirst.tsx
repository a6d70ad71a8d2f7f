import { ASK_FIRST, ASK_FIRST_GUN } from '../../lib/routines/ask-first';
import { t } from '../../lib/i18n';

/**
 * Who should ask a professional before rolling, as two short lists (everyone; with a massage gun also).
 * The same words wherever they appear: the popup's first-run note, the welcome page and "Why roll?".
 * Plain markup and no state, as it sits on the popup's first paint.
 */
export function AskFirst() {
  return (
    <div class="rb-ask">
      <p>{t('askFirstIntro')}</p>
      <ul>
        {ASK_FIRST.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t('askFirstGunIntro')}</p>
      <ul>
        {ASK_FIRST_GUN.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
    </div>
  );
}
