// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/preact';
import { useRef } from 'preact/hooks';
import { useKeepFocus } from './keep-focus';

afterEach(cleanup);

/** A timer-like set of controls: one view replaces another's button, as Knot → Stop hold does. */
function Timer({ view, next }: { view: 'knot' | 'hold' | 'none' | 'done'; next?: string }) {
  const heir = useRef<string | undefined>();
  // As a click handler does before the render it causes (OverlayApp's expand).
  if (next) heir.current = next;
  useKeepFocus(document, heir);
  return (
    <div>
      <button type="button" class="rb-min">
        Minimise
      </button>
      {view === 'knot' ? (
        <button type="button" data-heir>
          Knot
        </button>
      ) : view === 'hold' ? (
        <>
          <button type="button">Found another knot</button>
          <button type="button" data-heir>
            Stop hold
          </button>
        </>
      ) : view === 'done' ? (
        <button type="button" data-heir>
          Close
        </button>
      ) : null}
    </div>
  );
}

const flush = () => act(() => new Promise((resolve) => setTimeout(resolve, 20)));

describe('useKeepFocus', () => {
  it('hands focus from a replaced control to its heir, not to the body', async () => {
    const { rerender } = render(<Timer view="knot" />);
    screen.getByRole('button', { name: 'Knot' }).focus();
    rerender(<Timer view="hold" />);
    await flush();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Stop hold' }));
    rerender(<Timer view="knot" />);
    await flush();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Knot' }));
  });

  it('waits for an heir that arrives with a later render (a part injected on demand)', async () => {
    const { rerender } = render(<Timer view="knot" />);
    screen.getByRole('button', { name: 'Knot' }).focus();
    rerender(<Timer view="none" />);
    await flush();
    expect(document.activeElement).toBe(document.body);
    rerender(<Timer view="done" />);
    await flush();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Close' }));
  });

  it('leaves focus alone when it was elsewhere on the page', async () => {
    const outside = document.createElement('input');
    document.body.append(outside);
    const { rerender } = render(<Timer view="knot" />);
    outside.focus();
    rerender(<Timer view="hold" />);
    await flush();
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('goes to a named successor when the caller asks (expand → minimise)', async () => {
    const { rerender } = render(<Timer view="knot" />);
    screen.getByRole('button', { name: 'Knot' }).focus();
    rerender(<Timer view="none" next=".rb-min" />);
    await flush();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Minimise' }));
  });
});
