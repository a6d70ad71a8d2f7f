import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, for rendering countdowns as `deadline - now`. Nothing is counted: the hook only
 * schedules a re-render exactly when a displayed countdown's whole second changes, and every render reads
 * the clock afresh, so a render caused by anything else (a new hold, a pause) is never a tick behind.
 * When a throttled background tab becomes visible again it re-renders at once (a page just opened with no
 * countdown aside).
 */
export function useNow(deadlines: number[]): number {
  const [, setTick] = useState(0);
  const key = deadlines.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const at = Date.now();
      const waits = deadlines.filter((d) => d > at).map((d) => (d - at) % 1000 || 1000);
      if (waits.length > 0) timer = setTimeout(tick, Math.min(...waits) + 1);
    };
    const tick = () => {
      setTick((n) => n + 1);
      schedule();
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      // The toolbar popup renders hidden and is shown once loaded: with no countdown on screen, what it
      // rendered less than a second ago is current, and a render now would only delay its first paint.
      if (deadlines.length === 0 && performance.now() < 1000) return;
      clearTimeout(timer);
      tick();
    };
    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // `key` stands for `deadlines` by value.
  }, [key]);
  return Date.now();
}
