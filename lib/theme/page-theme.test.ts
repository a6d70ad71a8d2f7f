// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

vi.stubGlobal('browser', fakeBrowser);
const { followPageTheme } = await import('./page-theme');

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('followPageTheme', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    localStorage.clear();
  });

  it('paints the last scheme at once, then takes the synced setting and remembers it', async () => {
    localStorage.setItem('rollbreak:scheme', 'dark');
    await fakeBrowser.storage.sync.set({ settings: { theme: 'light' } });
    const root = document.createElement('div');
    followPageTheme(root);
    // Synchronously, before any storage answer: the first paint is already in the last theme.
    expect(root.style.colorScheme).toBe('dark');
    await settle();
    expect(root.style.colorScheme).toBe('light');
    expect(localStorage.getItem('rollbreak:scheme')).toBe('light');
    await fakeBrowser.storage.sync.set({ settings: { theme: 'system' } });
    await settle();
    expect(root.style.colorScheme).toBe('');
    expect(localStorage.getItem('rollbreak:scheme')).toBe('');
  });

  it('ignores a cached value it does not know', () => {
    localStorage.setItem('rollbreak:scheme', 'purple');
    const root = document.createElement('div');
    followPageTheme(root);
    expect(root.style.colorScheme).toBe('');
  });
});
