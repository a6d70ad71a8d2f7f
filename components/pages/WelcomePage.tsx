import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/send';
import { failedText } from '../../lib/messaging/request-problem';
import { t } from '../../lib/i18n';
import { AskFirst } from '../shared/AskFirst';
import { PrivacyNote } from '../shared/PrivacyNote';

/** The first-run page: how Rollbreak works, the reminders question (on is the suggestion), and safety. */
export function WelcomePage() {
  const [answer, setAnswer] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const choose = async (enabled: boolean) => {
    setError(null);
    try {
      // A first-run answer: on a new device whose synced settings haven't arrived, the background keeps it
      // aside rather than writing defaults over the account's settings.
      await send({ type: 'settings:patch', patch: { reminders: { enabled, firstRunAsked: true } }, firstRun: true });
      setAnswer(enabled);
    } catch (err) {
      setError(failedText('actionFailed', err));
    }
  };
  const openWhy = () => void browser.tabs.create({ url: browser.runtime.getURL('/why.html') });
  return (
    <main class="rb-root rb-page rb-why">
      <h1>{t('welcomeTitle')}</h1>
      <p>{t('welcomeIntro')}</p>
      <ol>
        <li>{t('welcomeStep1')}</li>
        <li>{t('welcomeStep2')}</li>
        <li>{t('welcomeStep3')}</li>
      </ol>
      <section class="rb-note" aria-labelledby="remind-q">
        <h2 id="remind-q">{t('welcomeRemindQuestion')}</h2>
        <p>{t('welcomeRemindDetail')}</p>
        <div class="rb-row rb-row--start">
          <button type="button" class="rb-primary" onClick={() => void choose(true)}>
            {t('welcomeRemindYes')}
          </button>
          <button type="button" onClick={() => void choose(false)}>
            {t('welcomeRemindNo')}
          </button>
        </div>
        <p role="status" class={error ? 'rb-status--error' : undefined}>
          {error ?? (answer === null ? '' : answer ? t('welcomeRemindOn') : t('welcomeRemindOff'))}
        </p>
      </section>
      <section class="rb-note" aria-labelledby="safety-h">
        <h2 id="safety-h">{t('safetyNoteLabel')}</h2>
        <p>{t('welcomeSafety')}</p>
        <p>
          <strong>{t('safetyNotAdvice')}</strong>
        </p>
        <AskFirst />
      </section>
      <PrivacyNote />
      <p class="rb-row rb-row--start">
        <button type="button" class="rb-link" onClick={openWhy}>
          {t('whyLink')}
        </button>
        {/* Reuses an open Settings tab instead of opening a second one. */}
        <button type="button" class="rb-link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('settings')}
        </button>
      </p>
    </main>
  );
}
