import { describe, expect, it } from 'vitest';
import { checkRequest, senderKind, REQUESTS, type RequestType } from './protocol';

const ID = 'rollbreak-id';
const ORIGIN = 'chrome-extension://rollbreak-id/';

describe('senderKind', () => {
  it("knows the extension's own pages by their URL, in a tab or not", () => {
    expect(senderKind({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('extension');
    expect(senderKind({ id: ID, url: `${ORIGIN}log.html`, tab: { id: 4, url: `${ORIGIN}log.html` } }, ID, ORIGIN)).toBe(
      'extension',
    );
  });

  it("knows the timer over a page: our id, a tab, and the page's URL", () => {
    expect(senderKind({ id: ID, url: 'https://example.com/', tab: { id: 1, url: 'https://example.com/' } }, ID, ORIGIN)).toBe(
      'timer',
    );
  });

  it('trusts nothing else', () => {
    expect(senderKind({ id: 'another-extension', url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe('other');
    expect(senderKind({ id: ID, url: 'https://example.com/' }, ID, ORIGIN)).toBe('other');
    expect(senderKind({}, ID, ORIGIN)).toBe('other');
    // A look-alike origin is not ours.
    expect(senderKind({ id: ID, url: 'chrome-extension://rollbreak-id.evil/popup.html', tab: { id: 1 } }, ID, ORIGIN)).toBe(
      'timer',
    );
  });
});

describe('checkRequest', () => {
  const samples: { [K in RequestType]: Record<string, unknown> } = {
    start: {},
    session: { event: { type: 'pause' } },
    showTimer: {},
    showWindow: {},
    timerPage: { event: 'hide' },
    overlayPart: {},
    'settings:patch': { patch: { sound: true } },
    'settings:restore': { backup: { version: 3, values: {} } },
    'settings:reset': {},
    'whatsNew:seen': {},
    reminders: { action: 'pause', until: 'hour' },
    postWorkout: { minutes: 60 },
    checkIn: { answers: { calves: 'same' } },
    'log:delete': { id: 'x' },
    'log:undo': { entry: {} },
    'log:importBegin': {},
    'log:importEnd': { token: 'x', added: 0 },
    'sync:now': {},
    'sync:status': {},
    'data:sync': { on: false },
    'data:unsync': {},
    'data:deleteAll': {},
    chime: { kind: 'step' },
    'e2e:notification': { id: 'rollbreak-desk' },
    'e2e:command': { command: 'focus-timer' },
    'e2e:age': { seconds: 11 },
  };

  // The timer's own housekeeping: its page is being left, or it needs its rarely shown parts.
  const TIMER_ONLY = ['overlayPart', 'timerPage'];
  const FROM_TIMER = ['checkIn', 'overlayPart', 'postWorkout', 'session', 'timerPage'];

  it("accepts every request from the extension's pages but the timer's own housekeeping", () => {
    for (const [type, body] of Object.entries(samples))
      expect(checkRequest({ type, ...body }, 'extension').ok).toBe(!TIMER_ONLY.includes(type));
  });

  it("accepts from the timer only a person's presses (session events, the after-training offer, the check-in) and its housekeeping", () => {
    const allowed = Object.keys(samples).filter(
      (type) => checkRequest({ type, ...samples[type as RequestType] }, 'timer').ok === true,
    );
    expect(allowed.sort()).toEqual(FROM_TIMER);
  });

  it.each(Object.keys(REQUESTS).filter((type) => !FROM_TIMER.includes(type)))(
    'refuses "%s" from the timer with a clear error',
    (type) => {
      const verdict = checkRequest({ type, ...samples[type as RequestType] }, 'timer');
      expect(verdict).toEqual({ ok: false, error: `Rollbreak: "${type}" is not accepted from the timer on a web page.` });
    },
  );

  it.each(Object.keys(REQUESTS))('refuses "%s" from outside the extension', (type) => {
    const verdict = checkRequest({ type, ...samples[type as RequestType] }, 'other');
    expect(verdict.ok).toBe(false);
    expect(verdict).toEqual({ ok: false, error: `Rollbreak: "${type}" is not accepted from outside the extension.` });
  });

  it('refuses a session event nobody can press (a forged start with its own plan)', () => {
    expect(checkRequest({ type: 'session', event: { type: 'start', id: 'x', plan: {} } }, 'timer')).toEqual({
      ok: false,
      error: 'Rollbreak: "session" request is malformed.',
    });
  });

  it('lets the timer ask only for pictures the catalogue has, never a path of its own', () => {
    expect(checkRequest({ type: 'overlayPart', picture: 'quads-roller' }, 'timer').ok).toBe(true);
    for (const picture of ['neck-gun', '../overlay', 'quads-roller.js', 3]) {
      expect(checkRequest({ type: 'overlayPart', picture }, 'timer')).toEqual({
        ok: false,
        error: 'Rollbreak: "overlayPart" request is malformed.',
      });
    }
  });

  it('refuses malformed bodies and unknown types, and ignores what is not a request at all', () => {
    expect(checkRequest({ type: 'log:delete', id: 3 }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'reminders', action: 'snooze', minutes: -5 }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'settings:patch', patch: 'all' }, 'extension').ok).toBe(false);
    // Each body is held to its schema (valibot), field by field.
    expect(checkRequest({ type: 'start', choice: 'desk' }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'start', choice: [] }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'timerPage', event: 'show' }, 'timer').ok).toBe(false);
    expect(checkRequest({ type: 'data:sync', on: 'yes' }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'reminders', action: 'snooze', minutes: 1.5 }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'reminders', action: 'pause', until: 'never' }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'e2e:notification', id: 'x', button: '1' }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'settings:patch', patch: { sound: true }, firstRun: 'yes' }, 'extension').ok).toBe(false);
    expect(checkRequest({ type: 'wipe' }, 'extension')).toEqual({ ok: false, error: 'Rollbreak: unknown request "wipe".' });
    expect(checkRequest('start', 'extension')).toEqual({ ok: 'not-ours' });
    expect(checkRequest(null, 'extension')).toEqual({ ok: 'not-ours' });
  });
});
