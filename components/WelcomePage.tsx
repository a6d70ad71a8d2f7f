import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { settingsItem } from '../lib/storage-items';
import { t } from '../lib/i18n';

/** The first-run page: how Rollbreak works, the reminders question (on is the suggestion), and safety. */
export function WelcomePage() {
  const [answer, setAnswer] = useState<boolean | null>(null);
  const choose = async (enabled: boolean) => {
    const settings = await settingsItem.getValue();
    await settingsItem.setValue({ ...settings, reminders: { ...settings.reminders, enabled, firstRunAsked: true } });
    setAnswer(enabled);
  };
  const open = (path: '/options.html' | '/why.html') => void browser.tabs.create({ url: browser.runtime.getURL(path) });
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
        <p role="status">{answer === null ? '' : answer ? t('welcomeRemindOn') : t('welcomeRemindOff')}</p>
      </section>
      <section class="rb-note" aria-labelledby="safety-h">
        <h2 id="safety-h">{t('safetyNoteLabel')}</h2>
        <p>{t('welcomeSafety')}</p>
        <p>
          <strong>{t('safetyNotAdvice')}</strong> {t('safetyAskFirst')}
        </p>
      </section>
      <p class="rb-row rb-row--start">
        <button type="button" class="rb-link" onClick={() => open('/why.html')}>
          {t('whyLink')}
        </button>
        <button type="button" class="rb-link" onClick={() => open('/options.html')}>
          {t('settings')}
        </button>
      </p>
    </main>
  );
}
