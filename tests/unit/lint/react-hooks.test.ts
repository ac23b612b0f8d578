import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The React hooks rules of eslint.config.js (eslint-plugin-react-hooks), run through ESLint's API on small components
 * placed (virtually) in src/tab. Each broken rule must be reported; the correct forms must pass, so the rules are not
 * simply refusing every hook.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: root });
  // The first run loads the config and its plugins; do it here, not inside the first test's time budget.
  await eslint.lintText('export const warm = 1;\n', { filePath: `${root}src/tab/warm-up.tsx` });
}, 120_000);

/** The rule ids ESLint reports for `code` as if it were the file `src/<path>`. */
async function rulesFor(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}src/${path}` });
  return (result?.messages ?? []).map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

const header = "import { useEffect, useEffectEvent, useState } from 'react';\n";

describe('the React hooks rules', () => {
  it('refuse a conditional useState (rules-of-hooks)', async () => {
    const code = `${header}export function View({ open }: { open: boolean }) {\n  if (open) {\n    const [n] = useState(0);\n    return n;\n  }\n  return 0;\n}\n`;
    expect(await rulesFor('tab/fixture.tsx', code)).toContain('react-hooks/rules-of-hooks');
  });

  it('refuse an effect that leaves out a value it reads (exhaustive-deps)', async () => {
    const code = `${header}export function View({ id, load }: { id: string; load: (id: string) => void }) {\n  useEffect(() => load(id), [load]);\n  return null;\n}\n`;
    expect(await rulesFor('tab/fixture.tsx', code)).toContain('react-hooks/exhaustive-deps');
  });

  it('apply in the add-in too', async () => {
    const code = `${header}export function Pane({ id, load }: { id: string; load: (id: string) => void }) {\n  useEffect(() => load(id), [load]);\n  return null;\n}\n`;
    expect(await rulesFor('addin/fixture.tsx', code)).toContain('react-hooks/exhaustive-deps');
  });

  it('let hooks at the top level with complete dependencies through, and an effect event for what must not re-run', async () => {
    const code = `${header}export function View({ id, now, load }: { id: string; now: Date; load: (id: string, since: Date) => void }) {\n  const [n] = useState(0);\n  const since = useEffectEvent(() => now);\n  useEffect(() => load(id, since()), [id, load]);\n  return n;\n}\n`;
    expect(
      (await rulesFor('tab/fixture.tsx', code)).filter((r) => r.startsWith('react-hooks/') || r.startsWith('fatal')),
    ).toEqual([]);
  });
});
