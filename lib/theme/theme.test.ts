import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

// The overlay's light API (ext-lite) reads the global `browser`, as a content script does.
vi.hoisted(() => {
  (globalThis as { browser?: unknown }).browser = undefined;
});
vi.stubGlobal('browser', fakeBrowser);
const { followTheme, schemeOf } = await import('./theme');

/** Just enough of an element: followTheme only writes its style's color-scheme. */
const element = () => ({ style: { colorScheme: 'unset' } }) as unknown as HTMLElement;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('schemeOf', () => {
  it('forces light or dark, and leaves anything else to the system', () => {
    expect(schemeOf('light')).toBe('light');
    expect(schemeOf('dark')).toBe('dark');
    for (const other of ['system', undefined, null, '', 'Dark', 'blue', 1, {}]) expect(schemeOf(other)).toBe('');
  });
});

describe('followTheme', () => {
  beforeEach(() => fakeBrowser.reset());

  it("follows the system's scheme when no theme is stored", async () => {
    const el = element();
    followTheme(el);
    await settle();
    expect(el.style.colorScheme).toBe('');
  });

  it('applies the stored choice, then every change to it, until stopped', async () => {
    await fakeBrowser.storage.sync.set({ settings: { holdSeconds: 25, theme: 'dark' } });
    const el = element();
    const stop = followTheme(el);
    await settle();
    expect(el.style.colorScheme).toBe('dark');
    await fakeBrowser.storage.sync.set({ settings: { holdSeconds: 25, theme: 'light' } });
    expect(el.style.colorScheme).toBe('light');
    await fakeBrowser.storage.sync.set({ settings: { holdSeconds: 25, theme: 'system' } });
    expect(el.style.colorScheme).toBe('');
    stop();
    await fakeBrowser.storage.sync.set({ settings: { theme: 'dark' } });
    expect(el.style.colorScheme).toBe('');
  });

  it('treats a value from another version as the system, and ignores local storage', async () => {
    await fakeBrowser.storage.sync.set({ settings: { theme: 'sepia' } });
    const el = element();
    followTheme(el);
    await settle();
    expect(el.style.colorScheme).toBe('');
    await fakeBrowser.storage.local.set({ settings: { theme: 'dark' } });
    expect(el.style.colorScheme).toBe('');
    await fakeBrowser.storage.sync.remove('settings');
    expect(el.style.colorScheme).toBe('');
  });
});
