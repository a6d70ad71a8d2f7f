import { browser } from 'wxt/browser';
import type { SessionState } from '../session/types';
import { sessionItem, timerTabItem } from '../storage/items';
import { injectTimer } from './inject-timer';
import { ALL_PAGES, ALL_PAGES_PATTERN } from '../domain/lists';

/**
 * The timer follows the break in its tab: after a full page load there, the background puts it back on
 * the new page. Nothing here listens to page loads in general, so while no break runs the background is
 * never woken by one (`npm run bench` counts this):
 *
 * - The overlay tells the background on `pagehide`, and the background injects the timer into the tab's
 *   next document (see injectWhenReady). Chrome keeps the activeTab grant across same-origin
 *   navigations, so this works on the same site without any host access.
 * - With access to every site (the opt-in in Settings), a tiny script is registered for all pages only
 *   while a break runs, and unregistered when it ends; it asks on each page load whether this tab is the
 *   break's. That covers other sites, and Firefox, whose activeTab grant is per document.
 *
 * Why not `tabs.onUpdated`: a service worker is woken only for listeners it registers synchronously at
 * start-up, so a listener added just for a running break would not survive the worker being stopped, and
 * one added at start-up would wake the background on every page load, break or not.
 */

const FOLLOW_SCRIPT_ID = 'rollbreak-timer-follow';

const running = (s: SessionState) => s.status === 'running' || s.status === 'paused';

/** The timer is now on this tab's page (or, with null, in its window): the tab it follows. */
export function timerShownIn(tabId: number | null): Promise<void> {
  return timerTabItem.setValue(tabId === null ? null : { tabId, lost: false });
}

/** Puts the timer back on the break's tab after a page load there; remembers when it could not. */
export async function onTimerPage(tabId: number | undefined, event: 'hide' | 'ready', leaving?: string): Promise<void> {
  const [known, session] = await Promise.all([timerTabItem.getValue(), sessionItem.getValue()]);
  if (tabId === undefined || known?.tabId !== tabId || !running(session)) return;
  // With every site allowed, the registered script reports the new page once it is ready.
  if (event === 'hide' && (await browser.permissions.contains(ALL_PAGES))) return;
  const lost = !(await injectWhenReady(tabId, event === 'hide' ? leaving : undefined));
  if (
    lost &&
    !(await browser.tabs.get(tabId).then(
      () => true,
      () => false,
    ))
  ) {
    // The tab was closed: nothing left to follow.
    await timerTabItem.setValue(null);
    return;
  }
  if (known.lost !== lost) await timerTabItem.setValue({ tabId, lost });
}

/**
 * Injects the timer into the tab's new document. Right after pagehide the injection may still reach the
 * outgoing document (`leaving`, Chrome's documentId of the page that said goodbye) or fail with "frame
 * removed"; and a page may move on again while it loads (a script redirect). So it is repeated (a second
 * injection into the same document only shows the timer) until the tab has finished loading with the
 * timer in it. A failure once the tab has loaded means no access (another site without the opt-in, or a
 * browser page). At most about ten seconds, and only while a break runs.
 */
async function injectWhenReady(tabId: number, leaving?: string): Promise<boolean> {
  const target = { tabId };
  const fresh = (result: unknown) => !leaving || (result as { documentId?: string } | undefined)?.documentId !== leaving;
  for (let tries = 0; tries < 100; tries++) {
    let shown = false;
    try {
      // A look first, so a document that has the timer is not made to parse it again.
      const [look] = await browser.scripting.executeScript({ target, func: () => Boolean(globalThis.rollbreakShowOverlay) });
      shown = look?.result === true && fresh(look);
      if (!shown) shown = fresh(await injectTimer(tabId));
    } catch {
      // Not there yet, or no access: the tab's state decides below.
    }
    const tab = await browser.tabs.get(tabId).catch(() => null);
    if (!tab) return false;
    if (tab.status === 'complete' && (shown || tries > 0)) return shown;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Keeps the page-load script registered exactly while a break runs and every site is allowed. Called
 * with every session update, so it also catches up after a restart or a permission change.
 */
export async function syncFollowScript(state: SessionState): Promise<void> {
  try {
    const want = running(state) && (await browser.permissions.contains(ALL_PAGES));
    const have = (await browser.scripting.getRegisteredContentScripts({ ids: [FOLLOW_SCRIPT_ID] })).length > 0;
    if (want && !have) {
      await browser.scripting.registerContentScripts([
        {
          id: FOLLOW_SCRIPT_ID,
          js: ['/timer-follow.js'],
          matches: [ALL_PAGES_PATTERN],
          runAt: 'document_idle',
          persistAcrossSessions: false,
        },
      ]);
    } else if (!want && have) {
      await browser.scripting.unregisterContentScripts({ ids: [FOLLOW_SCRIPT_ID] });
    }
  } catch {
    // A concurrent call registered or removed it first; the next update settles it.
  }
}
