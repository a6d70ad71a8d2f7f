import type { CDPSession } from 'playwright-core';
import type { ChromiumRun } from './chromium';

/** The popup opened from the toolbar button, reached over the DevTools protocol (Playwright does not attach to it). */
export interface ToolbarPopup {
  /** Evaluates an expression in the popup's page and returns its value (JSON-serialisable). */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

type TargetInfo = { targetId: string; type: string; url: string };
type Answer = { id?: number; result?: { result?: { value?: unknown } } };

/**
 * Opens the toolbar popup with `action.openPopup()` (it needs a focused normal window: the caller brings
 * one to the front), showing `path` (relative to the extension, or its whole URL) for this opening if given,
 * the extension's own popup otherwise.
 * `cdp` is a browser session with target discovery on (`Target.setDiscoverTargets`).
 */
export async function openToolbarPopup(run: ChromiumRun, cdp: CDPSession, path?: string): Promise<ToolbarPopup> {
  const sw = await run.worker();
  const base = `chrome-extension://${run.extensionId}/`;
  const url = path ? new URL(path, base).href : await sw.evaluate(() => chrome.action.getPopup({}));
  const shown = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no popup at ${url}`)), 10_000);
    // A popup's target is created blank and takes its URL a moment later.
    const seen = (e: { targetInfo: TargetInfo }) => {
      if (e.targetInfo.type !== 'page' || e.targetInfo.url !== url) return;
      clearTimeout(timer);
      cdp.off('Target.targetCreated', seen);
      cdp.off('Target.targetInfoChanged', seen);
      resolve(e.targetInfo.targetId);
    };
    cdp.on('Target.targetCreated', seen);
    cdp.on('Target.targetInfoChanged', seen);
  });
  await sw.evaluate(async (popup) => {
    await chrome.action.setPopup({ popup });
    await chrome.action.openPopup();
  }, url);
  const targetId = await shown;
  // A session of its own, not flattened, so Playwright's sessions are left alone.
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  let id = 0;
  const waiting = new Map<number, (message: Answer) => void>();
  const onMessage = (e: { sessionId: string; message: string }) => {
    if (e.sessionId !== sessionId) return;
    const message = JSON.parse(e.message) as Answer;
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  };
  cdp.on('Target.receivedMessageFromTarget', onMessage);
  return {
    evaluate<T>(expression: string): Promise<T> {
      const n = ++id;
      const answer = new Promise<T>((resolve) => waiting.set(n, (m) => resolve(m.result?.result?.value as T)));
      const message = JSON.stringify({ id: n, method: 'Runtime.evaluate', params: { expression, returnByValue: true } });
      void cdp.send('Target.sendMessageToTarget', { sessionId, message });
      return answer;
    },
    async close() {
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      const gone = new Promise<void>((resolve) => {
        const left = (e: { targetId: string }) => {
          if (e.targetId !== targetId) return;
          cdp.off('Target.targetDestroyed', left);
          resolve();
        };
        cdp.on('Target.targetDestroyed', left);
      });
      await cdp.send('Target.closeTarget', { targetId });
      await gone;
    },
  };
}
