import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { whatsNewItem } from '../../storage/items';
import { noteUpdate } from './whats-new';
import { registerAllRequests } from '../../../tests/doubles/background-requests';
import { sendFromPage, sendFromTimer } from '../../../tests/doubles/messages';

beforeEach(() => {
  fakeBrowser.reset();
});

describe("the popup's what's-new line", () => {
  it('is noted on an update, and not on a fresh install or a browser update', async () => {
    await noteUpdate('install', '0.2.0');
    await noteUpdate('browser_update', '0.2.0');
    expect(await whatsNewItem.getValue()).toBeNull();
    await noteUpdate('update', '0.2.0');
    expect(await whatsNewItem.getValue()).toBe('0.2.0');
  });

  it('goes once the person dismisses it, which only an extension page can ask', async () => {
    registerAllRequests();
    await noteUpdate('update', '0.2.0');
    await expect(sendFromTimer({ type: 'whatsNew:seen' })).rejects.toThrow();
    expect(await whatsNewItem.getValue()).toBe('0.2.0');
    await sendFromPage({ type: 'whatsNew:seen' });
    expect(await whatsNewItem.getValue()).toBeNull();
  });
});
