import type { MessageKey } from './index';
import { t } from './index';

/**
 * Gives an element the messages' language and text direction: a page's <html>, or the timer in a page,
 * whose own lang and dir must not reach it. Both come from the locale the browser picked (`lang` and
 * `dir` in its messages.json), so English shown to a Hebrew-speaking user stays left to right.
 */
export function applyLanguage(el: HTMLElement): void {
  el.lang = t('lang');
  el.dir = t('dir');
}

/** An extension page's language, direction and title, before its first render. */
export function localizePage(title: MessageKey): void {
  applyLanguage(document.documentElement);
  document.title = t(title);
}
