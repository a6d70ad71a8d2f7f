/**
 * E2E builds only: what the worker offers tests that evaluate code in it (Playwright's Worker.evaluate), on
 * `globalThis.rollbreakE2e`. Each feature adds its own; the features' register.ts call this behind
 * ROLLBREAK_E2E, so production builds drop it.
 */
export function addE2eHooks(hooks: Record<string, (...args: never[]) => Promise<void>>): void {
  const g = globalThis as { rollbreakE2e?: Record<string, unknown> };
  g.rollbreakE2e = { ...g.rollbreakE2e, ...hooks };
}
