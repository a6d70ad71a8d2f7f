import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Playwright's and Puppeteer's pages both evaluate a string or a function with one argument. */
interface Evaluates {
  evaluate(script: string): Promise<unknown>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * Runs axe-core (every rule it enables by default: WCAG 2 A and AA, best practices) in `page` and returns
 * one line per violation, empty when there are none. The script is evaluated rather than added as a tag,
 * which extension pages' CSP would refuse. `selector` narrows the check to one element and what it holds,
 * open shadow roots included (the overlay on a page that is not ours).
 */
export async function axeViolations(page: Evaluates, selector?: string): Promise<string[]> {
  await page.evaluate(`if (!window.axe) { ${axeSource}\n }`);
  const results = await page.evaluate((include: string | null) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } }).axe;
    return axe.run(include ? { include: [include] } : document, { resultTypes: ['violations'] }) as Promise<AxeResults>;
  }, selector ?? null);
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => `${n.target.join(' > ')}${n.failureSummary ? ` [${n.failureSummary.replace(/\s+/g, ' ')}]` : ''}`).join('; ')}`,
  );
}

/** The page's computed background colour of the first element matching `selector` (in the overlay's shadow root too). */
export function backgroundOf(page: Evaluates, selector: string, host?: string): Promise<string> {
  return page.evaluate(
    ([sel, hostSel]: [string, string | null]) => {
      const scope: ParentNode = hostSel ? document.querySelector(hostSel)!.shadowRoot! : document;
      return getComputedStyle(scope.querySelector(sel)!).backgroundColor;
    },
    [selector, host ?? null] as [string, string | null],
  );
}

/** The two themes' page backgrounds (--rb-bg), as getComputedStyle reports them. */
export const BACKGROUND = { light: 'rgb(245, 249, 248)', dark: 'rgb(11, 31, 30)' } as const;
