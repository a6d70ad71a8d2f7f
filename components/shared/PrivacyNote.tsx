import { PRIVACY_URL } from '../../lib/domain/links';
import { t } from '../../lib/i18n';

/** One sentence on what Rollbreak keeps and where, and the link to the full privacy policy. */
export function PrivacyNote() {
  return (
    <p>
      {t('privacySummary')}{' '}
      <a class="rb-a" href={PRIVACY_URL} target="_blank" rel="noreferrer">
        {t('privacyLink')}
      </a>
    </p>
  );
}
