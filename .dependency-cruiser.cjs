/**
 * The house's floors: a module may import from its own floor and the floors below, never from a floor above,
 * and no modules may import each other in a circle. `npm run lint:deps` checks this (and `npm test` runs it).
 *
 * From the ground up (a folder's files are on its floor; a new top folder of lib/ or components/ must be put
 * on one, or the check fails):
 */
const FLOORS = [
  // The shared words: domain lists, areas, what was trained, the choice, the theme, days, a break's identity;
  // and the extension API without the polyfill.
  ['lib/domain', 'lib/browser'],
  // Words and pure rules that need only the ground: messages and formats, the reminder's scheduler.
  ['lib/i18n', 'lib/reminders'],
  // The break as a pure reducer.
  ['lib/session'],
  // The routine library and plan generator; the settings type, its migrations and normaliser.
  ['lib/routines', 'lib/settings'],
  // The break log (IndexedDB); the technique pictures, drawn from the routine library.
  ['lib/log', 'lib/pictures'],
  // Sync and history figures, both built on the log.
  ['lib/sync', 'lib/stats'],
  // The catalogue of stored items.
  ['lib/storage'],
  // The message protocol; the theme's adapter (it reads stored settings).
  ['lib/messaging', 'lib/theme'],
  // The popup's own state (first-paint cache, remembering the choice through the settings writer).
  ['lib/popup'],
  // Contexts: the background's features (its shared helpers sit at its root) and the offscreen document.
  ['lib/background', 'lib/offscreen'],
  // UI, from shared parts up to the pages.
  ['components/shared', 'components/pictures'],
  ['components/timer'],
  ['components/popup', 'components/history', 'components/options', 'components/pages'],
  // Wiring.
  ['entrypoints'],
];

const folder = (path) => `^${path}/`;
const rules = FLOORS.flatMap((floor, i) => {
  const above = FLOORS.slice(i + 1).flat();
  if (above.length === 0) return [];
  return [
    {
      name: `uphill-from-${floor.map((p) => p.replace(/\//g, '-')).join('+')}`,
      comment: `${floor.join(', ')} may not import from a floor above it (see FLOORS in .dependency-cruiser.cjs).`,
      severity: 'error',
      from: { path: floor.map(folder) },
      to: { path: above.map(folder) },
    },
  ];
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other in a circle: move the shared definition down a floor.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'on-a-floor',
      comment: 'Every folder of lib/ and components/ stands on a floor of FLOORS in .dependency-cruiser.cjs.',
      severity: 'error',
      from: { path: '^(lib|components)/', pathNot: FLOORS.flat().map(folder) },
      to: {},
    },
    {
      name: 'migrations-in-the-background-only',
      comment:
        "WXT runs an item's migrations wherever it is defined: the migrating declarations (and the raw storage.sync " +
        'helpers) are for the background alone, so pages never write storage during an upgrade.',
      severity: 'error',
      from: { pathNot: ['^lib/background/', '^lib/storage/'] },
      to: { path: ['^lib/storage/background-items\\.ts$', '^lib/storage/sync-area\\.ts$'] },
    },
    {
      name: 'background-features-apart',
      comment:
        'A feature folder of lib/background/ never imports another feature: what two features share sits at ' +
        "lib/background/'s root (the session, settings and sync services, starting a break, showing the timer).",
      severity: 'error',
      from: { path: '^lib/background/([^/]+)/' },
      to: { path: '^lib/background/[^/]+/', pathNot: '^lib/background/$1/' },
    },
    {
      name: 'background-root-below-features',
      comment:
        "lib/background/'s shared modules are below its features: they never import one (a feature that must act " +
        'on a change adds a follower or a handler at start-up instead).',
      severity: 'error',
      from: { path: '^lib/background/[^/]+$' },
      to: { path: '^lib/background/[^/]+/' },
    },
    ...rules,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Tests are left out: a unit test may reach across floors (a settings test can drive the background's
    // handlers, a test of what was trained can read the routine library).
    exclude: { path: ['^node_modules', '^\\.output', '^\\.wxt', '\\.test\\.tsx?$'] },
    includeOnly: '^(lib|components|entrypoints)/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
