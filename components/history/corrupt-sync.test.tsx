// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addBreak, openLog } from '../../lib/log/db';
import { exportJson, parseExport } from '../../lib/log/import-export';
import { readLog } from '../../lib/log/store';
import { registerSync, requestSync } from '../../lib/background/sync-service';
import { deviceIdItem } from '../../lib/storage/items';
import { SYNC_EPOCH, encodeBreak } from '../../lib/sync/encode';
import { realisticLog } from '../../tests/fixtures/breaks';
import { HistoryApp } from './HistoryApp';
import { registerAllRequests } from '../../tests/doubles/background-requests';
import { sendMessagesAsPage } from '../../tests/doubles/messages';
import { speakEnglish } from '../../tests/unit/english';

vi.mock('../../lib/i18n', async (importOriginal) => {
  const { english } = await import('../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../lib/i18n')>()), t: english };
});

const ME = 'aaaa1111-0000-4000-8000-000000000000';
const OTHER = 'bbbb2222-0000-4000-8000-000000000000';
const rows = () =>
  within(screen.getByRole('table', { name: 'Recent breaks' }))
    .getAllByRole('row')
    .slice(1);

beforeEach(async () => {
  fakeBrowser.reset();
  globalThis.indexedDB = new IDBFactory();
  await deviceIdItem.setValue(ME);
  speakEnglish();
  registerSync();
  registerAllRequests();
  sendMessagesAsPage();
});
afterEach(async () => {
  cleanup();
  await requestSync();
});

describe('History while another device writes corrupt records to sync', () => {
  it('keeps them out of the list and stats, says how many could not be read, and the export still imports', async () => {
    const mine = realisticLog(21, ME, 4, Date.now() - 10 * 86_400_000);
    const db = await openLog();
    for (const e of mine) await addBreak(db, e);
    db.close();
    render(<HistoryApp />);
    await waitFor(() => expect(rows()).toHaveLength(4));

    // Another device's item: two good breaks, one starting in 2140, one lasting 2^40 seconds, one garbled.
    const [a, b, c, d] = realisticLog(22, OTHER, 4, Date.now() - 5 * 86_400_000);
    const records = [
      encodeBreak(a!),
      encodeBreak(b!),
      encodeBreak({ ...c!, startedAt: Date.UTC(2140, 0, 1), endedAt: Date.UTC(2140, 0, 1) + 300_000 }),
      encodeBreak({ ...d!, endedAt: d!.startedAt + 2 ** 40 * 1000 }),
      '!!not a record',
    ];
    expect(records.every((r) => r !== null)).toBe(true);
    expect(Date.UTC(2140, 0, 1)).toBeGreaterThan(SYNC_EPOCH);
    await fakeBrowser.storage.sync.set({ 'log:bbbb2222:0': `1|${records.join(',')}` });

    await screen.findByText(
      '3 records from another device could not be read. They are left out of your history and stats; updating Rollbreak in your other browsers usually fixes this.',
    );
    await waitFor(() => expect(rows()).toHaveLength(6));
    expect(screen.getByRole('heading', { name: 'Breaks logged' }).parentElement!.textContent).toContain('6');
    const check = await openLog();
    const { entries } = await readLog(check);
    check.close();
    expect(entries).toHaveLength(6);
    const back = parseExport(exportJson(entries, Date.now()));
    expect(back.ok && back.breaks.length).toBe(6);
  });
});
