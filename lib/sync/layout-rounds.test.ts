import { afterEach, describe, expect, it, vi } from 'vitest';
import { addBreak } from '../log/db';
import { importBreaks } from '../log/store';
import { layoutDevice } from './layout';
import { FakeSyncCloud } from '../../tests/doubles/fake-sync-area';
import { SimDevice } from '../../tests/doubles/sim-device';
import { realisticBreak, realisticLog, rng } from '../../tests/fixtures/breaks';

// The real layout, counted: a round that finds nothing new must not call it at all.
vi.mock('./layout', async (original) => {
  const real = await original<typeof import('./layout')>();
  return { ...real, layoutDevice: vi.fn(real.layoutDevice) };
});
const layouts = vi.mocked(layoutDevice);

const START = new Date(2026, 2, 1, 9).getTime();
let clock = START;
const now = () => clock;
const devices: SimDevice[] = [];

afterEach(() => {
  for (const d of devices.splice(0)) d.db.close();
  clock = START;
  layouts.mockClear();
});

describe('a sync round with nothing new', () => {
  it('does no layout work, and the next change lays out again', async () => {
    const cloud = new FakeSyncCloud();
    const a = await SimDevice.create('a1a1a1a1-0000-4000-8000-000000000001', cloud, now);
    devices.push(a);
    // A log big enough that folding is needed (so a layout would be real work).
    await importBreaks(a.db, realisticLog(3, a.deviceId, 6_000, START - 2_100 * 86_400_000));

    const first = await a.sync();
    expect(first.error).toBeUndefined();
    expect(first.folded).toBeGreaterThan(0);
    expect(first.skipped).toBeUndefined();
    const laidOut = layouts.mock.calls.length;
    expect(laidOut).toBeGreaterThan(0);

    // Nothing logged, nothing changed in sync: no layout, same figures.
    clock += 60_000;
    const idle = await a.sync();
    expect(idle.skipped).toBe(true);
    expect(idle.folded).toBe(first.folded);
    clock += 60_000;
    expect((await a.sync()).skipped).toBe(true);
    expect(layouts.mock.calls.length).toBe(laidOut);

    // A new break is something new: laid out (once per budget asked for) and published.
    clock += 60_000;
    await addBreak(a.db, realisticBreak(rng(9), a.deviceId, clock - 10 * 60_000));
    const next = await a.sync();
    expect(next.skipped).toBeUndefined();
    expect(next.writes).toBeGreaterThan(0);
    expect(layouts.mock.calls.length).toBeGreaterThan(laidOut);
  });
});
