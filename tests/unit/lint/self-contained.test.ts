/**
 * The repository stands alone: its README, docs and code comments never send a reader outside it (to the team's
 * shared folder beside the clone), every relative Markdown link resolves, and every document a file names by its
 * `.md` file name is in the repository. A comment that cited `decisions.md` while no such file was here went unseen
 * for weeks; this fails on that.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f !== '' && existsSync(join(ROOT, f)));
const TEXT = /\.(md|ts|tsx|mts|mjs|cjs|js|json|yml|yaml|bicep|sh|html|css)$|(^|\/)(run|\.env\.[\w.]+)$/;
const texts = tracked.filter((f) => TEXT.test(f) && !f.startsWith('appPackage/build/'));
const read = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const mdNames = new Set(tracked.filter((f) => f.endsWith('.md')).map((f) => basename(f)));

describe('the repository stands alone', () => {
  it('has text files to check', () => {
    expect(texts.length).toBeGreaterThan(100);
    expect(texts).toContain('README.md');
  });

  it('no file sends the reader to the shared folder beside the clone', () => {
    // Its documents and seeds; `src/shared` (imported as `../shared/…`) is the repository's own.
    const outside = new RegExp(String.raw`\.\./shared/(docs|seeds|hooks)\b`);
    // The one exception: the test that checks the plan's quotes against the seed documents reads them from there.
    const offenders = texts.filter((f) => f !== 'tests/unit/domain/plan-citations.test.ts' && outside.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('every relative link in the README and docs resolves', () => {
    const broken: string[] = [];
    for (const file of texts.filter((f) => f.endsWith('.md'))) {
      for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) continue;
        const path = decodeURIComponent(target.replace(/#.*$/, ''));
        if (!existsSync(resolve(ROOT, dirname(file), path))) broken.push(`${file} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every document named by its .md file name is in the repository', () => {
    const missing: string[] = [];
    for (const file of texts) {
      for (const [name] of read(file).matchAll(/\b[\w-]+\.md\b/g)) {
        if (!mdNames.has(name)) missing.push(`${file}: ${name}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
