/**
 * What a page's script can do to the timer's host element from the outside (the production shadow root is
 * closed, so this is all it can reach). Passed to page.evaluate by Playwright and Puppeteer alike, so it
 * is self-contained. Answers whether there was a timer to attack.
 */
export const TIMER_ATTACKS = [
  'custom properties',
  'inline styles',
  'hidePopover',
  'hidden',
  'inert',
  'popover removed',
  'removed',
] as const;
export type TimerAttack = (typeof TIMER_ATTACKS)[number];

export function attackTimer(how: TimerAttack): boolean {
  const host = document.querySelector<HTMLElement>('rollbreak-timer');
  if (!host) return false;
  if (how === 'custom properties') {
    // A constructed sheet, so that even the hostile fixture's CSP lets it in (hostile.css has the same rule).
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('rollbreak-timer { --rb-right: -9999px !important; --rb-bottom: -9999px !important; }');
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  } else if (how === 'inline styles') {
    for (const [name, value] of [
      ['display', 'none'],
      ['right', '-9999px'],
      ['inset-inline-end', '-9999px'],
      ['--rb-right', '-9999px'],
      ['opacity', '0'],
    ]) {
      host.style.setProperty(name!, value!, 'important');
    }
  } else if (how === 'hidePopover') host.hidePopover();
  else if (how === 'hidden') host.hidden = true;
  else if (how === 'inert') host.inert = true;
  else if (how === 'popover removed') host.removeAttribute('popover');
  else host.remove();
  return true;
}

/** Where the timer is on screen and whether a person can see and press it (the host's box, top layer). */
export function timerPlace(): { right: number; bottom: number; width: number; shown: boolean } | null {
  const host = document.querySelector<HTMLElement>('rollbreak-timer');
  if (!host) return null;
  const box = host.getBoundingClientRect();
  const style = getComputedStyle(host);
  return {
    right: Math.round(innerWidth - box.right),
    bottom: Math.round(innerHeight - box.bottom),
    width: Math.round(box.width),
    shown:
      host.matches(':popover-open') &&
      !host.inert &&
      style.display !== 'none' &&
      style.opacity === '1' &&
      style.visibility === 'visible',
  };
}
