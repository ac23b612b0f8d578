import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import globals from 'globals';
import prettierOff from 'eslint-config-prettier';

/**
 * Layers of src/ as allow-lists (dependencies point inwards, to the domain): for every folder of src/, which other
 * folders of ours (`ours`) and which npm packages or Node built-ins (`packages`, with their subpaths) it may import.
 * Anything not listed is refused, so a new folder or a new dependency is a deliberate decision made here.
 */
const layers = {
  shared: { ours: [], packages: [], why: 'shared wire types import nothing.' },
  domain: {
    ours: [],
    packages: ['@date-fns/tz', 'date-fns', 'rrule', 'zod'],
    why: 'the domain is pure: no I/O, nothing of ours; only date, recurrence and validation libraries.',
  },
  data: {
    ours: ['domain', 'shared'],
    packages: ['@microsoft/microsoft-graph-client', '@pnp/queryable', '@pnp/sp', 'exceljs', 'papaparse'],
    why: 'data uses the domain (and shared types) only, through Graph and PnPjs.',
  },
  reporting: {
    ours: ['domain'],
    packages: ['docx', 'pdfkit', '@expo-google-fonts/roboto', 'node:module', 'node:fs/promises'],
    why: "report documents are built from the domain's report model only.",
  },
  reminders: {
    ours: ['domain', 'data', 'shared'],
    packages: ['@date-fns/tz', '@microsoft/teams.cards', 'date-fns', 'date-holidays', 'node:crypto'],
    why: 'the reminder job uses domain and data; the bot and the server call it, never the other way round.',
  },
  bot: {
    ours: ['domain', 'data', 'reminders', 'shared'],
    packages: [
      '@microsoft/teams.api',
      '@microsoft/teams.apps',
      '@microsoft/teams.common',
      'node:child_process',
      'node:crypto',
      'node:fs',
      'node:http',
      'node:module',
      'node:net',
      'node:path',
    ],
    why: 'the bot uses domain, data and the reminder job; it never imports the server (the composition root).',
  },
  server: {
    ours: ['domain', 'data', 'reporting', 'reminders', 'bot', 'sandbox', 'shared'],
    packages: ['node:fs', 'node:http', 'node:path', 'node:timers', 'node:util', 'zod'],
    why: 'the server composes everything; nothing imports it.',
  },
  sandbox: {
    ours: [],
    packages: [
      'better-sqlite3',
      'jose',
      'node:crypto',
      'node:fs',
      'node:http',
      'node:net',
      'node:os',
      'node:path',
      'node:stream',
      'node:timers',
      'node:tls',
      'node:url',
      'selfsigned',
      'zod',
    ],
    why: 'the sandbox knows nothing of the app (the app knows it only by its base URL).',
  },
  tab: {
    ours: ['domain', 'data', 'reporting', 'shared'],
    packages: [
      '@azure/msal-browser',
      '@date-fns/tz',
      '@fluentui/react-calendar-compat',
      '@fluentui/react-charts',
      '@fluentui/react-components',
      '@fluentui/react-datepicker-compat',
      '@fluentui/react-icons',
      '@microsoft/teams-js',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
      'exceljs',
      'idb-keyval',
      'react',
      'react-dom',
    ],
    why: 'the tab uses data, domain, the report documents and shared types only.',
  },
  // The Outlook add-in: a thin Office.js adapter on domain and data; it shares the tab's UI pieces
  // and sign-in.
  addin: {
    ours: ['domain', 'data', 'shared', 'tab'],
    packages: [],
    why: "the add-in uses data, domain, shared types and the tab's shared UI only.",
  },
};

// Every folder of src/ must have its allow-list: a new layer is a decision, not an accident.
const srcFolders = readdirSync(new URL('./src', import.meta.url), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const unlisted = srcFolders.filter((f) => !(f in layers));
if (unlisted.length > 0)
  throw new Error(`eslint.config.js: give src/${unlisted.join(', src/')} an entry in \`layers\` (what it may import)`);

const layerRules = [
  ...Object.entries(layers).map(([layer, rule]) => ({
    target: `./src/${layer}`,
    from: Object.keys(layers)
      .filter((other) => other !== layer && !rule.ours.includes(other))
      .map((other) => `./src/${other}`),
    message: rule.why,
  })),
  // Tab features never import each other (bulletproof-react): shared pieces live in tab/components or tab/lib.
  // Read from the folder, so a new feature gets the rule without being listed here.
  ...featureZones(
    readdirSync(new URL('./src/tab/features', import.meta.url), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name),
  ),
];

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Per layer: `no-restricted-imports` refusing every package that is not on its list (relative imports pass). */
const packageRules = Object.entries(layers).map(([layer, rule]) => ({
  files: [`src/${layer}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex:
              rule.packages.length === 0
                ? '^(?!\\.)'
                : `^(?!\\.|(?:${rule.packages.map(escapeRegex).join('|')})(?:/|$))`,
            message: `src/${layer} may import only ${rule.packages.length === 0 ? 'no packages' : rule.packages.join(', ')} (eslint.config.js \`layers\`): ${rule.why}`,
          },
        ],
      },
    ],
  },
}));

function featureZones(features) {
  return features.map((feature) => ({
    target: `./src/tab/features/${feature}`,
    from: features.filter((other) => other !== feature).map((other) => `./src/tab/features/${other}`),
    message: 'features never import each other; move what they share to src/tab/components or src/tab/lib.',
  }));
}

/**
 * Our relative imports name the emitted `.js` file (NodeNext); the source is `.ts` or `.tsx`.
 * A small resolver for import-x maps them back so the layer and cycle rules see every import.
 * (eslint-import-resolver-typescript would do this, but its native resolver ships platform
 * packages our registry lacks, which breaks `npm ci`.)
 */
const relativeTsResolver = {
  interfaceVersion: 3,
  name: 'relative-ts',
  resolve(source, file) {
    if (!source.startsWith('.')) return { found: false };
    const base = resolvePath(dirname(file), source);
    const candidates = source.endsWith('.js')
      ? [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base]
      : [base, `${base}.ts`, `${base}.tsx`];
    const path = candidates.find((candidate) => existsSync(candidate));
    return path ? { found: true, path } : { found: false };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'appPackage/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      // Resolves our `.js` import specifiers to the `.ts` sources, so the layer rules see every import.
      'import-x/resolver-next': [relativeTsResolver],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerRules }],
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  ...packageRules,
  {
    // The rules of hooks for the React code. Only the two classic rules: the plugin's React Compiler rules
    // (recommended preset in v7) judge code written for the compiler, which this tab does not use.
    files: ['src/tab/**/*.{ts,tsx}', 'src/addin/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Layout is Prettier's (`npm run lint` checks it, `npm run format` writes it): no ESLint rule may disagree with it.
  prettierOff,
);
