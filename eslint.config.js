import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const ioModules = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'http',
  'https',
  'net',
  'child_process',
  'os',
  'worker_threads',
  'postgres',
  '@electric-sql/*',
  'pg',
  'redis',
  'ws',
  'express',
  'socket.io',
  'pino',
];

// Issue 17: a load that trusted the (app) layout's guard read `locals.user!` while SvelteKit ran
// it beside that layout; signed out, it threw and stopped the server. Every server load, action
// and endpoint gets its person from `requireUser(event)` ($lib/server/guard.ts).
const noUserBang = {
  selector: "TSNonNullExpression > MemberExpression.expression[property.name='user']",
  message: 'No `….user!`: get the signed-in person from requireUser(event) ($lib/server/guard.ts).',
};

// Issue 24: the realtime service owns each workshop's documents. The web server never writes the
// Yjs log (it asks POST /internal/docs/apply, see $lib/server/realtime-internal.ts) and reads a
// stored document only through yjsStore.readDocument.
const noDocumentWrites = [
  {
    selector: "MemberExpression[object.name='yjsStore'][property.name!='readDocument']",
    message:
      'The realtime service owns the documents: change them through requestDocChange ($lib/server/realtime-internal.ts), read them with yjsStore.readDocument.',
  },
  {
    selector: 'TemplateElement[value.raw=/yjs_(updates|snapshots)/i]',
    message: 'The web server neither writes nor queries the Yjs log: the realtime service owns it.',
  },
];

// Server code of the web app (and its tests): what runs in the web server's process.
const webServerFiles = [
  'apps/web/src/lib/server/**/*.ts',
  'apps/web/src/lib/**/*.server.ts',
  'apps/web/src/hooks.server.ts',
  'apps/web/src/routes/**/+*.server.ts',
  'apps/web/src/routes/**/+server.ts',
];

export default ts.config(
  {
    ignores: [
      '**/node_modules/',
      '**/build/',
      '**/dist/',
      '**/.svelte-kit/',
      '**/.turbo/',
      'apps/web/src/lib/paraglide/',
      'bench-results/',
      '.data/',
      '.tools/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
    // The app is served at the root (no kit.paths.base), so plain links are correct.
    rules: { 'svelte/no-navigation-without-resolve': 'off' },
  },
  {
    files: ['apps/web/src/**/*.ts', 'apps/web/src/**/*.svelte'],
    rules: { 'no-restricted-syntax': ['error', noUserBang] },
  },
  {
    // Issue 24: no web server code speaks the Yjs protocol or touches the Yjs log (the browser's
    // room under $lib/room keeps the stock y-websocket provider: it is a client like any other).
    files: webServerFiles,
    rules: {
      'no-restricted-syntax': ['error', noUserBang, ...noDocumentWrites],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'y-websocket',
              message:
                'The web server does not speak the Yjs protocol: ask the realtime service (requestDocChange in $lib/server/realtime-internal.ts).',
            },
            { name: 'ws', message: 'The web server opens no WebSocket to the realtime service.' },
          ],
          patterns: [
            {
              group: ['y-protocols', 'y-protocols/*'],
              message: 'The web server does not speak the Yjs protocol: ask the realtime service.',
            },
          ],
        },
      ],
    },
  },
  {
    // In the signed-in part of the app, the person comes from the guard only.
    files: ['apps/web/src/routes/(app)/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        noUserBang,
        ...noDocumentWrites,
        {
          selector: "MemberExpression[property.name='user'][object.name='locals']",
          message: 'Pages of (app) read the person through requireUser(event) ($lib/server/guard.ts).',
        },
        {
          selector: "MemberExpression[property.name='user'][object.property.name='locals']",
          message: 'Pages of (app) read the person through requireUser(event) ($lib/server/guard.ts).',
        },
      ],
    },
  },
  {
    // The domain is pure: no I/O, none of our other packages.
    files: ['packages/domain/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@atelier/*'], message: 'packages/domain imports none of our other packages.' },
            { group: ioModules, message: 'packages/domain does no I/O: pass data in as arguments.' },
          ],
        },
      ],
    },
  },
  {
    // The database layer serves the apps; it never imports them.
    files: ['packages/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@atelier/web',
                '@atelier/web/*',
                '@atelier/realtime',
                '@atelier/realtime/*',
                '**/apps/**',
              ],
              message: 'packages/db must not import the apps.',
            },
          ],
        },
      ],
    },
  },
  {
    // The export renderers take a built report: no database, no app (packages/export).
    files: ['packages/export/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@atelier/db', '@atelier/db/*', '@atelier/web', '@atelier/realtime', '**/apps/**'],
              message:
                'packages/export renders a Report from @atelier/domain; the callers read the database.',
            },
          ],
        },
      ],
    },
  },
);
