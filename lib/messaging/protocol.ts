import type { BreakChoice } from '../domain/choice';
import type { SessionState, UserSessionEvent } from '../session/types';
import type { BreakEntry } from '../log/entry';
import type { ImportProblem } from '../log/import-export';
import type { StoredSyncStatus } from '../storage/items';
import type { Settings, SettingsPatch } from '../settings/settings';
import * as v from 'valibot';
import { isPictureKey } from '../pictures/keys';

/**
 * The one message protocol of the extension: every request any context sends (popup, timer over a page,
 * timer window, history, settings, welcome page, and the background's chime request to the offscreen
 * document), who may send it, and its body's and answer's schemas (REQUESTS below). `send` (send.ts) and
 * `registerHandlers` (register.ts) are typed by it. Pages and the timer import its types only: the schemas
 * (valibot) run in the background and the offscreen document, not in the bundles with a size budget.
 */

const PRESSABLE = [
  'tick',
  'pause',
  'resume',
  'skip',
  'end',
  'dismiss',
  'holdStart',
  'holdCancel',
  'holdRestart',
  'switchSide',
] as const;

/** Who sent a message, as the background sees it. */
export type SenderKind =
  /** A page of the extension's own origin: popup, history, settings, welcome, timer window, offscreen. */
  | 'extension'
  /** The timer injected into a web page: it runs beside the page's scripts. */
  | 'timer'
  /** Anything else (another extension, a web page through externally_connectable, a forged sender). */
  | 'other';

/**
 * A value whose rules the handler applies itself (the log's rules for an undone entry, the settings
 * normaliser for a patch, the plan generator's for a choice); the protocol checks only that it is an object.
 * In answers, the type of what the background's own code returns.
 */
const AN_OBJECT = v.looseObject({});
const checkedByHandler = <T>() => v.custom<T>((x) => !Array.isArray(x) && v.is(AN_OBJECT, x));
const count = (max: number) => v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max));
const NOTHING = v.object({});

const PRESS: v.GenericSchema<UserSessionEvent> = v.object({ type: v.picklist(PRESSABLE) });
const SESSION_ANSWER = v.object({ state: checkedByHandler<SessionState>() });
/** Where the timer is shown: over the page, or in a small window where the page can't be scripted. */
const START_ANSWER = v.object({ ...SESSION_ANSWER.entries, timer: v.picklist(['page', 'window']) });

const EXTENSION = ['extension'] as const satisfies readonly SenderKind[];
const EXTENSION_OR_TIMER = ['extension', 'timer'] as const satisfies readonly SenderKind[];
const TIMER = ['timer'] as const satisfies readonly SenderKind[];

/**
 * Every request: who may send it, its body's schema (checked by the background before any handler runs:
 * deeper checks, like an undone entry's fields, are the handler's) and its answer's (the handler's promise,
 * held by the unit tests' message double). The timer over a page shares the page's process and can be
 * reached by its scripts, so it may send only what a person can press on it (session events, and the done
 * screen's "remind me after training", which the background accepts only after a pre-workout break) and
 * its own housekeeping (its page is being left; load its rarely shown parts), which acts on its own tab alone.
 *
 * A message on the wire is `{ type, ...body }`; its answer is a Reply (request-error.ts).
 */
export const REQUESTS = {
  /** Start a break (the last choice when none is given) and show its timer on the active tab or in a window. */
  start: { from: EXTENSION, body: v.object({ choice: v.optional(checkedByHandler<BreakChoice>()) }), answer: START_ANSWER },
  /** A person's action on the running break (pause, knot, skip…), or a catch-up tick. */
  session: { from: EXTENSION_OR_TIMER, body: v.object({ event: PRESS }), answer: SESSION_ANSWER },
  /** Show the timer again on the active tab, or in a window where the page can't be scripted. */
  showTimer: { from: EXTENSION, body: NOTHING, answer: START_ANSWER },
  /** Show the timer in its own window (the popup's offer where the timer could not follow the break). */
  showWindow: { from: EXTENSION, body: NOTHING, answer: v.object({ timer: v.literal('window') }) },
  /**
   * From a page in the break's tab: 'hide' when the timer's page is being left (the timer's pagehide),
   * 'ready' when a new page has loaded (the script registered while a break runs with access to every
   * site). The background puts the timer back on the tab's new page.
   */
  timerPage: { from: TIMER, body: v.object({ event: v.picklist(['hide', 'ready']) }), answer: NOTHING },
  /**
   * From the timer over a page: inject its parts (overlay-parts.js: the picture frame, done screen, pill)
   * into its page, or with `picture`, that technique's picture (`quads-roller`): only a catalogue name.
   */
  overlayPart: {
    from: TIMER,
    body: v.object({ picture: v.optional(v.custom<string>(isPictureKey, 'Not a technique picture.')) }),
    answer: NOTHING,
  },
  /** Change some settings: only the fields the person touched, applied to the freshest stored value. */
  'settings:patch': {
    from: EXTENSION,
    body: v.object({ patch: checkedByHandler<SettingsPatch>(), firstRun: v.optional(v.boolean()) }),
    answer: v.object({ settings: checkedByHandler<Settings>() }),
  },
  /** Restore the settings a JSON backup holds (its `settings`, normalised by the handler); ok: false when they cannot be read. */
  'settings:restore': {
    from: EXTENSION,
    body: v.object({ backup: checkedByHandler<unknown>() }),
    answer: v.union([
      v.object({ ok: v.literal(true), settings: checkedByHandler<Settings>() }),
      v.object({ ok: v.literal(false) }),
    ]),
  },
  /** "Reset settings to defaults" (the log is kept). */
  'settings:reset': { from: EXTENSION, body: NOTHING, answer: v.object({ settings: checkedByHandler<Settings>() }) },
  /** The person dismissed the popup's "what's new" line. */
  'whatsNew:seen': { from: EXTENSION, body: NOTHING, answer: NOTHING },
  /** Snooze the desk-break reminder, or pause or resume all reminders. */
  reminders: {
    from: EXTENSION,
    body: v.variant('action', [
      v.object({ action: v.literal('snooze'), minutes: count(24 * 60) }),
      v.object({ action: v.literal('pause'), until: v.picklist(['hour', 'tomorrow', 'resume']) }),
    ]),
    answer: NOTHING,
  },
  /** "Remind me to roll after training" from a pre-workout break's done screen. */
  postWorkout: { from: EXTENSION_OR_TIMER, body: v.object({ minutes: count(24 * 60) }), answer: NOTHING },
  /**
   * The done screen's check-in so far: area → "eased", "same" or "worse", sent on every tap; null for Skip.
   * A press on the done screen, so the timer over a page may send it; the background accepts it only while
   * the break that just ended asks for it, and only for that break's areas.
   */
  checkIn: {
    from: EXTENSION_OR_TIMER,
    body: v.object({
      answers: v.nullable(v.pipe(v.record(v.string(), v.string()), v.maxEntries(14))),
    }),
    answer: SESSION_ANSWER,
  },
  /** Delete a break (it leaves a tombstone, so the deletion syncs); `ok: false` when it was not in the log. */
  'log:delete': { from: EXTENSION, body: v.object({ id: v.string() }), answer: v.object({ ok: v.boolean() }) },
  /** Bring a deleted break back (the entry as the page showed it before deleting); `error` when it breaks the log's rules. */
  'log:undo': {
    from: EXTENSION,
    body: v.object({ entry: checkedByHandler<BreakEntry>() }),
    answer: v.variant('ok', [
      v.object({ ok: v.literal(true), entry: checkedByHandler<BreakEntry>() }),
      v.object({ ok: v.literal(false), error: checkedByHandler<ImportProblem>() }),
    ]),
  },
  /**
   * The History page is about to import a JSON export into the log itself (its breaks are written in one
   * IndexedDB transaction: a file of 100,000 breaks is more than a message may carry). Answered once the
   * sync queue reaches it, with the import recorded and a round owed; the queue then waits for
   * `log:importEnd` (or a lease), so no round, delete or "Delete all" runs halfway through. `refused`
   * while "Delete all my data" is under way.
   */
  'log:importBegin': { from: EXTENSION, body: NOTHING, answer: v.object({ token: v.string() }) },
  /** The page's import ended (`added` breaks written; 0 when it failed): the queue goes on and a round publishes. */
  'log:importEnd': {
    from: EXTENSION,
    body: v.object({ token: v.pipe(v.string(), v.maxLength(100)), added: v.pipe(v.number(), v.integer(), v.minValue(0)) }),
    answer: NOTHING,
  },
  /** Run a sync round now and answer its status. */
  'sync:now': { from: EXTENSION, body: NOTHING, answer: checkedByHandler<StoredSyncStatus>() },
  /** The last sync round's status, without running one. */
  'sync:status': { from: EXTENSION, body: NOTHING, answer: v.nullable(checkedByHandler<StoredSyncStatus>()) },
  /** This browser's choice to sync its log: answered, and changed first when `on` is given. */
  'data:sync': { from: EXTENSION, body: v.object({ on: v.optional(v.boolean()) }), answer: v.object({ on: v.boolean() }) },
  /** Remove this browser's records (breaks, deletions) from storage.sync; sync must be off here first (else `refused`). */
  'data:unsync': { from: EXTENSION, body: NOTHING, answer: v.object({ removed: v.number() }) },
  /** Delete everything Rollbreak keeps for this browser: the log, its records in sync, settings, local state. */
  'data:deleteAll': { from: EXTENSION, body: NOTHING, answer: NOTHING },
  /** Background → offscreen document (Chrome): play a chime. */
  chime: { from: EXTENSION, body: v.object({ kind: v.picklist(['step', 'hold']) }), answer: v.void() },
  /** E2E builds only: act as if a notification (or one of its buttons) was clicked. */
  'e2e:notification': { from: EXTENSION, body: v.object({ id: v.string(), button: v.optional(v.number()) }), answer: NOTHING },
  /** E2E builds only: act as if a keyboard shortcut (manifest command) was pressed. */
  'e2e:command': { from: EXTENSION, body: v.object({ command: v.string() }), answer: NOTHING },
  /** E2E builds only: the running break as if it had started this many seconds earlier (no real-time waits). */
  'e2e:age': {
    from: EXTENSION,
    body: v.object({ seconds: v.pipe(v.number(), v.minValue(0), v.maxValue(3600)) }),
    answer: NOTHING,
  },
} satisfies Record<string, { from: readonly SenderKind[]; body: v.GenericSchema; answer: v.GenericSchema }>;

export type RequestType = keyof typeof REQUESTS;
/** Each request's body and answer, as its schemas describe them. */
export type Protocol = {
  [K in RequestType]: {
    body: v.InferOutput<(typeof REQUESTS)[K]['body']>;
    answer: v.InferOutput<(typeof REQUESTS)[K]['answer']>;
  };
};
export type Request<K extends RequestType = RequestType> = K extends RequestType ? { type: K } & Protocol[K]['body'] : never;
export type Answer<K extends RequestType> = Protocol[K]['answer'];
export type SessionAnswer = Answer<'session'>;
export type StartAnswer = Answer<'start'>;

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

export type Verdict<K extends RequestType = RequestType> =
  { ok: true; request: Request<K> } | { ok: false; error: string } | { ok: 'not-ours' };

/** Anything with a string `type` may be a request; the rest is not this protocol's business. */
const ENVELOPE = v.looseObject({ type: v.string() });

/** Whether a message is a request this context accepts from this sender; `error` says why not. */
export function checkRequest(message: unknown, kind: SenderKind): Verdict {
  if (!v.is(ENVELOPE, message)) return { ok: 'not-ours' };
  const { type } = message;
  if (!isRequestType(type)) return { ok: false, error: `Rollbreak: unknown request "${type}".` };
  const spec = REQUESTS[type];
  if (!(spec.from as readonly SenderKind[]).includes(kind)) {
    const who =
      kind === 'timer' ? 'the timer on a web page' : kind === 'extension' ? 'an extension page' : 'outside the extension';
    return { ok: false, error: `Rollbreak: "${type}" is not accepted from ${who}.` };
  }
  if (!v.is(spec.body, message)) return { ok: false, error: `Rollbreak: "${type}" request is malformed.` };
  return { ok: true, request: message as Request };
}
