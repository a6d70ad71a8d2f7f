import { useEffect, useState } from 'preact/hooks';
import { settingsItem } from '../../lib/storage/items';
import { applySettingsPatch } from '../../lib/settings/patch';
import { normalizeSettings } from '../../lib/settings/normalize';
import { send } from '../../lib/messaging/send';
import { type Settings, type SettingsPatch } from '../../lib/settings/settings';

export interface SettingsHandle {
  /** The stored settings, kept current as they change anywhere (another page, the popup, another device). */
  settings: Settings | null;
  /**
   * Changes some fields: shown at once, then applied by the background's settings writer. If that fails,
   * the fields show the stored settings again and the promise rejects with the RequestError, for the
   * page to say why.
   */
  patch(patch: SettingsPatch): Promise<void>;
}

export function useSettings(): SettingsHandle {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    // Whatever is stored (another version's, a broken write) is normalized before the page shows it.
    void settingsItem.getValue().then((value) => setSettings(normalizeSettings(value)));
    return settingsItem.watch((value) => setSettings(normalizeSettings(value)));
  }, []);
  const patch = async (change: SettingsPatch) => {
    setSettings((current) => (current ? applySettingsPatch(current, change) : current));
    try {
      const answer = await send({ type: 'settings:patch', patch: change });
      setSettings(answer.settings);
    } catch (err) {
      // Never a blank page: back to what is stored.
      setSettings(normalizeSettings(await settingsItem.getValue()));
      throw err;
    }
  };
  return { settings, patch };
}
