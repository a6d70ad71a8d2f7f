import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { injectPart, injectTimer } from './inject-timer';

type Injection = Awaited<ReturnType<typeof fakeBrowser.scripting.executeScript>>;

describe('injectTimer', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });
  const answer = (results: Injection) => vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue(results);

  it('resolves with the injection when the timer script says the timer is on the page', async () => {
    const spy = answer([{ frameId: 0, documentId: 'doc-1', result: true }] as Injection);
    await expect(injectTimer(7)).resolves.toMatchObject({ documentId: 'doc-1' });
    expect(spy).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/overlay.js'] });
  });

  it('rejects when the script ran but the timer could not mount (an SVG or XML document)', async () => {
    answer([{ frameId: 0, documentId: 'doc-1', result: undefined }] as Injection);
    await expect(injectTimer(7)).rejects.toThrow(/could not be shown/);
  });

  it('rejects when nothing ran, and passes on the browser refusing the page', async () => {
    answer([]);
    await expect(injectTimer(7)).rejects.toThrow(/could not be shown/);
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access a chrome:// URL'));
    await expect(injectTimer(7)).rejects.toThrow(/chrome:\/\//);
  });
});

describe('injectPart', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it("runs the timer's parts, or one picture's script, in the frame that asked", async () => {
    const spy = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    await injectPart(7, 0);
    expect(spy).toHaveBeenLastCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/overlay-parts.js'] });
    await injectPart(7, 3, 'hamstrings-gun');
    expect(spy).toHaveBeenLastCalledWith({ target: { tabId: 7, frameIds: [3] }, files: ['/pictures/hamstrings-gun.js'] });
  });

  it("runs the step's picture before the parts in the same injection, and only a catalogue picture", async () => {
    const spy = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    await injectPart(7, 0, undefined, ['quads-roller', '../background']);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenLastCalledWith({
      target: { tabId: 7, frameIds: [0] },
      files: ['/pictures/quads-roller.js', '/overlay-parts.js'],
    });
  });

  it('turns only a picture of the catalogue into a path', async () => {
    const spy = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
    for (const name of ['../overlay', 'neck-gun', 'quads-roller.js'])
      await expect(injectPart(7, 0, name)).rejects.toThrow(/no such picture/);
    expect(spy).not.toHaveBeenCalled();
  });
});
