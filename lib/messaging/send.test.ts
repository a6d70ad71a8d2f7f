import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerHandlers } from './register';
import { send } from './send';
import { RequestError, toFailure, toRequestError } from './request-error';
import {
  EXTENSION_PAGE,
  TIMER_ON_PAGE,
  rawSend,
  sendFromPage,
  sendFromTimer,
  sendMessagesAsPage,
  useWire,
  type Wire,
} from '../../tests/doubles/messages';

const WIRES: Wire[] = ['chrome', 'firefox'];

beforeEach(() => {
  fakeBrowser.reset();
  // The registrar reports each failure on the console; these tests fail handlers on purpose.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  useWire('chrome');
  vi.restoreAllMocks();
});

describe.each(WIRES)("send and the registrar, over %s's wire", (wire) => {
  beforeEach(() => useWire(wire));

  it("resolves with the handler's answer", async () => {
    registerHandlers({ 'data:sync': () => ({ on: true }) }, { owner: true });
    expect(await sendFromPage({ type: 'data:sync' })).toEqual({ on: true });
  });

  it('turns a handler that throws into a RequestError with its message', async () => {
    registerHandlers({ 'data:sync': () => Promise.reject(new TypeError('storage.local is undefined')) }, { owner: true });
    const error = await sendFromPage({ type: 'data:sync' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ code: 'failed', message: 'TypeError: storage.local is undefined' });
  });

  it("keeps the code a handler chose, and knows the browsers' quota errors", async () => {
    registerHandlers(
      {
        'data:unsync': () => {
          throw new RequestError('refused', 'Sync is on in this browser');
        },
        'settings:patch': () => Promise.reject(new Error('QUOTA_BYTES_PER_ITEM quota exceeded')),
        'data:deleteAll': () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')),
      },
      { owner: true },
    );
    await expect(sendFromPage({ type: 'data:unsync' })).rejects.toMatchObject({
      code: 'refused',
      message: 'Sync is on in this browser',
    });
    await expect(sendFromPage({ type: 'settings:patch', patch: {} })).rejects.toMatchObject({ code: 'quota' });
    await expect(sendFromPage({ type: 'data:deleteAll' })).rejects.toMatchObject({ code: 'quota' });
  });

  it('refuses, as a RequestError, what this sender may not send and what nobody handles', async () => {
    registerHandlers({ 'data:sync': () => ({ on: true }) }, { owner: true });
    await expect(sendFromTimer({ type: 'data:sync' })).rejects.toMatchObject({
      code: 'refused',
      message: 'Rollbreak: "data:sync" is not accepted from the timer on a web page.',
    });
    await expect(sendFromPage({ type: 'sync:now' })).rejects.toMatchObject({
      code: 'refused',
      message: 'Rollbreak: "sync:now" has no handler.',
    });
  });

  it('answers a failure as data, the same in both browsers: no rejection, no polyfill object', async () => {
    registerHandlers({ 'data:sync': () => Promise.reject(new Error('boom')) }, { owner: true });
    expect(await rawSend({ type: 'data:sync' }, EXTENSION_PAGE())).toEqual({
      ok: false,
      error: { code: 'failed', message: 'Error: boom' },
    });
    expect(await rawSend({ type: 'data:sync' }, TIMER_ON_PAGE())).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('says `unreachable` when nothing listens (the background is gone)', async () => {
    sendMessagesAsPage();
    await expect(send({ type: 'data:sync' })).rejects.toMatchObject({
      code: 'unreachable',
      message: 'Could not establish connection. Receiving end does not exist.',
    });
  });
});

describe('send, when a listener rejects without an explicit answer', () => {
  // What the registrar used to do, and what any listener that rejects still gets from the browsers.
  const rejecting = () =>
    fakeBrowser.runtime.onMessage.addListener(() =>
      Promise.reject(new Error('Rollbreak: no pre-workout break has just finished.')),
    );

  it("reads Chrome's answer object from webextension-polyfill as a failure, not as an answer", async () => {
    rejecting();
    expect(await rawSend({ type: 'postWorkout', minutes: 60 }, TIMER_ON_PAGE())).toEqual({
      __mozWebExtensionPolyfillReject__: true,
      message: 'Rollbreak: no pre-workout break has just finished.',
    });
    sendMessagesAsPage();
    await expect(send({ type: 'postWorkout', minutes: 60 })).rejects.toMatchObject({
      code: 'failed',
      message: 'Rollbreak: no pre-workout break has just finished.',
    });
  });

  it("reads Firefox's rejection as the same failure", async () => {
    useWire('firefox');
    rejecting();
    await expect(rawSend({ type: 'postWorkout', minutes: 60 }, TIMER_ON_PAGE())).rejects.toThrow(
      'no pre-workout break has just finished',
    );
    sendMessagesAsPage();
    const error = await send({ type: 'postWorkout', minutes: 60 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect(error).toMatchObject({ code: 'failed', message: 'Rollbreak: no pre-workout break has just finished.' });
  });
});

describe("the failure's wire format", () => {
  it('survives JSON and structured cloning as plain data', () => {
    const failure = toFailure(new RequestError('quota', 'full'));
    expect(JSON.parse(JSON.stringify(failure))).toEqual({ code: 'quota', message: 'full' });
    expect(structuredClone(failure)).toEqual(failure);
    expect(toFailure('a string')).toEqual({ code: 'failed', message: 'a string' });
  });

  it('reads every shape a sender can meet', () => {
    expect(toRequestError({ ok: false, error: { code: 'quota', message: 'full' } })).toMatchObject({
      code: 'quota',
      message: 'full',
    });
    expect(toRequestError({ __mozWebExtensionPolyfillReject__: true, message: 'boom' })).toMatchObject({
      code: 'failed',
      message: 'boom',
    });
    expect(toRequestError(new Error('boom'))).toMatchObject({ code: 'failed', message: 'boom' });
    expect(toRequestError(new Error('Could not establish connection. Receiving end does not exist.'))).toMatchObject({
      code: 'unreachable',
    });
    expect(toRequestError(undefined)).toMatchObject({ code: 'unreachable' });
  });
});
