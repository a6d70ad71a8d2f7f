import { useEffect, useState } from 'preact/hooks';
import { localValue } from '../../lib/storage/local-value';
import { WHATS_NEW_KEY } from '../../lib/storage/keys';
import { send } from '../../lib/messaging/send';
import { ext } from '../../lib/browser/ext-lite';
import { t } from '../../lib/i18n';
import { CHANGELOG_URL } from '../../lib/domain/links';

/** The message that says what a version brought: `whatsNew_0_2_0` for 0.2.0 (checked against CHANGELOG.md). */
export const whatsNewKey = (version: string): string => `whatsNew_${version.replace(/\./g, '_')}`;

// Read without WXT's storage module, as the popup's other reads; the item is declared in storage/items.ts.
const whatsNewValue = localValue<string | null>(WHATS_NEW_KEY, null);

/**
 * One line in the popup after an update, until dismissed: what the new version brought, with a link to the
 * whole changelog. Loaded after the popup's first paint. A version without a line of its own (a small fix)
 * shows nothing.
 */
export type WhatsNewComponent = typeof WhatsNew;

export function WhatsNew() {
  const [line, setLine] = useState<string | null>(null);
  useEffect(() => {
    void whatsNewValue
      .get()
      .then((version) => setLine(version ? ext.i18n.getMessage(whatsNewKey(version) as 'extName') || null : null));
  }, []);
  if (!line) return null;
  const dismiss = () => {
    setLine(null);
    void send({ type: 'whatsNew:seen' }).catch(() => undefined);
  };
  return (
    <aside class="rb-whats-new" aria-label={t('whatsNewLabel')}>
      <p>
        {line}{' '}
        <a href={CHANGELOG_URL} target="_blank" rel="noopener">
          {t('whatsNewLink')}
        </a>
      </p>
      <button type="button" class="rb-link" onClick={dismiss}>
        {t('whatsNewDismiss')}
      </button>
    </aside>
  );
}
