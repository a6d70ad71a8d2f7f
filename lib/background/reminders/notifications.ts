import { browser } from 'wxt/browser';
import { formatNumber, t } from '../../i18n';
import { formatList } from '../../i18n/format';
import { tp } from '../../i18n/plural';
import { areaMessageKey } from '../../domain/areas';
import { buildPlan, reminderChoice } from '../plan-for';
import { e2eNotificationItem } from '../../storage/items';
import { getSettings } from '../settings-service';

export type ReminderKind = 'desk' | 'post';
const ID_PREFIX = 'rollbreak-';

export const notificationId = (kind: ReminderKind) => `${ID_PREFIX}${kind}`;
export function kindOf(id: string): ReminderKind | null {
  return id === notificationId('desk') ? 'desk' : id === notificationId('post') ? 'post' : null;
}

/** Firefox's notifications have no buttons: there a click starts, and the popup offers snooze. */
const hasButtons = () => !/firefox/i.test(navigator.userAgent);

/** Shows a reminder naming the routine it suggests ("5-minute desk roll: Upper back, Forearms and Soles of the feet"). */
export async function showReminderNotification(kind: ReminderKind): Promise<void> {
  const choice = await reminderChoice(kind);
  const { snoozeMinutes } = (await getSettings()).reminders;
  const plan = await buildPlan(choice);
  // Area names as their messages write them: lower-casing them would break languages that capitalise nouns.
  const areas = formatList([...new Set(plan.steps.filter((s) => s.kind === 'roll').map((s) => t(areaMessageKey(s.area))))]);
  const buttons = hasButtons();
  const base = kind === 'post' ? 'postWorkoutMessage' : buttons ? 'reminderMessage' : 'reminderMessageFirefox';
  const message = tp(base, plan.minutes, [formatNumber(plan.minutes), areas]);
  const title = t(kind === 'post' ? 'postWorkoutTitle' : 'reminderTitle');
  // E2E builds only: headless Firefox closes notifications at once, so tests read what was shown here.
  if (import.meta.env.ROLLBREAK_E2E) await e2eNotificationItem.setValue({ id: notificationId(kind), title, message });
  await browser.notifications.create(notificationId(kind), {
    type: 'basic',
    iconUrl: browser.runtime.getURL('/icon/128.png'),
    title,
    message,
    // Chrome: Start and Snooze, and the reminder stays until answered instead of fading after a few
    // seconds. Firefox supports neither option (and rejects unknown ones).
    ...(buttons
      ? {
          buttons: [{ title: t('notificationStart') }, { title: tp('snoozeFor', snoozeMinutes, formatNumber(snoozeMinutes)) }],
          requireInteraction: true,
        }
      : {}),
  });
}

export async function clearReminderNotification(kind: ReminderKind): Promise<void> {
  await browser.notifications.clear(notificationId(kind));
}
