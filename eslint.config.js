import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { existsSync } from 'node:fs';
import { dirname, resolve as resolvePath } from 'node:path';
import globals from 'globals';

/** Layers of src/ and what each may import (architecture.md: dependencies point inwards). */
const layerRules = [
  { target: './src/domain', from: ['./src/data', './src/tab', './src/server', './src/sandbox', './src/reminders', './src/bot', './src/addin'], message: 'domain is pure: it imports nothing of ours.' },
  { target: './src/data', from: ['./src/tab', './src/server', './src/sandbox', './src/reminders', './src/bot', './src/addin'], message: 'data may only use domain.' },
  { target: './src/sandbox', from: ['./src/data', './src/tab', './src/server', './src/reminders', './src/bot', './src/addin'], message: 'the sandbox knows nothing of the app.' },
  { target: './src/tab', from: ['./src/server', './src/sandbox', './src/reminders', './src/bot', './src/addin'], message: 'the tab uses data, domain and the report documents only.' },
  { target: './src/reporting', from: ['./src/data', './src/tab', './src/server', './src/sandbox', './src/reminders', './src/bot', './src/addin'], message: 'report documents are built from the domain\'s report model only.' },
  // The Outlook add-in (architecture.md): a thin Office.js adapter on domain and data; it may share the tab's UI pieces.
  { target: './src/addin', from: ['./src/server', './src/sandbox', './src/reminders', './src/bot', './src/reporting'], message: 'the add-in uses data, domain and the tab\'s shared UI only.' },
  // Tab features never import each other (bulletproof-react): shared pieces live in tab/components or tab/lib.
  ...featureZones(['actionplan', 'instellingen', 'mijn-acties', 'settings', 'voortgang', 'portfolio', 'vergadering', 'besluiten']),
];

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
    const candidates = source.endsWith('.js') ? [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base] : [base, `${base}.ts`, `${base}.tsx`];
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
);
