import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * axe-core in a real page, for any e2e test: Playwright's and Puppeteer's pages both fit. The script is
 * evaluated through the driver rather than added as a <script>, so strict page CSPs and extension pages'
 * CSPs do not block it. axe reads open shadow roots, and the e2e build's timer has an open one.
 */

/** What both drivers' pages offer: evaluate a string, or a function with one argument. */
export interface Evaluating {
  evaluate(script: string): Promise<unknown>;
  evaluate<A, R>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let source: Promise<string> | null = null;
const axeSource = () => (source ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

export interface AxeOptions {
  /** CSS selectors of what to check; the whole document by default. */
  include?: string[];
  /** Rules to switch on besides the tagged ones (experimental rules such as label-content-name-mismatch). */
  extraRules?: string[];
}

/**
 * The WCAG A/AA violations axe finds in `page` now. label-content-name-mismatch (experimental in axe) is
 * on by default: a control's accessible name must contain its visible label, for speech input.
 */
export async function axeViolations(page: Evaluating, options: AxeOptions = {}): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe !== 'undefined', null);
  if (!loaded) await page.evaluate(await axeSource());
  const extraRules = options.extraRules ?? ['label-content-name-mismatch'];
  return page.evaluate(
    async ({ include, tags, rules }) => {
      const axe = (
        globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }
      ).axe;
      const context = include ? { include: include.map((selector) => [selector]) } : document;
      const result = await axe.run(context, {
        runOnly: { type: 'tag', values: tags },
        rules: Object.fromEntries(rules.map((id) => [id, { enabled: true }])),
        resultTypes: ['violations'],
      });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      }));
    },
    { include: options.include ?? null, tags: WCAG_TAGS, rules: extraRules },
  );
}

/** One line per violation and node, for a failing assertion's message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(n.target)}${n.failureSummary ? `\n    ${n.failureSummary.replace(/\n/g, '\n    ')}` : ''}`,
      ),
    )
    .join('\n');
}
