let painted: Promise<void> | null = null;

/**
 * Resolves once the page has painted its first content (and a task later), so that work the first frame does
 * not need (lazy parts, synced reads) never competes with it: the browser shows the popup only when its
 * page has loaded, and paints it after that. If no paint is reported (a hidden page, a browser without paint
 * timing), it resolves after a second all the same.
 */
export function afterFirstPaint(): Promise<void> {
  painted ??= new Promise<void>((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      clearTimeout(fallback);
      setTimeout(resolve);
    };
    const fallback = setTimeout(done, 1000);
    try {
      observer = new PerformanceObserver((list) => {
        if (list.getEntriesByName('first-contentful-paint').length > 0) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing: the fallback above.
    }
  });
  return painted;
}
