import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * ESLint for the whole tree: typescript-eslint's recommended rules, plus the type-aware ones that catch real
 * bugs here (a promise nobody handles in an extension's background ends as an unhandled rejection; a
 * promise passed where a listener expects a plain function loses its failure). `npm run lint` runs it with
 * no warnings allowed. Formatting is Prettier's job (`npm run format`), not ESLint's.
 */
export default tseslint.config(
  // Built output, and the fixtures: scripts of hostile and ordinary web pages, kept byte for byte.
  {
    ignores: [
      '.output/**',
      '.output-e2e/**',
      '.wxt/**',
      'node_modules/**',
      'store/**',
      'tests/e2e/artifacts/**',
      'tests/fixtures/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/require-await': 'off',
      // Not no-unnecessary-type-assertion: it asks for type arguments where an assertion reads as well.
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-console': ['error', { allow: ['error', 'warn'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Storage goes through the catalogue (lib/storage): no storage area read or written by key elsewhere.
    files: ['lib/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}'],
    ignores: ['lib/storage/**', '**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.property.name='storage'][property.name=/^(local|sync|session)$/]",
          message: 'Extension storage is read and written through lib/storage (items.ts, local-value.ts, sync-area.ts) only.',
        },
        {
          selector: "CallExpression[callee.property.name='defineItem']",
          message: 'Stored items are declared in lib/storage/items.ts (with migrations: background-items.ts) only.',
        },
      ],
    },
  },
  {
    // Tests, the bench and scripts print their figures.
    files: ['tests/**', 'scripts/**', '**/*.test.{ts,tsx}'],
    rules: { 'no-console': 'off' },
  },
  {
    // A renderer of Preact's API: any prop of any element passes through it, and it is written for size
    // (the timer's budget), with expression statements where Preact's own source has them too.
    files: ['components/timer/renderer/light-preact.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
    },
  },
  {
    // runtime.onMessage listeners answer with a promise (webextension-polyfill's contract), where the
    // browser's own types say the listener returns nothing.
    files: ['lib/messaging/register.ts'],
    rules: { '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }] },
  },
  {
    // Node scripts and configs are plain JavaScript without types.
    files: ['**/*.{js,cjs,mjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: {
        module: 'writable',
        require: 'readonly',
        process: 'readonly',
        console: 'readonly',
        window: 'readonly',
        document: 'readonly',
      },
    },
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
);
