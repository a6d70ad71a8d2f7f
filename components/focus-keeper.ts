/**
 * Keeps keyboard and screen-reader users in place in the timer. When the control that had focus is replaced
 * (Knot by Stop hold, End by Close, minimise by expand, a hold that ends by itself), focus moves to its
 * successor: the first `[data-heir]` control, or one named by the caller. Without this it would fall to
 * the page's body, far from the timer, which sits at the end of the page.
 */
export interface FocusKeeper {
  /** After a render: if the focused control is gone, focus `selector` (or the first heir) instead. */
  restore(selector?: string): void;
  /** Focuses `selector` (or the first heir); false if there is none yet. */
  focus(selector?: string): boolean;
}

export function focusKeeper(root: ShadowRoot | Document): FocusKeeper {
  let last: Element | null = null;
  const focus = (selector = '[data-heir]:not(:disabled)') => {
    const el = root.querySelector<HTMLElement>(selector);
    el?.focus();
    return Boolean(el);
  };
  root.addEventListener('focusin', (e) => {
    last = e.composedPath()[0] as Element;
  });
  root.addEventListener('focusout', (e) => {
    const left = e.composedPath()[0] as Element;
    // Focus went elsewhere (the page, another window) if the control is still there once the removal
    // that may have caused this event is over.
    queueMicrotask(() => {
      if (left === last && left.isConnected) last = null;
    });
  });
  return {
    focus,
    restore(selector) {
      if (last && !last.isConnected) {
        last = null;
        focus(selector);
      }
    },
  };
}
