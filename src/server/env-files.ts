import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/**
 * Loads `env/.env.<name>` and then `env/.env.<name>.user` (ignored by git, holds SECRET_*),
 * the Teams Toolkit convention. Variables already set in the process win, so a CI job or a
 * shell can override any of them.
 */
export function loadEnvFiles(envName: string, rootDir = process.cwd(), target: NodeJS.ProcessEnv = process.env): string[] {
  const loaded: string[] = [];
  for (const file of [`${rootDir}/env/.env.${envName}`, `${rootDir}/env/.env.${envName}.user`]) {
    if (!existsSync(file)) continue;
    const values = parseEnv(readFileSync(file, 'utf8'));
    for (const [key, value] of Object.entries(values)) {
      if (target[key] === undefined && value !== undefined) target[key] = value;
    }
    loaded.push(file);
  }
  return loaded;
}
