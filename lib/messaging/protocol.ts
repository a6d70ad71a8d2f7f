import type { BreakChoice } from '../choice/choice';
import type { SessionEvent, SessionState } from '../session/types';
import type { BreakEntry } from '../log/entry';
import type { ImportProblem, ImportResult } from '../log/import-export';
import type { StoredSyncStatus } from '../storage/items';
import type { Settings, SettingsPatch } from '../settings/patch';

/**
 * The one message protocol of the extension: every request any context sends (popup, timer over a page,
 * timer window, history, settings, welcome page, and the background's chime request to the offscreen
 * document), its body and its answer. `send` (send.ts) and `registerHandlers` (register.ts) are typed by it.
 *
 * A message on the wire is `{ type, ...body }`.
 */

/** What a person can press on the timer; the background fills in the hold length from settings. */
export type UserSessionEvent =
  | Exclude<SessionEvent, { type: 'start' } | { type: 'holdStart' } | { type: 'holdRestart' }>
  | { type: 'holdStart' }
  | { type: 'holdRestart' };

export interface SessionAnswer {
  state: SessionState;
}

export interface StartAnswer extends SessionAnswer {
  /** Where the timer is shown: over the page, or in a small window where the page can't be scripted. */
  timer: 'page' | 'window';
}

export interface Protocol {
  /** Start a break (the last choice when none is given) and show its timer on the active tab or in a window. */
  start: { body: { choice?: BreakChoice }; answer: StartAnswer };
  /** A person's action on the running break (pause, knot, skip…), or a catch-up tick. */
  session: { body: { event: UserSessionEvent }; answer: SessionAnswer };
  /** Show the timer again on the active tab, or in a window where the page can't be scripted. */
  showTimer: { body: object; answer: StartAnswer };
  /** Show the timer in its own window (the popup's offer where the timer could not follow the break). */
  showWindow: { body: object; answer: { timer: 'window' } };
  /**
   * From a page in the break's tab: 'hide' when the timer's page is being left (the timer's pagehide),
   * 'ready' when a new page has loaded (the script registered while a break runs with access to every
   * site). The background puts the timer back on the tab's new page.
   */
  timerPage: { body: { event: 'hide' | 'ready' }; answer: object };
  /** From the timer over a page: inject its rarely shown parts (overlay-parts.js: done screen, pill) into its page. */
  overlayPart: { body: object; answer: object };
  /** Change some settings: only the fields the person touched, applied to the freshest stored value. */
  'settings:patch': { body: { patch: SettingsPatch; firstRun?: boolean }; answer: { settings: Settings } };
  /** Snooze the desk-break reminder, or pause or resume all reminders. */
  reminders: {
    body: { action: 'snooze'; minutes: number } | { action: 'pause'; until: 'hour' | 'tomorrow' | 'resume' };
    answer: object;
  };
  /** "Remind me to roll after training" from a pre-workout break's done screen. */
  postWorkout: { body: { minutes: number }; answer: object };
  /** The done screen's check-in: how each rolled area feels now ("eased", "same", "worse"), or null for Skip. */
  checkIn: { body: { answers: Array<{ area: string; feel: string }> | null }; answer: SessionAnswer };
  /** Delete a break (it leaves a tombstone, so the deletion syncs). */
  'log:delete': { body: { id: string }; answer: { ok: boolean } };
  /** Bring a deleted break back (the entry as the page showed it before deleting). */
  'log:undo': { body: { entry: BreakEntry }; answer: { ok: true; entry: BreakEntry } | { ok: false; error: ImportProblem } };
  /** Import the text of a JSON export: all of it or nothing. */
  'log:import': { body: { text: string }; answer: ImportResult };
  /** Run a sync round now and answer its status. */
  'sync:now': { body: object; answer: StoredSyncStatus };
  /** The last sync round's status, without running one. */
  'sync:status': { body: object; answer: StoredSyncStatus | null };
  /** This browser's choice to sync its log: answered, and changed first when `on` is given. */
  'data:sync': { body: { on?: boolean }; answer: { on: boolean } };
  /** Remove this browser's records (breaks, deletions) from storage.sync; sync must be off here first. */
  'data:unsync': { body: object; answer: { ok: true; removed: number } | { ok: false; error: string } };
  /** Delete everything Rollbreak keeps for this browser: the log, its records in sync, settings, local state. */
  'data:deleteAll': { body: object; answer: { ok: true } | { ok: false; error: string } };
  /** Background → offscreen document (Chrome): play a chime. */
  chime: { body: { kind: 'step' | 'hold' }; answer: void };
  /** E2E builds only: act as if a notification (or one of its buttons) was clicked. */
  'e2e:notification': { body: { id: string; button?: number }; answer: object };
  /** E2E builds only: act as if a keyboard shortcut (manifest command) was pressed. */
  'e2e:command': { body: { command: string }; answer: object };
}

export type RequestType = keyof Protocol;
export type Request<K extends RequestType = RequestType> = K extends RequestType ? { type: K } & Protocol[K]['body'] : never;
export type Answer<K extends RequestType> = Protocol[K]['answer'];

/** Who sent a message, as the background sees it. */
export type SenderKind =
  /** A page of the extension's own origin: popup, history, settings, welcome, timer window, offscreen. */
  | 'extension'
  /** The timer injected into a web page: it runs beside the page's scripts. */
  | 'timer'
  /** Anything else (another extension, a web page through externally_connectable, a forged sender). */
  | 'other';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= max;

const PRESSABLE: ReadonlySet<string> = new Set<UserSessionEvent['type']>([
  'tick', 'pause', 'resume', 'skip', 'end', 'dismiss', 'holdStart', 'holdCancel', 'holdRestart', 'switchSide',
]);

/**
 * For each request: who may send it, and a check of its body's shape (deeper checks, like an undone
 * entry's fields, are the handler's). The timer over a page shares the page's process and can be reached
 * by its scripts, so it may send only what a person can press on it (session events, the done screen's
 * "remind me after training", which the background accepts only after a pre-workout break, and its
 * check-in, accepted only while the break that just ended asks for it) and its own
 * housekeeping (its page is being left; load its rarely shown parts), which acts on its own tab alone.
 */
export const REQUESTS: { [K in RequestType]: { from: readonly SenderKind[]; valid(m: Record<string, unknown>): boolean } } = {
  start: { from: ['extension'], valid: (m) => m.choice === undefined || isObject(m.choice) },
  session: { from: ['extension', 'timer'], valid: (m) => isObject(m.event) && PRESSABLE.has(m.event.type as string) },
  showTimer: { from: ['extension'], valid: () => true },
  showWindow: { from: ['extension'], valid: () => true },
  timerPage: { from: ['timer'], valid: (m) => m.event === 'hide' || m.event === 'ready' },
  overlayPart: { from: ['timer'], valid: () => true },
  'settings:patch': { from: ['extension'], valid: (m) => isObject(m.patch) && (m.firstRun === undefined || typeof m.firstRun === 'boolean') },
  reminders: {
    from: ['extension'],
    valid: (m) =>
      (m.action === 'snooze' && isCount(m.minutes, 24 * 60)) ||
      (m.action === 'pause' && (m.until === 'hour' || m.until === 'tomorrow' || m.until === 'resume')),
  },
  postWorkout: { from: ['extension', 'timer'], valid: (m) => isCount(m.minutes, 24 * 60) },
  // A press on the done screen, so the timer over a page may send it; the background accepts it only while
  // the break that just ended asks for it, and only for that break's areas.
  checkIn: { from: ['extension', 'timer'], valid: (m) => m.answers === null || (Array.isArray(m.answers) && m.answers.length <= 14 && m.answers.every(isObject)) },
  'log:delete': { from: ['extension'], valid: (m) => typeof m.id === 'string' },
  'log:undo': { from: ['extension'], valid: (m) => isObject(m.entry) },
  'log:import': { from: ['extension'], valid: (m) => typeof m.text === 'string' },
  'sync:now': { from: ['extension'], valid: () => true },
  'sync:status': { from: ['extension'], valid: () => true },
  'data:sync': { from: ['extension'], valid: (m) => m.on === undefined || typeof m.on === 'boolean' },
  'data:unsync': { from: ['extension'], valid: () => true },
  'data:deleteAll': { from: ['extension'], valid: () => true },
  chime: { from: ['extension'], valid: (m) => m.kind === 'step' || m.kind === 'hold' },
  'e2e:notification': { from: ['extension'], valid: (m) => typeof m.id === 'string' && (m.button === undefined || typeof m.button === 'number') },
  'e2e:command': { from: ['extension'], valid: (m) => typeof m.command === 'string' },
};

export function isRequestType(type: unknown): type is RequestType {
  return typeof type === 'string' && Object.hasOwn(REQUESTS, type);
}

/** The parts of `runtime.MessageSender` the check reads. */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  /** The sending frame, and (Chrome) its document: where the timer lives. */
  frameId?: number;
  documentId?: string;
}

/**
 * Classifies a sender. `extensionId` and `extensionOrigin` ("chrome-extension://<id>/" or
 * "moz-extension://<uuid>/") are the running extension's. A content script's `url` is the page's, so only
 * the extension's own documents have a `url` under its origin.
 */
export function senderKind(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return 'other';
  if (sender.url?.startsWith(extensionOrigin)) return 'extension';
  if (sender.tab) return 'timer';
  return 'other';
}

export type Verdict<K extends RequestType = RequestType> = { ok: true; request: Request<K> } | { ok: false; error: string } | { ok: 'not-ours' };

/** Whether a message is a request this context accepts from this sender; `error` says why not. */
export function checkRequest(message: unknown, kind: SenderKind): Verdict {
  if (!isObject(message) || typeof message.type !== 'string') return { ok: 'not-ours' };
  const { type } = message;
  if (!isRequestType(type)) return { ok: false, error: `Rollbreak: unknown request "${type}".` };
  const spec = REQUESTS[type];
  if (!spec.from.includes(kind)) {
    const who = kind === 'timer' ? 'the timer on a web page' : kind === 'extension' ? 'an extension page' : 'outside the extension';
    return { ok: false, error: `Rollbreak: "${type}" is not accepted from ${who}.` };
  }
  if (!spec.valid(message)) return { ok: false, error: `Rollbreak: "${type}" request is malformed.` };
  return { ok: true, request: message as Request };
}
