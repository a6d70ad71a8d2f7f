/**
 * For background work started by an event with nobody waiting on its promise: the failure is reported
 * in the console (the extension's error list in Chrome) instead of ending as an unhandled rejection.
 * The work itself is retried by whatever woke it next (every wake catches up from storage).
 */
export function logFailure(what: string): (error: unknown) => void {
  return (error) => console.error(`Rollbreak: ${what} failed`, error);
}
