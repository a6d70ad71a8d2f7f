import { beforeEach, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { openLog } from './db';
import type { BreakEntry } from './entry';
import { CHUNK, PAGE_SIZE, readAll, readRecent, statsWindowStart } from './read';
import { speakEnglish } from '../../tests/unit/english';

// A British English browser: weeks start on Monday.
speakEnglish('en-GB');

const DAY = 86_400_000;
const NOW = new Date(2026, 2, 18, 15).getTime(); // a Wednesday

function entry(i: number, startedAt: number): BreakEntry {
  return {
    id: `b${i}`,
    deviceId: 'dev',
    startedAt,
    endedAt: startedAt + 300_000,
    activeSeconds: 300,
    plannedSeconds: 300,
    steps: [{ area: 'calves', side: 'left', seconds: 300 }],
    holdCount: 0,
    context: 'rest',
    tool: 'ball',
    completed: true,
  };
}

async function put(entries: BreakEntry[]): Promise<void> {
  const db = await openLog();
  const tx = db.transaction('breaks', 'readwrite');
  for (const e of entries) void tx.store.put(e);
  await tx.done;
  db.close();
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('statsWindowStart', () => {
  it("is local midnight at the start of the chart's first week (7 weeks before this Monday)", () => {
    expect(statsWindowStart(NOW)).toBe(new Date(2026, 0, 26).getTime());
  });

  it("follows the user's first day of the week: 7 weeks before this Sunday, or this Saturday", () => {
    expect(statsWindowStart(NOW, 0)).toBe(new Date(2026, 0, 25).getTime());
    expect(statsWindowStart(NOW, 6)).toBe(new Date(2026, 0, 24).getTime());
  });
});

describe('readRecent', () => {
  it('reads the whole window and the count, and nothing older when the window has enough for the list', async () => {
    const log = Array.from({ length: 300 }, (_, i) => entry(i, NOW - (300 - i) * (DAY / 2)));
    await put(log);
    const view = await readRecent(NOW);
    const inWindow = log.filter((e) => e.startedAt >= statsWindowStart(NOW));
    expect(view.total).toBe(300);
    expect(view.complete).toBe(false);
    expect(view.entries).toEqual(inWindow);
  });

  it('adds the newest older breaks to fill the first page of the list', async () => {
    const log = Array.from({ length: 80 }, (_, i) => entry(i, NOW - 400 * DAY + i * DAY));
    log.push(entry(80, NOW - DAY));
    await put(log);
    const view = await readRecent(NOW);
    expect(view.entries).toHaveLength(PAGE_SIZE);
    expect(view.entries).toEqual(log.slice(-PAGE_SIZE));
    expect(view.total).toBe(81);
  });

  it('is complete for a small log', async () => {
    await put([entry(1, NOW - 500 * DAY), entry(2, NOW)]);
    const view = await readRecent(NOW);
    expect(view.complete).toBe(true);
    expect(view.entries.map((e) => e.id)).toEqual(['b1', 'b2']);
  });
});

describe('readAll', () => {
  it('reads every break once, oldest first, in chunks, also when breaks share a start time across a chunk edge', async () => {
    const n = CHUNK * 2 + 10;
    // Pairs of breaks (two devices) with the same start time, so chunk edges fall inside a pair.
    const log = Array.from({ length: n }, (_, i) =>
      entry(i, NOW - n * 60_000 + Math.floor(i / 2) * 60_000 - (i === CHUNK ? 60_000 : 0)),
    );
    await put(log);
    const all = await readAll();
    expect(all).toHaveLength(n);
    expect(new Set(all.map((e) => e.id)).size).toBe(n);
    for (let i = 1; i < all.length; i++) expect(all[i]!.startedAt).toBeGreaterThanOrEqual(all[i - 1]!.startedAt);
  });

  it('is empty for an empty log', async () => {
    expect(await readAll()).toEqual([]);
  });
});
