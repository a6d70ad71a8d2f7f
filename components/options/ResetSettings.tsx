import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/send';
import { t } from '../../lib/i18n';

type Status = { text: string; error?: boolean } | null;

/**
 * Settings → "Reset settings to defaults", after a confirmation that says the break log is kept. The
 * background writes the defaults (settings:reset); the page shows them as they arrive in storage.
 */
export function ResetSettings() {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);

  // Focus goes to the confirmation when it opens, and back to the button when it closes.
  useEffect(() => {
    if (confirming) boxRef.current?.focus();
    else if (asked.current) buttonRef.current?.focus();
    asked.current ||= confirming;
  }, [confirming]);

  const reset = async () => {
    setBusy(true);
    try {
      await send({ type: 'settings:reset' });
      setStatus({ text: t('resetSettingsDone') });
    } catch {
      setStatus({ text: t('resetSettingsFailed'), error: true });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <section class="rb-data-section" aria-labelledby="rb-reset-settings">
      <h2 id="rb-reset-settings">{t('resetSettingsHeading')}</h2>
      {confirming ? (
        <div class="rb-data-box" role="group" aria-labelledby="rb-reset-intro" tabIndex={-1} ref={boxRef}>
          <p id="rb-reset-intro">{t('resetSettingsConfirm')}</p>
          <div class="rb-row rb-row--start">
            <button type="button" class="rb-danger" disabled={busy} onClick={() => void reset()}>
              {t('resetSettingsYes')}
            </button>
            <button type="button" disabled={busy} onClick={() => setConfirming(false)}>
              {t('resetSettingsCancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" ref={buttonRef} onClick={() => (setStatus(null), setConfirming(true))}>
          {t('resetSettings')}
        </button>
      )}
      <p role="status" class={`rb-status${status?.error ? ' rb-status--error' : ''}`}>
        {status?.text ?? ''}
      </p>
    </section>
  );
}
