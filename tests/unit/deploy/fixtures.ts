import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../../scripts/check-env-wiring.js';

/** The files the deployment checks read, relative to the repository root. */
const PROJECT_FILES = [
  'teamsapp.yml',
  'teamsapp.local.yml',
  'env/.env.dev',
  'infra',
  'appPackage',
  'src/tab/app/auth/naa.ts',
];

/** A throw-away copy of the deployment files, so a test can break one thing and see it reported. */
export type ProjectCopy = {
  root: string;
  read(file: string): Promise<string>;
  /** Rewrites a text file of the copy. */
  edit(file: string, change: (text: string) => string): Promise<void>;
  /** Rewrites a JSON file of the copy. */
  editJson(file: string, change: (json: Record<string, unknown>) => void): Promise<void>;
  remove(): Promise<void>;
};

export async function copyProject(): Promise<ProjectCopy> {
  const root = await mkdtemp(path.join(tmpdir(), 'deploy-'));
  for (const file of PROJECT_FILES) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await cp(path.join(REPO_ROOT, file), target, { recursive: true, filter: (src) => path.basename(src) !== 'build' });
  }
  const read = (file: string) => readFile(path.join(root, file), 'utf8');
  return {
    root,
    read,
    async edit(file, change) {
      const before = await read(file);
      const after = change(before);
      if (after === before) throw new Error(`the edit of ${file} changed nothing; the test would prove nothing`);
      await writeFile(path.join(root, file), after);
    },
    async editJson(file, change) {
      const json = JSON.parse(await read(file)) as Record<string, unknown>;
      change(json);
      await writeFile(path.join(root, file), JSON.stringify(json, null, 2));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
