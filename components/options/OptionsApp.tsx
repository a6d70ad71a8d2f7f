import { useState } from 'preact/hooks';
import { HOLD_MAX_SECONDS, HOLD_MIN_SECONDS } from '../../lib/session/types';
import type { MessageKey } from '../../lib/i18n';
import { t } from '../../lib/i18n';
import { formatSeconds } from '../../lib/i18n/format';
import { useSettings } from '../shared/use-settings';
import { RemindersSection } from './RemindersSection';
import { valueOf } from './fields';
import { YourData } from './YourData';
import { ResetSettings } from './ResetSettings';
import { BodySection } from './BodySection';
import { ThemeSetting } from './ThemeSetting';
import { PrivacyNote } from '../shared/PrivacyNote';
import { Shortcuts } from '../shared/Shortcuts';
import { failedText } from '../../lib/messaging/request-problem';

/** The page's one status line: "Saved.", or why a change could not be saved. */
export type Status = { text: string; error?: boolean } | null;

const HOLD_CHOICES = Array.from({ length: (HOLD_MAX_SECONDS - HOLD_MIN_SECONDS) / 5 + 1 }, (_, i) => HOLD_MIN_SECONDS + i * 5);

/**
 * Settings. Each change is sent as a patch of the fields touched and applies at once; a change made
 * elsewhere (the popup, another device) shows here without a reload. A running break and the reminder
 * time already counted are never reset.
 */
export function OptionsApp() {
  const { settings, patch } = useSettings();
  const [status, setStatus] = useState<Status>(null);
  if (!settings) return <main class="rb-root rb-page" aria-busy="true" />;
  const say = (key: MessageKey) => setStatus({ text: t(key) });
  const failed = (err: unknown) => setStatus({ text: failedText('settingSaveFailed', err), error: true });
  const save = (change: Parameters<typeof patch>[0]) => void patch(change).then(() => say('saved'), failed);

  return (
    <main class="rb-root rb-page rb-options">
      <h1>{t('settingsTitle')}</h1>

      <RemindersSection reminders={settings.reminders} patch={patch} say={say} failed={setStatus} />

      <h2>{t('sectionBreak')}</h2>
      <label>
        {t('holdSetting')}
        <select value={String(settings.holdSeconds)} onChange={(e) => save({ holdSeconds: Number(valueOf(e)) })}>
          {HOLD_CHOICES.map((s) => (
            <option key={s} value={String(s)}>
              {formatSeconds(s, 'long')}
            </option>
          ))}
        </select>
      </label>
      <p class="rb-cue">{t('holdSettingHelp')}</p>
      <label>
        <input type="checkbox" checked={settings.sound} onChange={(e) => save({ sound: e.currentTarget.checked })} />
        {t('soundSetting')}
      </label>
      <label>
        <input type="checkbox" checked={settings.voice} onChange={(e) => save({ voice: e.currentTarget.checked })} />
        {t('voiceSetting')}
      </label>
      <p class="rb-cue">{t('voiceSettingHelp')}</p>
      <BodySection settings={settings} save={save} />

      <h2>{t('shortcutsHeading')}</h2>
      <Shortcuts />

      <ThemeSetting value={settings.theme} onChange={(theme) => save({ theme })} />

      <p role="status" class={`rb-status${status?.error ? ' rb-status--error' : ''}`}>
        {status?.text ?? ''}
      </p>

      <ResetSettings />
      <YourData />

      <h2>{t('sectionPrivacy')}</h2>
      <PrivacyNote />
    </main>
  );
}
