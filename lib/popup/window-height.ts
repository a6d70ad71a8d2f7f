/** The browser's largest toolbar popup: taller content scrolls inside it anyway. */
export const POPUP_MAX_HEIGHT = 600;

/**
 * Sets the popup page's height to what its view lays out now (at most the browser's largest popup), so
 * the browser sizes the window to that view and keeps it as parts loaded later arrive: from then on
 * what is longer scrolls inside <body> (page.css). Reads layout, so call it where a layout is due anyway.
 */
export function fitWindowHeight(root: HTMLElement = document.documentElement): void {
  root.style.height = '';
  // <body> is as tall as its content while <html> has no height of its own.
  const height = Math.min(document.body.scrollHeight, POPUP_MAX_HEIGHT);
  if (height > 0) root.style.height = `${height}px`;
}

/**
 * Fits the height (above) to the first frame, the start view in whatever language: a ResizeObserver's first
 * answer comes with that frame's own layout, after layout and before paint, so nothing forces a layout
 * before the load event and no frame shows another size.
 */
export function fitWindowHeightAtFirstFrame(content: Element): void {
  if (typeof ResizeObserver !== 'function') return fitWindowHeight();
  const observer = new ResizeObserver(() => {
    observer.disconnect();
    fitWindowHeight();
  });
  observer.observe(content);
}
