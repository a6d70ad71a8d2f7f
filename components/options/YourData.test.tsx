// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addBreak, openLog } from '../../lib/log/db';
import { registerSync, requestSync } from '../../lib/background/sync-service';
import '../../lib/background/session-service';
import { registerAllRequests } from '../../tests/doubles/background-requests';
import { sendMessagesAsPage } from '../../tests/doubles/messages';
import { deviceIdItem, settingsItem } from '../../lib/storage/items';
import { syncChoiceItem } from '../../lib/storage/items';
import { realisticLog } from '../../tests/fixtures/breaks';
import messages from '../../public/_locales/en/messages.json';
import { PRIVACY_KEYS, YourData } from './YourData';
import { speakEnglish } from '../../tests/unit/english';

vi.mock('../../lib/i18n', async (importOriginal) => {
  const { english } = await import('../../tests/unit/english');
  return { ...(await importOriginal<typeof import('../../lib/i18n')>()), t: english };
});

const ME = 'aaaa1111-0000-4000-8000-000000000000';

beforeEach(async () => {
  fakeBrowser.reset();
  speakEnglish();
  globalThis.indexedDB = new IDBFactory();
  await deviceIdItem.setValue(ME);
  registerSync();
  registerAllRequests();
  sendMessagesAsPage();
  const db = await openLog();
  for (const e of realisticLog(31, ME, 7, Date.now() - 9 * 86_400_000)) await addBreak(db, e);
  db.close();
  await requestSync();
});
afterEach(async () => {
  cleanup();
  await requestSync();
});

const syncBox = () => screen.getByRole('checkbox', { name: 'Sync my break log with my other browsers' }) as HTMLInputElement;
const ownKeys = async () => Object.keys(await fakeBrowser.storage.sync.get(null)).filter((k) => k.includes(':aaaa1111'));

describe('Settings → Your data', () => {
  it('turns sync off for this browser only and offers to take its breaks out of the account', async () => {
    render(<YourData />);
    await waitFor(() => expect(syncBox().checked).toBe(true));
    expect(await ownKeys()).not.toEqual([]);
    fireEvent.click(syncBox());
    await waitFor(async () => expect(await syncChoiceItem.getValue()).toBe(false));
    // The synced setting (shared by every browser) is untouched.
    expect((await settingsItem.getValue()).syncEnabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: "Remove this browser's breaks from my account" }));
    await screen.findByText("This browser's breaks were removed from your browser account.");
    expect(await ownKeys()).toEqual([]);
  });

  it("shows the Data and privacy text, the same as the README's", async () => {
    render(<YourData />);
    expect(screen.getByText('Data and privacy: what Rollbreak keeps, where, and for how long')).toBeTruthy();
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(`${process.cwd()}/README.md`, 'utf8');
    for (const key of PRIVACY_KEYS) {
      const text = (messages as Record<string, { message: string }>)[key]!.message;
      expect(screen.getByText(text)).toBeTruthy();
      expect(readme.replace(/\s*\n\s*/g, ' ')).toContain(text);
    }
  });

  it('deletes all data only after a confirmation that names what goes', async () => {
    localStorage.setItem('rollbreak:choice', '{"moment":"pre"}');
    render(<YourData />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
    await screen.findByText('your break log in this browser (7 breaks)');
    expect(screen.getByText(/^your Rollbreak settings, which your other signed-in browsers share/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByText('your break log in this browser (7 breaks)')).toBeNull();
    expect(await ownKeys()).not.toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete all my data…' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete everything' }));
    await screen.findByText('All your Rollbreak data in this browser is deleted.');
    expect(await ownKeys()).toEqual([]);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain('rollbreak');
    expect(localStorage.getItem('rollbreak:choice')).toBeNull();
    expect(syncBox().checked).toBe(false);
  });
});
