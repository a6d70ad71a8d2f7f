import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/** The floating timer on a page (Playwright's locators pierce the e2e build's open shadow root). */
export function overlayOn(page: Page): Locator {
  return page.locator('rollbreak-timer');
}

/** Reads a countdown such as "0:42" or "4:05" as seconds. */
export function clockSeconds(text: string | null): number {
  const match = /(\d+):(\d\d)/.exec(text ?? '');
  if (!match) throw new Error(`no clock in ${JSON.stringify(text)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The big countdown in the ring: the step's, or the knot hold's during a hold. */
export async function ringSeconds(scope: Locator | Page): Promise<number> {
  return clockSeconds(await scope.locator('.rb-ring__time').first().textContent());
}

/**
 * Waits until the ring's countdown has gone down by `seconds` from what it shows now: that much time has
 * been rolled (rather than sleeping and hoping the timer ran meanwhile).
 */
export async function ringTicks(scope: Locator | Page, seconds = 1): Promise<void> {
  const start = await ringSeconds(scope);
  await expect.poll(() => ringSeconds(scope)).toBeLessThanOrEqual(start - seconds);
}

/** The accessible name (aria-label, else text) of the control focused inside the timer, or null. */
export function focusedInTimer(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.querySelector('rollbreak-timer')?.shadowRoot?.activeElement;
    return active ? (active.getAttribute('aria-label') ?? active.textContent?.trim() ?? '') : null;
  });
}
