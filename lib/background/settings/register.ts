import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { patchSettings, registerSettings, replaceSettings } from '../settings-service';

/** The settings writer's requests: a page's patch, applied to the freshest stored settings; a backup's restore; a reset. */
export const settingsRequests: Handlers = {
  'settings:patch': async ({ patch, firstRun }) => ({ settings: await patchSettings(patch, { firstRun }) }),
  'settings:restore': async ({ backup }) => {
    const settings = await replaceSettings({ backup });
    return settings ? { ok: true, settings } : { ok: false };
  },
  'settings:reset': async () => ({ settings: (await replaceSettings('defaults'))! }),
};

/** Settings: synced settings arriving from the account, and the pages' patches. */
export function registerSettingsFeature(): void {
  registerSettings();
  handleRequests(settingsRequests);
}
