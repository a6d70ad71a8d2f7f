/**
 * The page overlay's renderer: the part of Preact's API that the timer's components use (`render`, `jsx`,
 * `Fragment`, `useState`, `useEffect`, `useRef`), in a fraction of Preact's bytes. Only the overlay's build
 * points `preact`, `preact/hooks` and `preact/jsx-runtime` here (wxt.config.ts), so the timer UI keeps ONE
 * implementation, the same components that the popup and the timer window render with Preact itself.
 *
 * How it works: a state change re-renders its own root from the top on the next microtask (the timer is
 * small and renders about once a second). Children are matched to the last render's by type and key, the
 * same index first, so a DOM node that stays keeps its focus; effects run after the DOM is up to date, in
 * render order. Props end up in the DOM as Preact puts them there: attributes (`aria-*` and `data-*` keep
 * `false` as "false" and `true` as "true"), `disabled` as the property, `style` as an object of properties,
 * `on*` listeners in the bubbling phase.
 *
 * What it leaves out to stay small (`ref`, `on*Capture`, a string `style`, numbers in `style`,
 * `dangerouslySetInnerHTML`, class components; context is not exported at all) throws in development
 * builds, so the unit tests fail on a component that starts using it; production builds drop the checks.
 * light-preact.conformance.test.tsx renders every timer component under this renderer and under Preact
 * with the same props and presses, and compares DOM, ARIA, what was pressed, and focus.
 */

type Props = Record<string, any>;
type Type = string | ((props: Props) => Child);
type Child = VNode | string | number | boolean | null | undefined | Child[];
interface VNode {
  t: Type;
  p: Props;
  k: unknown;
}

/** What one child rendered: an element or text (`d`), or a component with its hooks and output (`c`). */
interface Rec {
  t: Type | null;
  k?: unknown;
  d?: Node;
  c?: Rec[];
  h?: Hook[];
  p?: Props;
}
interface Hook {
  v?: any;
  deps?: unknown[];
  fx?: () => unknown;
  undo?: unknown;
}

export function jsx(t: Type, p: Props, k?: unknown): VNode {
  return { t, p, k };
}
export { jsx as jsxs, jsx as jsxDEV, jsx as h };

export const Fragment = (p: Props): Child => p.children;

let hooks: Hook[];
let slot: number;
let effects: Hook[] = [];
let rerender: () => void;

const flat = (c: Child, out: Child[] = []): Child[] => {
  if (Array.isArray(c)) for (const x of c) flat(x, out);
  else if (c != null && c !== true && c !== false) out.push(c);
  return out;
};

/**
 * What the timer's components never pass, and this renderer leaves out to keep the timer small: each
 * throws in development builds (unit tests), so a component that starts passing one fails its tests
 * instead of rendering differently over pages. Production builds drop the check.
 */
function unsupported(name: string, v: any): string | false {
  if (name === 'ref' || name === 'dangerouslySetInnerHTML') return name;
  if (/^on.+Capture$/.test(name) && !/PointerCapture$/.test(name)) return `${name} (capture-phase listeners)`;
  if (name === 'style' && typeof v === 'string') return 'style as a string';
  if (name === 'style' && Object.values(v ?? {}).some((x) => typeof x === 'number')) return 'numbers in style (Preact adds "px")';
  if (name === 'className') return 'className (use class)';
  return false;
}

function setProp(d: Element & Props, name: string, v: any, old: any) {
  const no = import.meta.env.DEV && unsupported(name, v);
  if (no) throw new Error(`light-preact: the timer's renderer does not support ${no}`);
  if (name === 'children' || v === old) return;
  if (name[0] === 'o' && name[1] === 'n') {
    const type = name.slice(2).toLowerCase();
    const l = (d._l ||= {});
    // One listener per type for the element's life: a handler removed (undefined) and set again reuses it.
    if (!(type in l)) d.addEventListener(type, (e: Event) => l[type]?.(e));
    l[type] = v;
  } else if (name === 'style') {
    // Custom properties by name, the rest as properties (camelCase, with units: no numbers are passed).
    for (const s in { ...old, ...v }) s[0] === '-' ? d.style.setProperty(s, v?.[s] ?? '') : (d.style[s] = v?.[s] ?? '');
  }
  // As Preact: `aria-*` and `data-*` keep false as "false" and true as "true"; other attributes go at false.
  else if (v == null || (v === false && name[4] !== '-')) d.removeAttribute(name);
  else if (name === 'disabled') d.disabled = v;
  else d.setAttribute(name, v);
}

function unmount(r: Rec) {
  for (const x of r.h ?? []) if (typeof x.undo === 'function') x.undo();
  r.c?.forEach(unmount);
}

/** The DOM nodes a list of records stands for, in order. */
const nodes = (rs: Rec[], out: Node[] = []): Node[] => {
  for (const r of rs) r.d ? out.push(r.d) : nodes(r.c!, out);
  return out;
};

/** Renders `children` over `old` (the last render's records) and returns the new records. */
function diff(children: Child[], old: Rec[], svg: boolean): Rec[] {
  const used = new Set<Rec>();
  const out = children.map((c, i) => {
    // Text (a string or a number, once flattened) has no type and no key.
    const t = typeof c === 'object' ? (c as VNode).t : null;
    const k = (c as VNode).k;
    const same = (r: Rec | undefined) => r && !used.has(r) && r.t === t && r.k === k;
    const was = same(old[i]) ? old[i] : old.find(same);
    if (was) used.add(was);
    return one(c, was, svg);
  });
  for (const r of old) if (!used.has(r)) unmount(r);
  return out;
}

function one(c: Child, was: Rec | undefined, svg: boolean): Rec {
  if (typeof c !== 'object') {
    const text = String(c);
    const d = (was?.d as Text) ?? document.createTextNode(text);
    if (d.data !== text) d.data = text;
    return { t: null, d };
  }
  const { t, p, k } = c as VNode;
  if (typeof t === 'function') {
    if (import.meta.env.DEV && t.prototype?.render)
      throw new Error(`light-preact: class components are not supported (${t.name})`);
    const r: Rec = was ?? { t, k, h: [], c: [] };
    hooks = r.h!;
    slot = 0;
    const output = flat(t(p));
    r.c = diff(output, r.c!, svg);
    return r;
  }
  svg ||= t === 'svg';
  const d = (was?.d ?? (svg ? document.createElementNS('http://www.w3.org/2000/svg', t) : document.createElement(t))) as Element &
    Props;
  const before = was?.p ?? {};
  for (const n in before) if (!(n in p)) setProp(d, n, null, before[n]);
  for (const n in p) setProp(d, n, p[n], before[n]);
  const r: Rec = { t, k, d, p, c: diff(flat(p.children), was?.c ?? [], svg && t !== 'foreignObject') };
  place(d, nodes(r.c!));
  return r;
}

/**
 * Puts exactly `want` in `parent`, in order. What goes is removed first, so a node that stays is never
 * moved past one that goes: moving a node takes its focus away (Preact leaves it in place too).
 */
function place(parent: Node, want: Node[]) {
  for (const n of [...parent.childNodes]) if (!want.includes(n)) parent.removeChild(n);
  want.forEach((n, i) => {
    const at = parent.childNodes[i];
    if (at !== n) parent.insertBefore(n, at as Node | null);
  });
}

export function render(vnode: Child, parent: Element & { _r?: Rec[] }) {
  let queued = false;
  const schedule = () => {
    if (!queued) queueMicrotask(go);
    queued = true;
  };
  const go = () => {
    queued = false;
    // The state hooks created in this render re-render this root (a page may hold several).
    rerender = schedule;
    // The last render's records live on the root's element.
    const r = (parent._r = diff(flat(vnode), parent._r ?? [], false));
    place(parent, nodes(r));
    const run = effects;
    effects = [];
    for (const e of run) {
      if (typeof e.undo === 'function') e.undo();
      e.undo = e.fx!();
    }
  };
  go();
}

const next = (): Hook => (hooks[slot++] ||= {});

export function useState<S>(initial: S): [S, (v: S | ((s: S) => S)) => void] {
  // No lazy initial state: nothing in the timer needs one.
  if (import.meta.env.DEV && typeof initial === 'function')
    throw new Error("light-preact: the timer's renderer does not support a lazy useState");
  const s = next();
  if (!s.deps) {
    const again = rerender;
    s.deps = [];
    s.v = [
      initial,
      (v: any) => {
        const value = typeof v === 'function' ? v(s.v[0]) : v;
        if (value !== s.v[0]) {
          s.v = [value, s.v[1]];
          again();
        }
      },
    ];
  }
  return s.v;
}

export function useRef<T>(initial?: T): { current: T } {
  const s = next();
  return (s.v ||= { current: initial });
}

export function useEffect(fx: () => unknown, deps?: unknown[]) {
  const s = next();
  if (!deps || !s.deps || deps.some((d, i) => d !== s.deps![i])) {
    s.deps = deps;
    s.fx = fx;
    effects.push(s);
  }
}
