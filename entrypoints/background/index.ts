import { defineBackground } from 'wxt/utils/define-background';
import { reportUnhandledRejections } from '../../lib/background/log-failure';
import { registerSettingsFeature } from '../../lib/background/settings/register';
import { registerBreakFeature } from '../../lib/background/break/register';
import { registerRemindersFeature } from '../../lib/background/reminders/register';
import { registerDataFeature } from '../../lib/background/data/register';
import { registerTimerFeature } from '../../lib/background/timer/register';
import { registerStartFeature } from '../../lib/background/start/register';
import { registerRequests } from '../../lib/background/requests';
import { countWake, failOnDemand } from '../../lib/background/start/e2e';

// The background's one wiring point. Each feature registers its own listeners, alarms and request handlers,
// synchronously in the first turn of every start (an MV3 worker is only woken for listeners registered by
// then), and catches up from storage: nothing is kept in memory between wakes. Then the one message
// listener answers the requests the features added.
export default defineBackground(() => {
  reportUnhandledRejections();
  registerSettingsFeature();
  registerBreakFeature();
  registerRemindersFeature();
  registerDataFeature();
  registerTimerFeature();
  registerStartFeature();
  // E2E builds count what wakes the background, for the bench's wake-ups per page load, and a test can make
  // any request fail (the one error channel, seen from the pages).
  registerRequests(
    import.meta.env.ROLLBREAK_E2E ? { onRequest: (type) => void countWake(`message:${type}`), wrap: failOnDemand } : {},
  );
});
