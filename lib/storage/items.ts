import { storage } from 'wxt/utils/storage';
import type { SessionState } from '../session/types';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../settings/defaults';
import {
  CHOICE_CACHE_KEY,
  SAFETY_SEEN_KEY,
  THEME_CACHE_KEY,
  LAST_ROLLED_FALLBACK,
  LAST_ROLLED_KEY,
  PLACEMENT_FALLBACK,
  PLACEMENT_KEY,
  POST_WORKOUT_AT_KEY,
  REMINDER_DEFER_KEY,
  REMINDER_STATE_KEY,
  SESSION_FALLBACK,
  SESSION_KEY,
  SETTINGS_KEY,
  TIMER_TAB_KEY,
  WHATS_NEW_KEY,
  type OverlayPlacement,
  type TimerTab,
} from './keys';
import type { AreaId } from '../domain/areas';
import type { ReminderState } from '../reminders/types';
import type { DeferReason } from '../reminders/defer';
import type { SyncState, SyncStatus } from '../sync/engine';
import type { Settings, SettingsPatch } from '../settings/settings';
import { NO_FOLDED_HISTORY, type FoldedHistory } from '../sync/folded';
import { EMPTY_OUTBOX, type LogOutbox } from '../log/outbox';

/**
 * The catalogue of everything Rollbreak keeps in extension storage: every item of `storage.local`,
 * `storage.sync` and `storage.session` is declared here, once, with its fallback and version. Migrations
 * are declared in `background-items.ts`, which only the background imports (WXT runs them wherever they are
 * defined). Other modules import these items; outside lib/storage none reads or writes a key by name
 * (`npm run lint` checks it). Each item has one writer, named on it.
 *
 * Two contexts read a few keys without WXT's storage module, to stay small: the timer over a page (session,
 * placement) and the popup's first paint (session, settings, reminder status). They read the same keys and
 * fallbacks from `storage/keys.ts` through `local-value.ts` and never write what the background owns.
 */

export type { OverlayPlacement };

/** The break in progress (or just done). Writer: the background's session service. */
export const sessionItem = storage.defineItem<SessionState>(`local:${SESSION_KEY}`, {
  fallback: SESSION_FALLBACK,
});

/** When each area was last rolled. Writer: the background, as breaks are logged. */
export const lastRolledItem = storage.defineItem<Partial<Record<AreaId, number>>>(`local:${LAST_ROLLED_KEY}`, {
  fallback: LAST_ROLLED_FALLBACK,
});

/** A random id for this browser profile, stamped on its log entries so synced logs can tell devices apart. */
export const deviceIdItem = storage.defineItem<string | null>('local:deviceId', { fallback: null });

export { DEFAULT_SETTINGS };

/** The settings' version: `background-items.ts` migrates older ones, in the background only. */
export { SETTINGS_VERSION };

/**
 * Settings, synced across the person's browsers. Writer: the background's settings writer (by patch), through
 * the migrating declaration in `background-items.ts`. This one, for everyone else, has no migrations: WXT runs
 * an item's migrations wherever it is defined, so a page defining them would write storage.sync during an
 * upgrade, racing the writer. A page may meet an older version's value for a moment: it reads settings
 * through normalizeSettings, which gives each missing field its default.
 */
export const settingsItem = storage.defineItem<Settings>(`sync:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

/**
 * The welcome page's answer on a device whose synced settings have not arrived yet: kept here, on its own,
 * so that writing it can never replace an account's settings with this device's defaults. Applied once
 * synced settings exist or the person changes a setting. Writer: the settings writer.
 */
export const firstRunPatchItem = storage.defineItem<SettingsPatch | null>('local:firstRunPatch', { fallback: null });

/**
 * Whether this browser syncs its break log: each browser decides for itself (turning sync off on one
 * computer leaves the others alone). Null until decided: then the old synced `syncEnabled` setting counts,
 * and is copied here once. Writer: the background (lib/background/data/sync-choice.ts).
 */
export const syncChoiceItem = storage.defineItem<boolean | null>('local:syncLog', { fallback: null });

/**
 * "Delete all my data" under way (lib/background/data/your-data.ts): set before its first step, after sync is
 * turned off, and cleared after its last; a background that stopped in between finishes the job at its next
 * start. Writer: your-data.ts.
 */
export const dataWipeItem = storage.defineItem<{ startedAt: number } | null>('local:dataWipe', { fallback: null });

/**
 * "Remove this browser's records" under way (lib/background/data/your-data.ts): set once sync is off here and
 * before anything in the account changes, cleared after the last removal; a background that stopped in between
 * finishes it at its next start (or drops it when sync was turned on again since). Writer: your-data.ts.
 */
export const unsyncJobItem = storage.defineItem<{ startedAt: number } | null>('local:unsyncJob', { fallback: null });

/**
 * An import of a JSON export under way (lib/background/data/import-job.ts): the History page writes the file's
 * breaks into the log itself, in one IndexedDB transaction, between telling the background it begins (this
 * is set, and a sync round owed, before anything is written) and that it ended (cleared). A background
 * stopped in between finds it at its next start: the transaction wrote all of the file or nothing, so the
 * owed round is all that is left to do. Writer: import-job.ts.
 */
export const importJobItem = storage.defineItem<{ token: string; startedAt: number } | null>('local:importJob', {
  fallback: null,
});

/**
 * A sync round is owed: a fresh token, set before a write to the log (a delete, Undo, an import, the outbox)
 * and when a round starts; a round clears it when it ends without trouble and the token is still the one it
 * saw at its start (a write during the round owes another). A background stopped in between runs a round at
 * its next start, so what was written reaches the account even when nothing else wakes sync.
 * Writer: lib/background/data/sync-service.ts.
 */
export const syncDueItem = storage.defineItem<string | null>('local:syncDue', { fallback: null });

/** Finished breaks waiting for IndexedDB to take them (a failed write is retried). Writer: the log outbox. */
export const logOutboxItem = storage.defineItem<LogOutbox>('local:logOutbox', { fallback: EMPTY_OUTBOX });

/** The open timer window, if any; session storage forgets it with the browser, as the window itself goes. */
export const timerWindowItem = storage.defineItem<number | null>('session:timerWindowId', { fallback: null });

/** The tab the break's timer follows from page to page (see storage/keys.ts); null when it is in a window. */
export const timerTabItem = storage.defineItem<TimerTab | null>(`session:${TIMER_TAB_KEY}`, { fallback: null });

/** The desk-break reminder's record (see lib/reminders/types.ts); null until the background first runs. */
export const reminderStateItem = storage.defineItem<ReminderState | null>(`local:${REMINDER_STATE_KEY}`, { fallback: null });

/** Why the last due reminder is waiting, for the popup ("waiting: fullscreen"); null when none waits. */
export const reminderDeferItem = storage.defineItem<DeferReason | null>(`local:${REMINDER_DEFER_KEY}`, { fallback: null });

/** A one-off "remind me to roll after training" time, set from a pre-workout break's done screen. */
export const postWorkoutAtItem = storage.defineItem<number | null>(`local:${POST_WORKOUT_AT_KEY}`, { fallback: null });

/**
 * The version whose "what's new" line the popup shows (see storage/keys.ts); null when there is none.
 * Writer: the background (lib/background/whats-new.ts): set on an update, cleared when the person dismisses it.
 */
export const whatsNewItem = storage.defineItem<string | null>(`local:${WHATS_NEW_KEY}`, { fallback: null });

/** What the sync engine keeps between rounds (write times, retry time). Writer: the sync service. */
export const syncStateItem = storage.defineItem<SyncState | null>('local:syncState', { fallback: null });

/** A sync round's status as the background keeps it for the history page. */
export type StoredSyncStatus = Omit<SyncStatus, 'history'> & {
  /** When the round ran (also when sync is off or failing: lastSyncAt is the last success). */
  checkedAt: number;
};

/** The last sync round's status. Writer: the sync service, after every round; the history page watches it. */
export const syncStatusItem = storage.defineItem<StoredSyncStatus | null>('local:syncStatus', { fallback: null });

/**
 * The breaks this browser knows only as day totals (folded or archived by the sync, lib/sync/folded.ts),
 * for History's figures. Writer: the sync service, when a round works them out.
 */
export const foldedHistoryItem = storage.defineItem<FoldedHistory>('local:foldedHistory', { fallback: NO_FOLDED_HISTORY });

/** Where the timer sits over pages, and whether it is minimised. Writer: the timer (read and written there). */
export const overlayPlacementItem = storage.defineItem<OverlayPlacement>(`local:${PLACEMENT_KEY}`, {
  fallback: PLACEMENT_FALLBACK,
});

/**
 * The popup's last choice, in the extension's own `localStorage` (key CHOICE_CACHE_KEY, see lib/popup/choice-cache.ts):
 * not extension storage, because localStorage answers synchronously and the popup's first paint must
 * already say "Start 7-minute roll". The synced settings stay the source of truth and win once read.
 */
export const CHOICE_CACHE = CHOICE_CACHE_KEY;

/**
 * Whether the popup's first-run safety note was read (localStorage key SAFETY_SEEN_KEY, see
 * lib/popup/safety-note.ts): localStorage too, so the popup's first paint knows whether to show it. Per browser.
 */
export const SAFETY_SEEN = SAFETY_SEEN_KEY;

/**
 * The colour scheme the last extension page showed (localStorage key THEME_CACHE_KEY, see
 * lib/theme/page-theme.ts), so the next page paints in it at once; the synced setting wins once read.
 */
export const THEME_CACHE = THEME_CACHE_KEY;

/** E2E builds only: background wake-ups counted for the bench, and the last notification shown. */
export const e2eWakesItem = storage.defineItem<Record<string, number>>('local:e2eWakes', { fallback: {} });
/** E2E builds only: the step of "Delete all my data" after which it hangs, as a stopped worker would. */
export const e2eHangWipeItem = storage.defineItem<string | null>('local:e2eHangWipe', { fallback: null });
export const e2eNotificationItem = storage.defineItem<{ id: string; title: string; message: string } | null>(
  'local:e2eNotification',
  { fallback: null },
);
/** E2E builds only: the requests a test makes fail, to see every page say why (lib/background/e2e.ts). Writer: the tests. */
export const e2eFailItem = storage.defineItem<string[]>('local:e2eFail', { fallback: [] });
