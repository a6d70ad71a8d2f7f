// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { render as preactRender, type ComponentChild } from 'preact';
import { reduce } from '../../../lib/session/machine';
import type { Plan, SessionState, UserSessionEvent } from '../../../lib/session/types';
import { TimerPanel } from '../TimerPanel';
import { DonePanel } from '../DonePanel';
import { OverlayPill } from '../OverlayPill';
import { CountdownRing } from '../CountdownRing';
import { BodyMap } from '../../shared/BodyMap';
import { LiveRegion } from '../LiveRegion';

/** The timer's components; loaded once as they are (Preact) and once as the overlay builds them (light). */
const loadTimer = async () => ({
  TimerPanel: (await import('../TimerPanel')).TimerPanel,
  DonePanel: (await import('../DonePanel')).DonePanel,
  OverlayPill: (await import('../OverlayPill')).OverlayPill,
  CountdownRing: (await import('../CountdownRing')).CountdownRing,
  BodyMap: (await import('../../shared/BodyMap')).BodyMap,
  LiveRegion: (await import('../LiveRegion')).LiveRegion,
});
const PreactTimer = { TimerPanel, DonePanel, OverlayPill, CountdownRing, BodyMap, LiveRegion };

/**
 * Every timer component that renders both over pages (this renderer, light-preact.ts) and in the popup
 * and the timer window (Preact), rendered by each with the same props, then pressed and re-rendered the
 * same way: the DOM, the ARIA the person's assistive technology reads, what each press sends and where
 * focus ends up must be the same. A difference fails here instead of showing only over web pages.
 */

// The real English strings, substituted the way the browsers do.
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const messages = (await import('../../../public/_locales/en/messages.json')).default as Record<string, Entry>;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) => {
  const entry = messages[key];
  if (!entry) return '';
  const subs = ([] as string[]).concat(substitutions ?? []);
  return entry.message.replace(
    /\$(\w+)\$/g,
    (_, name: string) => subs[Number(entry.placeholders?.[name.toLowerCase()]?.content.slice(1)) - 1] ?? '',
  );
}) as typeof fakeBrowser.i18n.getMessage;

type Timer = typeof PreactTimer;
type Render = (vnode: ComponentChild, parent: Element) => void;
let light: { timer: Timer; render: Render; jsx: (type: unknown, props: object) => ComponentChild };

beforeAll(async () => {
  // The same component modules, loaded again with `preact` pointing to the light renderer, as the overlay's
  // build does (wxt.config.ts).
  const renderer = () => import('./light-preact');
  for (const id of ['preact', 'preact/hooks', 'preact/jsx-runtime', 'preact/jsx-dev-runtime']) vi.doMock(id, renderer);
  vi.resetModules();
  const module = await import('./light-preact');
  light = { timer: await loadTimer(), render: module.render as unknown as Render, jsx: module.jsx as never };
  for (const id of ['preact', 'preact/hooks', 'preact/jsx-runtime', 'preact/jsx-dev-runtime']) vi.doUnmock(id);
});
afterAll(() => vi.resetModules());

const T0 = 1_700_000_000_000;
const planOf = (moment: Plan['moment']): Plan => ({
  moment,
  tool: 'roller',
  minutes: 2,
  steps: [
    { kind: 'move', area: 'calves', side: 'left', seconds: 10, position: 'floor' },
    { kind: 'roll', area: 'calves', side: 'left', seconds: 40 },
    { kind: 'roll', area: 'calves', side: 'right', seconds: 40 },
    { kind: 'roll', area: 'quads', side: null, seconds: 30, cautions: ['knee'] },
  ] as Plan['steps'],
});
const start = (moment: Plan['moment'] = 'desk') =>
  reduce({ status: 'idle' }, { type: 'start', id: 'b', plan: planOf(moment) }, T0);
const rolling = reduce(start(), { type: 'skip' }, T0 + 1_000);
const holding = reduce(rolling, { type: 'holdStart', seconds: 25 }, T0 + 2_000);
const pausedHold = reduce(holding, { type: 'pause' }, T0 + 3_000);
const lastArea = reduce(reduce(rolling, { type: 'skip' }, T0 + 4_000), { type: 'skip' }, T0 + 5_000);
const finish = (s: SessionState) =>
  reduce(
    reduce(reduce(reduce(s, { type: 'skip' }, T0 + 6_000), { type: 'skip' }, T0 + 7_000), { type: 'skip' }, T0 + 8_000),
    { type: 'skip' },
    T0 + 9_000,
  );
const finished = finish(start());
const finishedPre = finish(start('pre'));
const ended = reduce(rolling, { type: 'end' }, T0 + 10_000);

/** One timer component with its props, as both renderers get it. */
interface Case {
  name: string;
  view(timer: Timer, act: (e: UserSessionEvent) => void): { type: unknown; props: object };
  /** What it becomes after the first press, to see where focus goes (a component kept by its parent). */
  next?(timer: Timer, act: (e: UserSessionEvent) => void): { type: unknown; props: object };
}

const at = (s: SessionState) => ('stepDeadline' in s ? s.stepDeadline - 5_000 : T0);
const CASES: Case[] = [
  {
    name: 'TimerPanel, getting into position',
    view: (m, act) => ({ type: m.TimerPanel, props: { session: start(), now: T0 + 500, act } }),
    next: (m, act) => ({ type: m.TimerPanel, props: { session: rolling, now: T0 + 1_500, act } }),
  },
  {
    name: 'TimerPanel, rolling a side',
    view: (m, act) => ({ type: m.TimerPanel, props: { session: rolling, now: at(rolling), act } }),
    next: (m, act) => ({ type: m.TimerPanel, props: { session: holding, now: T0 + 2_500, act } }),
  },
  {
    name: 'TimerPanel, in a knot hold',
    view: (m, act) => ({ type: m.TimerPanel, props: { session: holding, now: T0 + 2_500, act } }),
    next: (m, act) => ({ type: m.TimerPanel, props: { session: rolling, now: T0 + 2_600, act } }),
  },
  {
    name: 'TimerPanel, paused in a hold',
    view: (m, act) => ({ type: m.TimerPanel, props: { session: pausedHold, now: T0 + 60_000, act } }),
  },
  {
    name: 'TimerPanel, the last area (cautions)',
    view: (m, act) => ({ type: m.TimerPanel, props: { session: lastArea, now: at(lastArea), act } }),
  },
  { name: 'DonePanel, finished', view: (m, act) => ({ type: m.DonePanel, props: { session: finished, act } }) },
  { name: 'DonePanel, ended early', view: (m, act) => ({ type: m.DonePanel, props: { session: ended, act } }) },
  {
    name: 'DonePanel, after a pre-workout roll (its own state)',
    view: (m, act) => ({ type: m.DonePanel, props: { session: finishedPre, act } }),
  },
  {
    name: 'OverlayPill, running',
    view: (m, act) => ({
      type: m.OverlayPill,
      props: {
        left: '3:05',
        onExpand: () => act({ type: 'resume' }),
        onPointerDown: () => act({ type: 'pause' }),
        onPointerMove() {},
        onPointerUp() {},
      },
    }),
  },
  {
    name: 'OverlayPill, done',
    view: (m, act) => ({
      type: m.OverlayPill,
      props: { left: '', onExpand: () => act({ type: 'dismiss' }), onPointerDown() {}, onPointerMove() {}, onPointerUp() {} },
    }),
  },
  {
    name: 'CountdownRing',
    view: (m) => ({ type: m.CountdownRing, props: { fraction: 0.37, label: '0:37', sublabel: 'Knot hold', tone: 'hold' } }),
  },
  {
    name: 'BodyMap, small with the current area',
    view: (m) => ({ type: m.BodyMap, props: { current: 'calves', size: 'small' } }),
  },
  {
    name: 'BodyMap, highlighted areas and heat',
    view: (m) => ({ type: m.BodyMap, props: { highlight: ['quads', 'calves'], heat: { quads: 2 }, description: 'Areas' } }),
  },
  { name: 'LiveRegion, holding', view: (m) => ({ type: m.LiveRegion, props: { session: holding } }) },
  { name: 'LiveRegion, idle', view: (m) => ({ type: m.LiveRegion, props: { session: { status: 'idle' } } }) },
];

/** What assistive technology reads: each element's role, name, state and whether it is hidden. */
function aria(root: Element) {
  return [...root.querySelectorAll('*')].map((el) => ({
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role'),
    name: el.getAttribute('aria-label') ?? (el.tagName === 'BUTTON' ? el.textContent : null),
    hidden: el.closest('[aria-hidden="true"]') !== null,
    live: el.getAttribute('aria-live'),
    disabled: (el as HTMLButtonElement).disabled ?? null,
  }));
}

/** Where focus is, as a path of child indexes from the root (null when not inside it). */
function focusPath(root: Element): number[] | null {
  const path: number[] = [];
  for (let el = document.activeElement; el && el !== root; el = el.parentElement) {
    if (!root.contains(el)) return null;
    path.unshift([...el.parentElement!.children].indexOf(el));
  }
  return document.activeElement && root.contains(document.activeElement) ? path : null;
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/** Renders one case with one renderer into a fresh root attached to the document. */
function mount(kind: 'light' | 'preact', c: Case) {
  const root = document.createElement('div');
  document.body.append(root);
  const pressed: UserSessionEvent[] = [];
  const act = (e: UserSessionEvent) => pressed.push(e);
  const timer = kind === 'light' ? light.timer : PreactTimer;
  const draw = (view: { type: unknown; props: object }) =>
    kind === 'light' ? light.render(light.jsx(view.type, view.props), root) : preactRender(<PreactTimerView view={view} />, root);
  draw(c.view(timer, act));
  return {
    root,
    pressed,
    next: () => c.next && draw(c.next(timer, act)),
    unmount: () => {
      if (kind === 'light') light.render(null, root);
      else preactRender(null, root);
      root.remove();
    },
  };
}

function PreactTimerView({ view }: { view: { type: unknown; props: object } }) {
  const Type = view.type as (p: object) => ComponentChild;
  return <Type {...view.props} />;
}

describe('the timer renders the same under the light renderer and Preact', () => {
  beforeAll(() => {
    // The done screen's "Remind me in …" asks the background; both renderers get the same answer.
    fakeBrowser.runtime.sendMessage = (async () => ({ ok: true, value: {} })) as typeof fakeBrowser.runtime.sendMessage;
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s: DOM and ARIA', async (_, c) => {
    const a = mount('light', c);
    const b = mount('preact', c);
    await settle();
    expect(a.root.innerHTML).toBe(b.root.innerHTML);
    expect(aria(a.root)).toEqual(aria(b.root));
    expect(a.root.innerHTML.length).toBeGreaterThan(20);
    a.unmount();
    b.unmount();
  });

  it.each(
    CASES.filter((c) => c.view(PreactTimer, () => undefined).type !== PreactTimer.BodyMap).map((c) => [c.name, c] as const),
  )('%s: every press sends the same, renders the same and leaves focus in the same place', async (_, c) => {
    const probe = mount('preact', c);
    const count = probe.root.querySelectorAll('button').length;
    probe.unmount();
    for (let i = 0; i < count; i++) {
      // One side at a time: a document has one focus.
      const press = async (kind: 'light' | 'preact') => {
        const side = mount(kind, c);
        const button = side.root.querySelectorAll('button')[i]!;
        button.focus();
        button.click();
        side.next();
        await settle();
        const seen = { pressed: side.pressed, html: side.root.innerHTML, focus: focusPath(side.root) };
        side.unmount();
        return seen;
      };
      const a = await press('light');
      const b = await press('preact');
      expect(a.pressed, `button ${i}`).toEqual(b.pressed);
      expect(a.html, `button ${i}`).toBe(b.html);
      expect(a.focus, `focus after button ${i}`).toEqual(b.focus);
    }
  });
});
