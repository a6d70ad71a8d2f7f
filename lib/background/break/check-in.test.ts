import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DB_NAME, listBreaks, openLog } from '../../log/db';
import type { Plan, Session } from '../../session/types';
import { deviceIdItem, sessionItem } from '../../storage/items';
import { speakEnglish } from '../../../tests/unit/english';
import { registerAllRequests } from '../../../tests/doubles/background-requests';
import { sendFromPage, sendFromTimer } from '../../../tests/doubles/messages';
import { logOutboxItem } from '../log-outbox';
import { dispatch } from '../session-service';
import { requestSync } from '../sync-service';

/**
 * The background's checkIn request, through its one listener as the timer over a page and the extension's
 * pages send it: each tap kept with the break at once, Skip, and nothing a page's script could do beyond
 * answering for the person while the done screen asks.
 */

const T0 = Date.UTC(2026, 4, 4, 9);
let clock = T0;
const now = () => clock;

/** Two areas, so the check-in asks about both once each was rolled long enough. */
const plan: Plan = {
  moment: 'desk',
  tool: 'ball',
  minutes: 1,
  steps: [
    { kind: 'roll', area: 'forearms', side: null, seconds: 30 },
    { kind: 'roll', area: 'upper-traps', side: null, seconds: 30 },
  ],
};

async function logged() {
  const db = await openLog();
  try {
    return await listBreaks(db);
  } finally {
    db.close();
  }
}

/** A break with the check-in on: 20 s on each area, then End. */
async function endedBreak(checkIn = true): Promise<Session> {
  await dispatch({ type: 'start', id: 'break-1', plan, checkIn }, now);
  clock += 20_000;
  await dispatch({ type: 'skip' }, now);
  clock += 60_000; // the get-ready moment, if any, then the second area
  await dispatch({ type: 'tick' }, now);
  clock += 20_000;
  return (await dispatch({ type: 'end' }, now)) as Session;
}

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  speakEnglish();
  clock = T0;
  await deviceIdItem.setValue('aaaa1111-0000-4000-8000-000000000000');
  registerAllRequests();
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(async () => {
  await requestSync();
  vi.restoreAllMocks();
});

describe('the checkIn request', () => {
  it('asks about the areas rolled, keeps each tap with the break at once, and is done once all are answered', async () => {
    const ended = await endedBreak();
    expect(ended.checkIn).toBe('ask');
    expect(ended.checkInAreas).toEqual(['forearms', 'upper-traps']);
    // One tap: kept at once (Close would lose nothing), and the done screen still asks.
    const first = await sendFromTimer({ type: 'checkIn', answers: { forearms: 'eased' } });
    expect((first.state as Session).checkIn).toBe('ask');
    expect((await logged())[0]!.checkIn).toEqual([{ area: 'forearms', feel: 'eased' }]);
    // A changed answer replaces the first; the second area completes the check-in.
    await sendFromTimer({ type: 'checkIn', answers: { forearms: 'same' } });
    expect((await logged())[0]!.checkIn).toEqual([{ area: 'forearms', feel: 'same' }]);
    const all = await sendFromTimer({ type: 'checkIn', answers: { forearms: 'same', 'upper-traps': 'worse' } });
    expect((all.state as Session).checkIn).toBe('answered');
    expect((await sessionItem.getValue()) as Session).toMatchObject({ checkIn: 'answered' });
    const log = await logged();
    expect(log).toHaveLength(1);
    expect(log[0]!.checkIn).toEqual([
      { area: 'forearms', feel: 'same' },
      { area: 'upper-traps', feel: 'worse' },
    ]);
    // Answered: nobody (a page's script included) can answer again.
    await expect(sendFromTimer({ type: 'checkIn', answers: { forearms: 'eased' } })).rejects.toThrow(/no break is waiting/);
    expect((await logged())[0]!.checkIn).toEqual(log[0]!.checkIn);
  });

  it('Skip ends the check-in with one press and stores nothing', async () => {
    await endedBreak();
    const skipped = await sendFromPage({ type: 'checkIn', answers: null });
    expect((skipped.state as Session).checkIn).toBe('skipped');
    expect((await logged())[0]!.checkIn).toBeUndefined();
    await expect(sendFromPage({ type: 'checkIn', answers: { forearms: 'eased' } })).rejects.toThrow(/no break is waiting/);
  });

  it('refuses areas the break did not roll and unknown feelings, and keeps what was there', async () => {
    await endedBreak();
    await sendFromTimer({ type: 'checkIn', answers: { forearms: 'eased' } });
    await expect(sendFromTimer({ type: 'checkIn', answers: { calves: 'worse' } })).rejects.toThrow(/did not roll/);
    await expect(sendFromTimer({ type: 'checkIn', answers: { forearms: 'great' } })).rejects.toThrow(/did not roll/);
    await expect(sendFromTimer({ type: 'checkIn', answers: { ['__proto__']: 'eased' } as never })).rejects.toThrow();
    expect((await logged())[0]!.checkIn).toEqual([{ area: 'forearms', feel: 'eased' }]);
    expect(((await sessionItem.getValue()) as Session).checkIn).toBe('ask');
  });

  it('is refused while a break runs, when none ended, and when the check-in is switched off', async () => {
    await expect(sendFromPage({ type: 'checkIn', answers: null })).rejects.toThrow(/no break is waiting/);
    await dispatch({ type: 'start', id: 'break-0', plan, checkIn: true }, now);
    await expect(sendFromPage({ type: 'checkIn', answers: null })).rejects.toThrow(/no break is waiting/);
    await dispatch({ type: 'end' }, now);
    await dispatch({ type: 'dismiss' }, now);
    const off = await endedBreak(false);
    expect(off.checkIn).toBeUndefined();
    await expect(sendFromTimer({ type: 'checkIn', answers: { forearms: 'eased' } })).rejects.toThrow(/no break is waiting/);
  });

  it('puts the answers on a break still waiting in the outbox, so it is logged with them', async () => {
    await dispatch({ type: 'start', id: 'break-1', plan, checkIn: true }, now);
    clock += 20_000;
    // The log cannot be opened (a newer version upgraded it): the break waits in the outbox.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open(DB_NAME, 99);
      open.onsuccess = () => {
        open.result.close();
        resolve();
      };
      open.onerror = () => reject(open.error);
    });
    const ended = (await dispatch({ type: 'end' }, now)) as Session;
    expect(ended.saved).toBe(false);
    expect(ended.checkInAreas).toEqual(['forearms']);
    const answered = await sendFromTimer({ type: 'checkIn', answers: { forearms: 'worse' } });
    expect((answered.state as Session).checkIn).toBe('answered');
    expect((await logOutboxItem.getValue()).entries[0]!.checkIn).toEqual([{ area: 'forearms', feel: 'worse' }]);
  });
});
