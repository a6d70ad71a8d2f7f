import type { ElementHandle, Page } from 'puppeteer-core';
import { queryIn, waitFor } from './firefox';

/**
 * The timer's open shadow root (e2e builds open it; production closes it), or null while there is none.
 * Firefox's BiDi accessibility locator does not descend into shadow roots from the document, so ARIA
 * queries start from the root itself.
 */
export async function overlayRoot(page: Page): Promise<ElementHandle<Node> | null> {
  const handle = await page.evaluateHandle(() => document.querySelector('rollbreak-timer')?.shadowRoot ?? null);
  const root = handle.asElement();
  if (!root) await handle.dispose();
  return root;
}

/** A visible button of the timer, found by its accessible name, or null. */
export async function overlayButton(page: Page, name: string): Promise<ElementHandle<Element> | null> {
  const root = await overlayRoot(page);
  if (!root) return null;
  const button = await queryIn(root, `::-p-aria([name="${name}"][role="button"])`);
  return button && (await button.isVisible()) ? button : null;
}

/** Clicks a timer button as a person does (a trusted click: the timer ignores a script's). */
export async function clickOverlayButton(page: Page, name: string): Promise<void> {
  const button = await waitFor(() => overlayButton(page, name), { message: `the overlay's "${name}" button` });
  await button.click();
}
