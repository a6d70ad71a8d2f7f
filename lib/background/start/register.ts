import type { Handlers } from '../../messaging/register';
import { handleRequests } from '../requests';
import { registerInstall } from './install';
import { registerE2e } from './e2e';
import { whatsNewSeen } from './whats-new';

/** After an update: the popup's "what's new" line, dismissed. */
export const startRequests: Handlers = { 'whatsNew:seen': whatsNewSeen };

/**
 * Install and start: the welcome page on first install, the "what's new" flag after an update; in E2E builds,
 * the wake-up counter (each feature adds its own test requests and hooks).
 */
export function registerStartFeature(): void {
  registerInstall();
  handleRequests(startRequests);
  if (import.meta.env.ROLLBREAK_E2E) registerE2e();
}
