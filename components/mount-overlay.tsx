import { render } from 'preact';
import timerCss from './timer.css?inline';
import overlayCss from './overlay.css?inline';
import bodyMapCss from './body-map.css?inline';
import { OverlayApp } from './OverlayApp';
import { applyLanguage } from '../lib/i18n/lang';
import { followTheme } from '../lib/theme';

const HOST_TAG = 'rollbreak-timer';


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
 * Mounts the floating timer in an open shadow root on the page's <html> element (not <body>, which
 * pages replace) and in the top layer where popovers are supported, above any z-index. Returns a function
 * that shows it again if it was hidden or removed.
 */
export function mountOverlay(): () => void {
  let host: HTMLElement | null = null;
  let observer: MutationObserver | null = null;
  // The wrapper resets every inherited property, so nothing of the page's text styles leaks in. It outlives
  // hide and show, and so does its theme: light, dark or the system's, as Settings says, live.
  const wrapper = document.createElement('div');
  wrapper.className = 'rb-reset';
  applyLanguage(wrapper);
  followTheme(wrapper);

  const attach = (el: HTMLElement) => {
    if (!el.isConnected) document.documentElement.append(el);
    if ('showPopover' in el) {
      try {
        if (!el.matches(':popover-open')) el.showPopover();
      } catch {
        // Not in the top layer; the z-index still applies.
      }
    }
  };

  const hide = () => {
    observer?.disconnect();
    observer = null;
    render(null, wrapper);
    host?.remove();
    host = null;
  };

  const show = () => {
    if (host) {
      attach(host);
      return;
    }
    const el = document.createElement(HOST_TAG);
    if ('popover' in el) el.popover = 'manual';
    // The page's own lang and dir must not reach the timer: it speaks the messages' language.
    applyLanguage(el);
    const root = el.attachShadow({ mode: 'open' });
    addStyles(root, `${timerCss}\n${bodyMapCss}\n${overlayCss}`);
    // Keys typed in the timer belong to it, not to the page's shortcuts.
    for (const type of ['keydown', 'keyup', 'keypress']) root.addEventListener(type, (e) => e.stopPropagation());
    host = el;
    attach(el);
    root.append(wrapper);
    render(<OverlayApp host={el} onHide={hide} />, wrapper);
    // A page that rewrites its document must not take the timer with it.
    observer = new MutationObserver(() => {
      if (host && !host.isConnected) attach(host);
    });
    observer.observe(document.documentElement, { childList: true });
  };

  show();
  return show;
}
