import { describe, expect, it } from 'vitest';
import { decodeBreak } from './encode';
import { decodeDay } from './days';
import { AREA_IDS } from '../domain/areas';
import { readSnapshot } from './snapshot';
import { SYNC_EPOCH } from './encode';
import { MOMENT_IDS, TOOLS } from '../domain/lists';
import { notesCode } from './encode';
import { planWrites } from './merge';
import { readAsVersion01 } from '../../tests/fixtures/sync-reader-0.1';
import { realisticLog, withBodyNotes } from '../../tests/fixtures/breaks';

/**
 * The sync format, frozen. These records were written by Rollbreak 0.1 and sit in people's browser accounts;
 * every later version must read them back to the same breaks. If this test fails, the change broke the
 * format: new areas, moments and tools may only be appended to their lists, never inserted or reordered.
 */

const DEV = '3f2a9c1e';

describe('sync format (golden records from version 0.1)', () => {
  it('keeps the order of the lists whose indexes are stored', () => {
    expect(AREA_IDS.slice(0, 14)).toEqual([
      'upper-back',
      'lats',
      'glutes',
      'it-band',
      'quads',
      'hamstrings',
      'adductors',
      'hip-flexors',
      'calves',
      'shins',
      'feet',
      'forearms',
      'chest',
      'upper-traps',
    ]);
    expect(MOMENT_IDS.slice(0, 4)).toEqual(['pre', 'post', 'rest', 'desk']);
    expect(TOOLS.slice(0, 3)).toEqual(['roller', 'ball', 'gun']);
  });

  it.each([
    [
      'e2SdhWDVFooa20c2c4i8i',
      {
        id: '3f2a9c1e.mmq4keex',
        startedAt: 1773480612345,
        endedAt: 1773480924345,
        activeSeconds: 300,
        plannedSeconds: 300,
        steps: [
          ['upper-back', 60],
          ['glutes', 60],
          ['quads', 90],
          ['calves', 90],
        ],
        holdCount: 2,
        context: 'post',
        tool: 'roller',
        completed: true,
      },
    ],
    [
      'E2SirwnVC8z4e0bfdf',
      {
        id: '3f2a9c1e.mmrk092x',
        startedAt: 1773567012345,
        endedAt: 1773567212345,
        activeSeconds: 150,
        plannedSeconds: 420,
        steps: [
          ['forearms', 75],
          ['upper-traps', 75],
        ],
        holdCount: 0,
        context: 'desk',
        tool: 'ball',
        completed: false,
      },
    ],
    [
      'a2SnB67VBk065cc5c3c',
      {
        id: '3f2a9c1e.mmszg3qx',
        startedAt: 1773653412345,
        endedAt: 1773653592345,
        activeSeconds: 180,
        plannedSeconds: 180,
        steps: [
          ['chest', 60],
          ['hamstrings', 60],
          ['it-band', 60],
        ],
        holdCount: 5,
        context: 'pre',
        tool: 'gun',
        completed: true,
      },
    ],
    [
      'u2SsKHTVOozok1ao9i6i7i1u',
      {
        id: '3f2a9c1e.mmuevyex',
        startedAt: 1773739812345,
        endedAt: 1773740412345,
        activeSeconds: 540,
        plannedSeconds: 600,
        steps: [
          ['feet', 120],
          ['shins', 90],
          ['adductors', 90],
          ['hip-flexors', 90],
          ['lats', 150],
        ],
        holdCount: 1,
        context: 'rest',
        tool: 'ball',
        completed: true,
      },
    ],
  ] as const)('reads %s back to the same break', (record, want) => {
    const { steps, ...rest } = want;
    expect(decodeBreak(record, DEV)).toEqual({
      ...rest,
      deviceId: DEV,
      steps: steps.map(([area, seconds]) => ({ area, side: null, seconds })),
    });
  });

  it('reads a format-2 record (knots and check-in, Rollbreak 0.2) back to the same break', () => {
    expect(decodeBreak('e2SdhWDVFooa20c2c4i8i*5p5e6rw', DEV)).toEqual({
      id: '3f2a9c1e.mmq4keex',
      deviceId: DEV,
      startedAt: 1773480612345,
      endedAt: 1773480924345,
      activeSeconds: 300,
      plannedSeconds: 300,
      steps: [
        ['upper-back', 60],
        ['glutes', 60],
        ['quads', 90],
        ['calves', 90],
      ].map(([area, seconds]) => ({ area, side: null, seconds })),
      holdCount: 2,
      context: 'post',
      tool: 'roller',
      completed: true,
      knots: [
        { area: 'calves', side: 'left', seconds: 25 },
        { area: 'quads', side: 'right', seconds: 30 },
      ],
      checkIn: [
        { area: 'upper-back', feel: 'eased' },
        { area: 'glutes', feel: 'same' },
        { area: 'quads', feel: 'worse' },
        { area: 'calves', feel: 'same' },
      ],
    });
  });

  it('reads body notes from a note: item beside the log: item (format 2 as written since), and 0.1 reads the break', () => {
    const area = {
      'log:3f2a9c1e:0': '1|e2SdhWDVFooa20c2c4i8i,E2SirwnVC8z4e0bfdf',
      // "V": the last letter of the first break's start; the second break has no notes.
      'note:3f2a9c1e:0': '1|V5p5e6rw,',
    };
    const [noted, plain] = readSnapshot(area).devices.get(DEV)!.entries;
    expect(noted).toEqual(decodeBreak('e2SdhWDVFooa20c2c4i8i*5p5e6rw', DEV));
    expect(plain).toEqual(decodeBreak('E2SirwnVC8z4e0bfdf', DEV));
    // Rollbreak 0.1 skips the key it does not know and reads both breaks, without a word of trouble.
    const old = readAsVersion01(area);
    expect(old.unreadable).toBe(0);
    expect(old.breaks.get(DEV)!.map((b) => b.id)).toEqual([noted!.id, plain!.id]);
    // Written inline, as the first format-2 writer did, 0.1 could not read the break at all.
    expect(readAsVersion01({ 'log:3f2a9c1e:0': '1|e2SdhWDVFooa20c2c4i8i*5p5e6rw' }).unreadable).toBe(1);
    // A note that does not belong to its break (an item caught mid-update) is left out; the break stays.
    const stray = readSnapshot({ ...area, 'note:3f2a9c1e:0': '1|W5p5e6rw,' }).devices.get(DEV)!;
    expect(stray.entries[0]).toEqual(decodeBreak('e2SdhWDVFooa20c2c4i8i', DEV));
    expect(stray.unreadable).toBe(0);
  });

  it('writes breaks with knots and check-ins so that Rollbreak 0.1 still reads every one of them', () => {
    const device = '3f2a9c1e-0000-4000-8000-000000000000';
    const entries = withBodyNotes(3, realisticLog(4, device, 600));
    expect(entries.filter((e) => e.knots || e.checkIn).length).toBeGreaterThan(300);
    const area = planWrites({ entries, tombstones: [] }, readSnapshot({}), device).set;
    expect(Object.keys(area).some((k) => k.startsWith('note:'))).toBe(true);
    const old = readAsVersion01(area);
    expect(old.unreadable).toBe(0);
    const read = old.breaks.get(DEV)!;
    expect(read).toHaveLength(entries.length);
    // The same breaks as this version reads, less their notes.
    const now = readSnapshot(area).devices.get(DEV)!.entries;
    expect(read).toEqual(now.map(({ knots: _k, checkIn: _c, ...rest }) => rest));
    // And this version reads the notes back as written.
    expect(now.map(notesCode)).toEqual([...entries].sort((a, b) => a.startedAt - b.startedAt).map(notesCode));
  });

  it('reads a folded day back to the same totals', () => {
    expect(decodeDay('yCo3W84xs8o')).toEqual({
      day: '2026-03-14',
      count: 3,
      activeSeconds: 840,
      areas: [
        { area: 'quads', seconds: 300 },
        { area: 'calves', seconds: 120 },
      ],
    });
  });

  it('reads the archive, deletion set and heartbeat of version 0.2 back (format "2")', () => {
    const snap = readSnapshot({
      'arc:0': '2|3f2a9c1e.2SsM-mW.2SdfB80.TGGFQgFcGNM3Am21bf.yCn2Oo4xs',
      'del:0': '2|3f2a9c1e.CKKTHQN_4,a1b2c3d4.CKLxRDJ_51',
      'hb:3f2a9c1e': '2|2SsM-mW',
    });
    const o = snap.archive.origins.get(DEV)!;
    expect(o.horizon).toBe(1773740412346);
    expect(o.sealed).toBe(1773480000000);
    expect([...o.days.values()]).toEqual([
      { day: '2026-03-13', count: 2, activeSeconds: 600, areas: [{ area: 'quads', seconds: 300 }] },
    ]);
    expect([...o.members.values()]).toEqual([
      { sec: Math.floor((1773480612345 - SYNC_EPOCH) / 1000), rev: 0, activeSeconds: 300, areas: null },
      {
        sec: Math.floor((1773567012345 - SYNC_EPOCH) / 1000),
        rev: 2,
        activeSeconds: 150,
        areas: [{ area: 'forearms', seconds: 75 }],
      },
    ]);
    expect([...snap.archive.deletions].sort()).toEqual(['3f2a9c1e.mmq4keex', 'a1b2c3d4.mmrk092x~1']);
    expect(snap.devices.get(DEV)!.heartbeat).toBe(1773740412346);
    expect(snap.shared.unreadable).toBe(0);
  });
});
