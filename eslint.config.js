import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

/** Layers of src/ and what each may import (architecture.md: dependencies point inwards). */
const layerRules = [
  { target: './src/domain', from: ['./src/data', './src/tab', './src/server', './src/sandbox', './src/reminders', './src/bot'], message: 'domain is pure: it imports nothing of ours.' },
  { target: './src/data', from: ['./src/tab', './src/server', './src/sandbox', './src/reminders', './src/bot'], message: 'data may only use domain.' },
  { target: './src/sandbox', from: ['./src/data', './src/tab', './src/server', './src/reminders', './src/bot'], message: 'the sandbox knows nothing of the app.' },
  { target: './src/tab', from: ['./src/server', './src/sandbox', './src/reminders', './src/bot'], message: 'the tab uses data and domain only.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'appPackage/build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'import-x': importX },
    settings: {
      // Resolves our `.js` import specifiers to the `.ts` sources, so the layer rules see every import.
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['tsconfig.json', 'tsconfig.tab.json'], noWarnOnMultipleProjects: true })],
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
