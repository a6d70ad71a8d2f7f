import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../lib/storage-items';
import { settingsItem } from '../lib/storage-items';
import { HOLD_MAX_SECONDS, HOLD_MIN_SECONDS } from '../lib/session/types';
import { t } from '../lib/i18n';

const HOLD_CHOICES = Array.from({ length: (HOLD_MAX_SECONDS - HOLD_MIN_SECONDS) / 5 + 1 }, (_, i) => HOLD_MIN_SECONDS + i * 5);

/** Settings. Changes apply to the next knot hold; a running break keeps going. */
export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
  }, []);
  if (!settings) return <main class="rb-root rb-page" aria-busy="true" />;

  const update = async (next: Settings) => {
    setSettings(next);
    await settingsItem.setValue(next);
    setSaved(true);
  };

  return (
    <main class="rb-root rb-page">
      <h1>{t('settingsTitle')}</h1>
      <h2>{t('sectionBreak')}</h2>
      <label>
        {t('holdSetting')}
        <select
          value={String(settings.holdSeconds)}
          onChange={(e) => void update({ ...settings, holdSeconds: Number((e.currentTarget as HTMLSelectElement).value) })}
        >
          {HOLD_CHOICES.map((s) => (
            <option key={s} value={String(s)}>
              {t('seconds', String(s))}
            </option>
          ))}
        </select>
      </label>
      <p class="rb-cue">{t('holdSettingHelp')}</p>
      <label>
        <input
          type="checkbox"
          checked={settings.sound}
          onChange={(e) => void update({ ...settings, sound: (e.currentTarget as HTMLInputElement).checked })}
        />
        {t('soundSetting')}
      </label>
      <p role="status">{saved ? t('saved') : ''}</p>
    </main>
  );
}
