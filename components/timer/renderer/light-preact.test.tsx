// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Fragment, jsx, render, useEffect, useRef, useState } from './light-preact';

// The overlay's renderer, exercised directly: the components are written for Preact, so calls are spelled
// out with this module's own `jsx` instead of JSX (which the test build compiles for Preact).
const tick = () => new Promise<void>((r) => queueMicrotask(r));

describe('light-preact', () => {
  it('renders elements, text, attributes, styles, SVG and fragments', () => {
    const root = document.createElement('div');
    render(
      jsx(Fragment, {
        children: [
          jsx('p', {
            class: 'a',
            'aria-live': 'polite',
            'data-heir': true,
            'aria-hidden': false,
            hidden: false,
            children: ['x ', 2],
          }),
          jsx('div', { style: { '--rb-p': '0.5', borderRadius: '2px' } }),
          jsx('svg', { viewBox: '0 0 1 1', children: jsx('path', { d: 'M0,0' }) }),
          null,
          false,
        ],
      }),
      root,
    );
    // As Preact: aria-* and data-* keep true and false as text; another attribute goes at false.
    expect(root.innerHTML).toContain('<p class="a" aria-live="polite" data-heir="true" aria-hidden="false">x 2</p>');
    const div = root.querySelector('div')!;
    expect(div.style.getPropertyValue('--rb-p')).toBe('0.5');
    expect(div.style.borderRadius).toBe('2px');
    expect(root.querySelector('path')!.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });

  it('keeps the DOM nodes that stay, so focus stays, and runs effects after the DOM is updated', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    const seen: string[] = [];
    let flip!: () => void;
    function App() {
      const [holding, setHolding] = useState(false);
      const ref = useRef(0);
      ref.current++;
      flip = () => setHolding((h) => !h);
      useEffect(() => {
        seen.push(`${holding}:${root.textContent}`);
      }, [holding]);
      return jsx('section', {
        children: [
          holding ? jsx('button', { children: 'Stop hold' }) : jsx('button', { class: 'k', children: 'Knot' }),
          jsx('button', { id: 'skip', onClick: () => seen.push('click'), children: `Skip ${ref.current}` }),
        ],
      });
    }
    render(jsx(App, {}), root);
    const skip = root.querySelector<HTMLButtonElement>('#skip')!;
    skip.focus();
    flip();
    await tick();
    expect(root.querySelector('#skip')).toBe(skip);
    expect(document.activeElement).toBe(skip);
    expect(root.querySelector('.k')).toBeNull();
    expect(skip.textContent).toBe('Skip 2');
    skip.click();
    expect(seen).toEqual(['false:KnotSkip 1', 'true:Stop holdSkip 2', 'click']);
    render(null, root);
    expect(root.childNodes.length).toBe(0);
  });

  it('runs effect cleanups when a component goes', async () => {
    const root = document.createElement('div');
    const log: string[] = [];
    function Child() {
      useEffect(() => () => log.push('gone'), []);
      return jsx('i', {});
    }
    let hide!: () => void;
    function App() {
      const [on, setOn] = useState(true);
      hide = () => setOn(false);
      return jsx('b', { children: on ? jsx(Child, {}) : 'off' });
    }
    render(jsx(App, {}), root);
    hide();
    await tick();
    expect(log).toEqual(['gone']);
    expect(root.innerHTML).toBe('<b>off</b>');
  });

  it('calls a handler once after it was set, removed and set again on the same element', () => {
    const root = document.createElement('div');
    const calls: string[] = [];
    const button = (onClick?: () => void) => render(jsx('button', { onClick, children: 'Knot' }), root);
    button(() => calls.push('first'));
    button(undefined);
    root.querySelector('button')!.click();
    expect(calls).toEqual([]);
    button(() => calls.push('again'));
    button(() => calls.push('last'));
    root.querySelector('button')!.click();
    expect(calls).toEqual(['last']);
  });

  it('re-renders the root whose state changed, with several roots on a page', async () => {
    const make = (name: string) => {
      let bump!: () => void;
      function Counter() {
        const [n, setN] = useState(0);
        bump = () => setN((x) => x + 1);
        return jsx('b', { children: `${name}${n}` });
      }
      const root = document.createElement('div');
      render(jsx(Counter, {}), root);
      return { root, bump: () => bump() };
    };
    const first = make('a');
    const second = make('b');
    first.bump();
    await tick();
    expect(first.root.textContent).toBe('a1');
    expect(second.root.textContent).toBe('b0');
    second.bump();
    await tick();
    expect(second.root.textContent).toBe('b1');
  });

  it('throws in development builds on what it leaves out, instead of rendering it differently', () => {
    const root = document.createElement('div');
    const cases: Array<[string, unknown]> = [
      ['ref', { current: null }],
      ['onClickCapture', () => undefined],
      ['style', 'color: red'],
      ['style', { width: 10 }],
      ['dangerouslySetInnerHTML', { __html: '<b>x</b>' }],
      ['className', 'a'],
    ];
    for (const [name, value] of cases) expect(() => render(jsx('div', { [name]: value }), root), name).toThrow(/light-preact/);
    expect(() => render(jsx('div', { onGotPointerCapture: () => undefined }), root)).not.toThrow();
    class Old {
      render() {
        return null;
      }
    }
    expect(() => render(jsx(Old as never, {}), root)).toThrow(/class components/);
    expect(() =>
      render(
        jsx(() => (useState(() => 1), null), {}),
        root,
      ),
    ).toThrow(/lazy useState/);
  });
});
