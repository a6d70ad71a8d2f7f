import { render } from 'preact';
import timerCss from './timer.css?inline';
import overlayCss from './overlay.css?inline';
import bodyMapCss from '../shared/body-map.css?inline';
import { OverlayApp } from './OverlayApp';
import { focusHeir } from './keep-focus';
import { send } from '../../lib/messaging/send';
import { applyLanguage } from '../../lib/i18n/lang';
import { followTheme } from '../../lib/theme/theme';

const HOST_TAG = 'rollbreak-timer';

/**
 * Input a page script could fake at the timer's controls. Only the person's own input counts: the capture
 * listener on the shadow root stops any untrusted event before it reaches a handler inside. And what the
 * person does in the timer stays in it: the page's shortcuts and its "click outside" handlers, which would
 * close the page's menu or dialog at a press of Knot, never hear of it.
 */
const GUARDED = 'click pointerdown pointermove pointerup mousedown mouseup keydown keyup keypress'.split(' ');

/**
 * Constructed sheets are not inline styles, so a page's strict CSP (style-src) does not block them; both
 * target browsers adopt them from content scripts (Chrome 73+, Firefox 101+).
 */
function addStyles(root: ShadowRoot, css: string) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  root.adoptedStyleSheets = [sheet];
}

/**
 * Mounts the floating timer in a closed shadow root on the page's <html> element (not <body>, which
 * pages replace; inside the page's modal dialog while one is open) and in the top layer, above any
 * z-index. The page can neither read nor press it. Returns a function that shows it again if it was hidden or removed, and
 * with `focus`, moves keyboard focus into it (false while there is nothing to focus yet).
 */
export function mountOverlay(): (focus?: boolean) => boolean {
  let host: HTMLElement | null = null;
  let observer: MutationObserver | null = null;
  let root: ShadowRoot;
  // The wrapper resets every inherited property, so nothing of the page's text styles leaks in. It carries
  // the language of the timer's text, not the page's, for screen readers' voices, and it outlives hide and
  // show, as does its theme: light, dark or the system's, as Settings says, live.
  const wrapper = document.createElement('div');
  wrapper.className = 'rb-reset';
  applyLanguage(wrapper);
  followTheme(wrapper);

  // A modal dialog makes everything outside it inert, so while a page shows one the timer lives inside it
  // (the last in the document, if there are several), still drawn in the top layer above it, and goes
  // back to <html> once it closes.
  const attach = (el: HTMLElement) => {
    const home = [...document.querySelectorAll('dialog:modal')].pop() ?? document.documentElement;
    if (el.parentNode !== home) home?.append(el);
    try {
      el.showPopover();
    } catch {
      // Already shown (an open popover refuses to open again: no need to ask first), or not in a document
      // (one between its old <html> and its new one): the next mutation or check tries again.
    }
  };

  // Leaving the page: the background puts the timer back on the next one in this tab if the break runs
  // (not if the person hid it here: `host` is null then). Added again with each new timer, as
  // document.open() erases it too; the browser keeps one copy of the same listener.
  const leaving = (e: Event) => {
    if (e.isTrusted && host) void send({ type: 'timerPage', event: 'hide' }).catch(() => undefined);
  };

  let every: ReturnType<typeof setInterval>;
  const hide = () => {
    clearInterval(every);
    observer?.disconnect();
    observer = null;
    host?.remove();
    if (host) render(null, wrapper);
    host = null;
  };

  const show = () => {
    if (host) {
      attach(host);
      return;
    }
    const el = document.createElement(HOST_TAG);
    // Both target browsers have the popover top layer (Chrome 114, Firefox 125; the manifest asks for more).
    el.popover = 'manual';
    // The page's own lang and dir must not reach the timer: it speaks the messages' language.
    applyLanguage(el);
    // The host as made: a page's script that sets attributes on it (inert, hidden, a dir that flips its
    // side) or takes its popover away gets a new timer instead.
    const made = el.outerHTML;
    // Open only in the e2e build, where tests (like Playwright's own overlay) must reach inside.
    root = el.attachShadow({ mode: import.meta.env.ROLLBREAK_E2E ? 'open' : 'closed' });
    addStyles(root, `${timerCss}\n${bodyMapCss}\n${overlayCss}`);
    addEventListener('pagehide', leaving);
    for (const type of GUARDED) {
      root.addEventListener(type, (e) => e.isTrusted || e.stopImmediatePropagation(), true);
      root.addEventListener(type, (e) => e.stopPropagation());
    }
    host = el;
    attach(el);
    root.append(wrapper);
    render(<OverlayApp host={el} onHide={hide} root={root} />, wrapper);
    // A page that rewrites its document must not take the timer with it (a new body, a new <html>,
    // document.open()), and a page's modal dialog must not make it inert: the whole document is watched
    // while a break runs, for removals and dialogs opening or closing.
    const check = () => {
      if (host?.isConnected && host.outerHTML === made) attach(host);
      else if (host) {
        // Taken out of the page, or changed. It may have lost its listeners too (document.open() erases
        // every one in the document), so it is built anew; its state lives in the background and storage.
        hide();
        show();
      }
    };
    observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, attributeFilter: ['open'] });
    // hidePopover() and attributes on the host change nothing this observer sees: a check every second
    // puts the timer back (a toggle listener would be quicker for hidePopover(), but a page can stop that
    // event on its way, and the overlay's byte budget has no room for both). Most attributes have no
    // effect anyway against the shadow root's !important rules.
    every = setInterval(check, 1000);
  };

  show();
  return (focus) => {
    show();
    // The background retries until the timer has rendered something to focus.
    return !!focus && focusHeir(root);
  };
}
