/**
 * For background work started from an event listener that nobody awaits: a failure is reported with
 * console.error instead of ending as an unhandled rejection. Use as `job().catch(logFailure('what'))`.
 */
export function logFailure(what: string): (err: unknown) => void {
  return (err) => console.error(`Rollbreak: ${what} failed`, err);
}

/**
 * The last resort for the background: a rejection nothing caught is still reported with console.error,
 * once, instead of as an "Uncaught (in promise)" error. Call once when the background starts.
 */
export function reportUnhandledRejections(): void {
  globalThis.addEventListener?.('unhandledrejection', (event: PromiseRejectionEvent) => {
    event.preventDefault();
    console.error('Rollbreak: background work failed', event.reason);
  });
}
