import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layer rules of eslint.config.js, run through ESLint's API on small sources placed (virtually) in each folder of
 * src/. Each refused import must be reported by the rule that guards it; the allowed ones must pass, so the rules are
 * not simply refusing everything.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first run loads the config and its plugins; do it here, not inside the first test's time budget.
  await eslint.lintText('export const warm = 1;\n', { filePath: `${root}src/domain/warm-up.ts` });
}, 120_000);

/** The rule ids ESLint reports for `code` as if it were the file `src/<path>`. */
async function rulesFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const used = value;\n`, { filePath: `${root}src/${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const PATHS = 'import-x/no-restricted-paths';
const PACKAGES = 'no-restricted-imports';

describe('the layer rules refuse an import across a layer boundary', () => {
  const refused: [string, string, string][] = [
    ['domain → reporting', 'domain/fixture.ts', "import { value } from '../reporting/labels.js';"],
    ['domain → data', 'domain/fixture.ts', "import { value } from '../data/plan-store.js';"],
    ['data → reporting', 'data/fixture.ts', "import { value } from '../reporting/labels.js';"],
    ['data → reminders', 'data/fixture.ts', "import { value } from '../reminders/planner.js';"],
    ['sandbox → domain', 'sandbox/fixture.ts', "import { value } from '../domain/model.js';"],
    ['bot → server internals', 'bot/fixture.ts', "import { value } from '../server/config.js';"],
    ['reminders → bot', 'reminders/fixture.ts', "import { value } from '../bot/reminder-timer.js';"],
    ['reminders → server', 'reminders/fixture.ts', "import { value } from '../server/log.js';"],
    ['tab → reminders', 'tab/fixture.ts', "import { value } from '../reminders/planner.js';"],
    ['addin → reporting', 'addin/fixture.ts', "import { value } from '../reporting/labels.js';"],
    ['shared → domain', 'shared/fixture.ts', "import { value } from '../domain/model.js';"],
    ['reporting → data', 'reporting/fixture.ts', "import { value } from '../data/plan-store.js';"],
    // Into bot and server from the other side (issue 17: "anything into or out of reminders, bot and server").
    ['tab → bot', 'tab/fixture.ts', "import { value } from '../bot/reminder-timer.js';"],
    ['data → server', 'data/fixture.ts', "import { value } from '../server/config.js';"],
    ['domain → reminders', 'domain/fixture.ts', "import { value } from '../reminders/planner.js';"],
    ['addin → server', 'addin/fixture.ts', "import { value } from '../server/config.js';"],
    // Tab features never import each other; the zones are read from the folder, so a renamed feature keeps the rule.
    [
      'tab feature → another feature',
      'tab/features/meeting/fixture.ts',
      "import { value } from '../my-actions/components/my-actions-view.js';",
    ],
    [
      'tab feature → settings',
      'tab/features/start/fixture.ts',
      "import { value } from '../settings/lib/channel-state.js';",
    ],
  ];
  for (const [name, path, code] of refused) {
    it(name, async () => {
      expect(await rulesFor(path, code)).toContain(PATHS);
    });
  }
});

describe('the package rules refuse a package a layer may not use', () => {
  const refused: [string, string, string][] = [
    ['react in the domain', 'domain/fixture.ts', "import { useState as value } from 'react';"],
    ['node:fs in the domain', 'domain/fixture.ts', "import { readFileSync as value } from 'node:fs';"],
    ['fs (without node:) in the domain', 'domain/fixture.ts', "import { readFileSync as value } from 'fs';"],
    [
      'the Graph client in the domain',
      'domain/fixture.ts',
      "import { Client as value } from '@microsoft/microsoft-graph-client';",
    ],
    ['node:http in the domain', 'domain/fixture.ts', "import { createServer as value } from 'node:http';"],
    ['a package in the shared wire types', 'shared/fixture.ts', "import { z as value } from 'zod';"],
    ['the Teams SDK in data', 'data/fixture.ts', "import { App as value } from '@microsoft/teams.apps';"],
    ['node:fs in the tab', 'tab/fixture.ts', "import { readFileSync as value } from 'node:fs';"],
    ['better-sqlite3 in the server', 'server/fixture.ts', "import value from 'better-sqlite3';"],
  ];
  for (const [name, path, code] of refused) {
    it(name, async () => {
      expect(await rulesFor(path, code)).toContain(PACKAGES);
    });
  }
});

describe('the rules let the allowed imports through', () => {
  const allowed: [string, string, string][] = [
    [
      'domain → date-fns and its own files',
      'domain/fixture.ts',
      "import { addDays as value } from 'date-fns';\nimport type { Actie } from './model.js';\nexport type A = Actie;",
    ],
    [
      'data → domain, PnPjs subpaths',
      'data/fixture.ts',
      "import { value } from '../domain/model.js';\nimport '@pnp/sp/webs/index.js';",
    ],
    [
      'bot → reminders and shared',
      'bot/fixture.ts',
      "import { value } from '../reminders/planner.js';\nimport type { Logger } from '../shared/log.js';\nexport type L = Logger;",
    ],
    [
      'server → bot and the sandbox (the local launcher)',
      'server/fixture.ts',
      "import { value } from '../bot/reminder-timer.js';\nimport '../sandbox/server.js';",
    ],
    [
      'tab → react and the report documents',
      'tab/fixture.ts',
      "import { useState as value } from 'react';\nimport '../reporting/labels.js';",
    ],
  ];
  for (const [name, path, code] of allowed) {
    it(name, async () => {
      const rules = await rulesFor(path, code);
      expect(rules.filter((r) => r === PATHS || r === PACKAGES || r.startsWith('fatal'))).toEqual([]);
    });
  }
});
