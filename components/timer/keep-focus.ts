import { useEffect, useRef } from 'preact/hooks';

/** The control that takes focus over when the focused one is replaced: Stop hold, Knot, Skip, Close, expand. */
const HEIR = '[data-heir]:not(:disabled)';

type Scope = ShadowRoot | Document;

const focusInside = (scope: Scope) => {
  const active = scope.activeElement;
  return Boolean(active) && active !== document.body;
};

/** Focuses `selector` (or the first heir) inside `scope`; false if there is none yet. */
export function focusHeir(scope: Scope, selector = HEIR): boolean {
  const el = scope.querySelector<HTMLElement>(selector);
  el?.focus();
  return Boolean(el);
}

/**
 * Keeps keyboard and screen-reader users in place in the timer. When a render replaces the control that
 * had focus (Knot by Stop hold, End by Close, minimise by expand, a hold that ends by itself), focus moves
 * to its successor, `next.current` or the first heir, instead of falling to the page's body, far from
 * the timer. A successor that is not there yet (the overlay's done screen, injected on demand) gets
 * focus when it arrives. Call from the component that renders the timer, every render.
 */
export function useKeepFocus(scope: Scope, next: { current?: string }): void {
  const waiting = useRef(false);
  // Read while rendering, before this render changes the DOM.
  const had = waiting.current || focusInside(scope);
  useEffect(() => {
    waiting.current = had && !focusInside(scope) && !focusHeir(scope, next.current);
    next.current = undefined;
  });
}
