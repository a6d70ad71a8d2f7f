import { defineBackground } from 'wxt/utils/define-background';
import { registerRequests } from '../../lib/background/requests';
import { registerSession } from '../../lib/background/break/session-service';
import { registerSettings } from '../../lib/background/settings/settings-service';
import { registerReminders } from '../../lib/background/reminders/reminders';
import { registerNotifications, registerPostWorkout } from '../../lib/background/reminders/reminder-actions';
import { registerCommands } from '../../lib/background/break/commands';
import { registerSync } from '../../lib/background/data/sync-service';
import { registerInstall } from '../../lib/background/start/install';
import { registerE2e } from '../../lib/background/start/e2e';
import { reportUnhandledRejections } from '../../lib/background/log-failure';

// The background's one wiring point. Each service registers its own listeners and alarms, synchronously in
// the first turn of every start (an MV3 worker is only woken for listeners registered by then), and catches
// up from storage: nothing is kept in memory between wakes.
export default defineBackground(() => {
  reportUnhandledRejections();
  registerRequests();
  registerSettings();
  registerSession();
  registerReminders();
  registerPostWorkout();
  registerNotifications();
  registerCommands();
  registerSync();
  registerInstall();
  if (import.meta.env.ROLLBREAK_E2E) registerE2e();
});
