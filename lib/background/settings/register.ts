import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { patchSettings, registerSettings } from './settings-service';

/** The settings writer's one request: a page's patch, applied to the freshest stored settings. */
export const settingsRequests: Handlers = {
  'settings:patch': async ({ patch, firstRun }) => ({ settings: await patchSettings(patch, { firstRun }) }),
};

/** Settings: synced settings arriving from the account, and the pages' patches. */
export function registerSettingsFeature(): void {
  registerSettings();
  handleRequests(settingsRequests);
}
