// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addBreak, openLog } from '../../lib/log/db';
import type { BreakEntry } from '../../lib/log/entry';
import { exportJson } from '../../lib/log/import-export';
import { syncStatusItem } from '../../lib/storage/items';
import { registerSync, requestSync } from '../../lib/background/sync-service';
import { registerAllRequests } from '../../tests/doubles/background-requests';
import { sendMessagesAsPage } from '../../tests/doubles/messages';
import { deviceIdItem, settingsItem } from '../../lib/storage/items';
import { realisticLog } from '../../tests/fixtures/breaks';
import { syncChoiceItem } from '../../lib/storage/items';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '../../lib/settings/defaults';
import { HistoryApp, UNDO_MS } from './HistoryApp';
import { areaName } from '../shared/BodyMap';

import { speakEnglish } from '../../tests/unit/english';

const ME = 'aaaa1111-0000-4000-8000-000000000000';
const DAY = 86_400_000;
/** Noon today, so "n days ago" never crosses midnight differently from the stats. */
const noon = () => {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  return d.getTime();
};

function entry(id: string, startedAt: number, overrides: Partial<BreakEntry> = {}): BreakEntry {
  return {
    id,
    deviceId: ME,
    startedAt,
    endedAt: startedAt + 5 * 60_000,
    activeSeconds: 300,
    plannedSeconds: 300,
    steps: [
      { area: 'quads', side: 'left', seconds: 90 },
      { area: 'quads', side: 'right', seconds: 90 },
      { area: 'upper-back', side: null, seconds: 120 },
    ],
    holdCount: 2,
    context: 'post',
    tool: 'roller',
    completed: true,
    ...overrides,
  };
}

async function seed(entries: BreakEntry[]): Promise<void> {
  const db = await openLog();
  for (const e of entries) await addBreak(db, e);
  db.close();
}

/** Rows of the recent-breaks table (body rows only). */
const rows = () =>
  within(screen.getByRole('table', { name: 'Recent breaks' }))
    .getAllByRole('row')
    .slice(1);

beforeEach(async () => {
  fakeBrowser.reset();
  speakEnglish();
  globalThis.indexedDB = new IDBFactory();
  await deviceIdItem.setValue(ME);
  // The real background handlers answer the page's messages, in the same process.
  registerSync();
  registerAllRequests();
  sendMessagesAsPage();
});
afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  vi.restoreAllMocks();
  // Let the background's sync rounds this test started finish before the next test resets storage.
  await requestSync();
});

describe('HistoryApp', () => {
  it('shows the streak, this week against the goal, 8 weeks with a text alternative, and coverage', async () => {
    await seed([entry('a', noon()), entry('b', noon() - DAY), entry('c', noon() - 2 * DAY), entry('old', noon() - 20 * DAY)]);
    render(<HistoryApp />);
    await screen.findByRole('table', { name: 'Recent breaks' });
    const streak = screen.getByRole('heading', { name: 'Days in a row' }).parentElement!;
    expect(streak.textContent).toContain('3');
    expect(screen.getByText(/ of 30 min$/)).toBeTruthy();
    // The chart's figures in a table: 8 weeks, this week last.
    const weeks = within(screen.getByRole('table', { name: /^Minutes rolled per week/ }))
      .getAllByRole('row')
      .slice(1);
    expect(weeks).toHaveLength(8);
    expect(weeks.reduce((sum, r) => sum + Number(r.lastElementChild!.textContent), 0)).toBeGreaterThanOrEqual(15);
    // Coverage of the last 7 days: the map's text alternative, a list of times, and neglected key areas.
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(
      /^Body map of the last 7 days\. Rolled: Quads \(front of the thigh\) 9 min and Upper back 6 min\. Not rolled: /,
    );
    const list = screen.getByRole('list', { name: 'Time per area, last 7 days' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Quads (front of the thigh)9 min', 'Upper back6 min']);
    expect(
      screen.getByText(
        /^Neglected in the last 7 days: Lats \(sides of the back\), Glutes \(buttocks\), Outer thigh \(IT band\), Hamstrings \(back of the thigh\), and Calves\./,
      ),
    ).toBeTruthy();
    fireEvent.click(screen.getAllByRole('radio', { name: 'Last 30 days' })[0]!);
    expect(
      within(screen.getByRole('list', { name: 'Time per area, last 30 days' })).getAllByRole('listitem')[0]!.textContent,
    ).toBe('Quads (front of the thigh)12 min');
  });

  it('lists recent breaks with their details, filters them, and shows 50 at a time', async () => {
    const log = Array.from({ length: 120 }, (_, i) =>
      entry(`b${i}`, noon() - i * 3_600_000, {
        tool: i % 3 === 0 ? 'ball' : 'roller',
        context: i === 1 ? 'desk' : 'post',
        completed: i !== 0,
      }),
    );
    await seed(log);
    render(<HistoryApp />);
    await screen.findByRole('table', { name: 'Recent breaks' });
    expect(rows()).toHaveLength(50);
    const cells = within(rows()[0]!)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells.slice(1)).toEqual([
      'After a workout',
      'Massage ball',
      '5:00',
      'Quads (front of the thigh) and Upper back',
      '2',
      'Ended early',
      'Delete',
    ]);
    expect(screen.getByText('Showing the newest 50 of 120 breaks.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    expect(rows()).toHaveLength(100);
    fireEvent.change(screen.getByRole('combobox', { name: 'Tool' }), { target: { value: 'ball' } });
    expect(rows()).toHaveLength(40);
    expect(screen.getByText('Showing 40 of the 40 breaks that match.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Moment' }), { target: { value: 'desk' } });
    expect(screen.getByText('No breaks match these filters.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Tool' }), { target: { value: '' } });
    expect(rows()).toHaveLength(1);
  });

  it('opens on the recent breaks of a long log, then loads the rest: a long streak, filters and Show more', async () => {
    await seed(Array.from({ length: 200 }, (_, i) => entry(`d${i}`, noon() - i * DAY, { tool: i === 150 ? 'gun' : 'roller' })));
    render(<HistoryApp />);
    await screen.findByRole('table', { name: 'Recent breaks' });
    expect(rows()).toHaveLength(50);
    expect(screen.getByText('Showing the newest 50 of 200 breaks.')).toBeTruthy();
    const streak = screen.getByRole('heading', { name: 'Days in a row' }).nextElementSibling!;
    await waitFor(() => expect(streak.textContent).toBe('200'));
    await waitFor(() => expect((screen.getByRole('button', { name: 'Show more' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.change(screen.getByRole('combobox', { name: 'Tool' }), { target: { value: 'gun' } });
    expect(rows()).toHaveLength(1);
  });

  it('deletes a break with an Undo that brings the same break back', async () => {
    await seed([entry('keep', noon() - DAY), entry('gone', noon())]);
    render(<HistoryApp />);
    await screen.findByRole('table', { name: 'Recent breaks' });
    const del = screen.getAllByRole('button', { name: /^Delete the break of / })[0]!;
    fireEvent.click(del);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(screen.getByText('Break deleted.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(undo));
    expect(rows()).toHaveLength(1);
    fireEvent.click(undo);
    await screen.findByText('Break restored.');
    await waitFor(() => expect(rows()).toHaveLength(2));
    const db = await openLog();
    const all = await db.getAll('breaks');
    db.close();
    const back = all.find((e) => e.startedAt === noon())!;
    expect({ ...back, id: 'gone' }).toEqual(entry('gone', noon()));
  });

  it('drops the undo notice after its time (focus moves on to the list), but not while the user holds it', async () => {
    await seed([entry('gone', noon()), entry('also', noon() - DAY)]);
    render(<HistoryApp undoMs={150} />);
    await screen.findByRole('table', { name: 'Recent breaks' });
    fireEvent.click(screen.getAllByRole('button', { name: /^Delete the break of / })[0]!);
    const undo = await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(document.activeElement).toBe(undo));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Recent breaks' }));
    // A second deletion, and the user tabs back onto the notice: it stays until they leave it.
    fireEvent.click(screen.getByRole('button', { name: /^Delete the break of / }));
    const again = await screen.findByRole('button', { name: 'Undo' });
    fireEvent.focusIn(again);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.getByRole('button', { name: 'Undo' })).toBe(again);
    fireEvent.focusOut(again);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(UNDO_MS).toBe(10_000);
  });

  it('imports a JSON export all or nothing, names the first bad record, and adds nothing the second time', async () => {
    render(<HistoryApp />);
    const input = (await screen.findByLabelText('Import a JSON export')) as HTMLInputElement;
    const pick = (text: string) => {
      Object.defineProperty(input, 'files', {
        value: [new File([text], 'log.json', { type: 'application/json' })],
        configurable: true,
      });
      fireEvent.change(input);
    };
    const good = exportJson(realisticLog(4, ME, 12, noon() - 10 * DAY), Date.now());
    const doc = JSON.parse(good) as { breaks: Array<Record<string, unknown>> };
    doc.breaks[2]!.holdCount = 1.5;
    pick(JSON.stringify(doc));
    await screen.findByText('Nothing was imported. Break 3: holdCount must be a whole number.');
    expect(screen.queryByRole('table', { name: 'Recent breaks' })).toBeNull();
    pick(good);
    await screen.findByText('Import done: 12 new breaks added.');
    await waitFor(() => expect(rows()).toHaveLength(12));
    pick(good);
    await screen.findByText('Import done: 0 new breaks added. 12 breaks were already in your log.');
  });

  it('exports JSON and both CSV files as downloads', async () => {
    await seed([entry('a', noon())]);
    const blobs: Blob[] = [];
    const names: string[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:x';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    render(<HistoryApp />);
    await screen.findByRole('table', { name: 'Recent breaks' });
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    // Every export is written a piece at a time (the JSON one reads the settings first): each file comes a moment later.
    await waitFor(() => expect(names).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV (breaks)' }));
    await waitFor(() => expect(names).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV (areas rolled)' }));
    await waitFor(() => expect(names).toHaveLength(3));
    expect(names.map((n) => n.replace(/\d{4}-\d\d-\d\d/, 'DATE'))).toEqual([
      'rollbreak-log-DATE.json',
      'rollbreak-breaks-DATE.csv',
      'rollbreak-steps-DATE.csv',
    ]);
    const backup = JSON.parse(await blobs[0]!.text()) as { breaks: unknown; settings: unknown };
    expect(backup.breaks).toEqual([entry('a', noon())]);
    // The backup keeps the settings too, with their version.
    expect(backup.settings).toEqual({ version: SETTINGS_VERSION, values: DEFAULT_SETTINGS });
    expect((await blobs[1]!.text()).split('\r\n')).toHaveLength(3);
    expect((await blobs[2]!.text()).split('\r\n')).toHaveLength(5);
  });

  it('saves a new weekly goal to the settings', async () => {
    render(<HistoryApp />);
    const goal = (await screen.findByRole('spinbutton', { name: 'Weekly goal (minutes)' })) as HTMLInputElement;
    fireEvent.input(goal, { target: { value: '45' } });
    fireEvent.change(goal);
    await waitFor(async () => expect((await settingsItem.getValue()).weeklyGoalMinutes).toBe(45));
    await screen.findByText(/ of 45 min$/);
    fireEvent.input(goal, { target: { value: '2' } });
    expect(screen.getByText('Enter a whole number from 5 to 1,000.')).toBeTruthy();
  });

  it('shows the sync status, syncs on demand, and says so plainly when sync is off', async () => {
    await seed([entry('a', noon())]);
    render(<HistoryApp />);
    await screen.findByRole('table', { name: 'Recent breaks' });
    expect(screen.getByText('Not yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(screen.queryByText('Not yet')).toBeNull());
    const facts = screen.getByRole('heading', { name: 'Sync' }).closest('section')!;
    expect(within(facts).getByText('Breaks in sync').nextElementSibling!.textContent).toBe('1');
    expect(within(facts).getByText(/^0\.\d kB of 100 kB$/)).toBeTruthy();
    await syncChoiceItem.setValue(false);
    await screen.findByText(/^Sync is off in this browser, so its breaks stay here\./);
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    await syncStatusItem.setValue({ ...(await syncStatusItem.getValue())!, error: 'quota', retryAt: Date.now() + 60_000 });
    await screen.findByText(/^Sync storage is full\. Your breaks are safe in this browser\. Rollbreak will try again at /);
  });

  it('shows breaks another device synced in without a reload', async () => {
    render(<HistoryApp />);
    await screen.findByText('No breaks yet. Start one from the toolbar button.');
    await seed([entry('remote', noon())]);
    // What the background does after a round that took breaks in.
    await syncStatusItem.setValue({
      lastSyncAt: Date.now(),
      checkedAt: Date.now(),
      breaksSynced: 1,
      bytesUsed: 40,
      added: 1,
      deleted: 0,
      writes: 0,
      folded: 0,
    });
    await waitFor(() => expect(rows()).toHaveLength(1));
  });

  it('shows where Knot was pressed for 7 and 30 days, on the map and as a table, and a spot that keeps coming back', async () => {
    const calf = [{ area: 'calves' as const, side: 'left' as const, seconds: 25 }];
    await seed([
      ...Array.from({ length: 5 }, (_, i) =>
        // From yesterday back: the counts take breaks that started before now, and noon today is still
        // ahead in the morning.
        entry(`k${i}`, noon() - (i + 1) * DAY, { knots: [...calf, { area: 'quads', side: 'right', seconds: 20 }] }),
      ),
      entry('old', noon() - 20 * DAY, { knots: [{ area: 'upper-back', side: 'left', seconds: 25 }] }),
    ]);
    render(<HistoryApp />);
    const section = await screen.findByRole('region', { name: 'Where you pressed Knot' });
    const table = within(section).getByRole('table', { name: 'Knot presses in the last 7 days, by area and side' });
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent));
    // As many presses on each: the areas in their usual order.
    expect(cells.map((r) => r.slice(1))).toEqual([
      ['0', '5'],
      ['5', '0'],
    ]);
    expect(cells.map((r) => r[0])).toEqual([areaName('quads'), areaName('calves')]);
    expect(within(section).getByRole('img').getAttribute('aria-label')).toBe(
      `Body map of where you pressed Knot: ${areaName('quads')}, Right: 5 and ${areaName('calves')}, Left: 5`,
    );
    expect(
      within(section).getByText(
        `${areaName('calves')} (Left) keeps coming back — breaks with a Knot press there in the last 14 days: 5.`,
      ),
    ).toBeTruthy();
    expect(within(section).getAllByText(/ask a physiotherapist or doctor\.$/)).toHaveLength(2);
    fireEvent.click(within(section).getByRole('radio', { name: 'Last 30 days' }));
    const month = within(section).getByRole('table', { name: 'Knot presses in the last 30 days, by area and side' });
    expect(within(month).getAllByRole('row')).toHaveLength(4);
  });
});
