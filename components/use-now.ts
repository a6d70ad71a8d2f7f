import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, refreshed exactly when a displayed countdown's whole second changes.
 * Nothing is counted: every display computes `deadline - now` from this value. When a throttled
 * background tab becomes visible again it refreshes at once.
 */
export function useNow(deadlines: number[]): number {
  const [now, setNow] = useState(Date.now);
  const key = deadlines.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      const at = Date.now();
      setNow(at);
      const waits = deadlines.filter((d) => d > at).map((d) => (d - at) % 1000 || 1000);
      if (waits.length > 0) timer = setTimeout(schedule, Math.min(...waits) + 1);
    };
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        clearTimeout(timer);
        schedule();
      }
    };
    schedule();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
    // `key` stands for `deadlines` by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return now;
}
