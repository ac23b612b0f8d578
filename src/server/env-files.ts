import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';

/** The port variables of the local run; an address in an env file on one of these ports follows the variable. */
export const PORT_VARIABLES = ['PORT', 'SANDBOX_PORT', 'PLAYGROUND_PORT'] as const;

const LOOPBACK_AT_PORT = (port: string) =>
  new RegExp(`((?:^|//)(?:127\\.0\\.0\\.1|localhost|\\[::1\\])):${port}(?=$|[/?#])`, 'g');

/**
 * Loads `env/.env.<name>` and then `env/.env.<name>.user` (ignored by git, holds SECRET_*),
 * the Teams Toolkit convention. Variables already set in the process win, so a CI job or a
 * shell can override any of them.
 *
 * Addresses follow the ports: when the process sets PORT, SANDBOX_PORT or PLAYGROUND_PORT to something else than the
 * file, every loopback address the file gives on the file's port (`http://127.0.0.1:3979/v1.0`, `127.0.0.1:3978`)
 * is moved to the process's port, unless the process sets that address itself. So `SANDBOX_PORT=4101 npm run
 * reminders` reads the sandbox that `SANDBOX_PORT=4101 npm start` runs, and the card's links use its PORT.
 * Port 0 ("any free port") moves nothing: only the running server knows its port.
 */
export function loadEnvFiles(
  envName: string,
  rootDir = process.cwd(),
  target: NodeJS.ProcessEnv = process.env,
): string[] {
  const loaded: string[] = [];
  const fromFiles = new Map<string, string>();
  for (const file of [`${rootDir}/env/.env.${envName}`, `${rootDir}/env/.env.${envName}.user`]) {
    if (!existsSync(file)) continue;
    const values = parseEnv(readFileSync(file, 'utf8'));
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) continue;
      if (!fromFiles.has(key)) fromFiles.set(key, value);
      if (target[key] === undefined) target[key] = value;
    }
    loaded.push(file);
  }
  followPorts(fromFiles, target);
  return loaded;
}

/**
 * An env file's values as a run with `env` would have them: the port variables `env` sets (valid ones: 1–65535) and
 * the file's loopback addresses on the file's ports moved to them, as `loadEnvFiles` does. For scripts that read an
 * env file on their own (the app package), so that `PORT=4100 npm run package` gives addresses on 4100, as `PORT=4100
 * npm start` serves them. Other variables of `env` do not change the file's values.
 */
export function withPortsOf(
  fileValues: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv,
): { values: Record<string, string>; problems: string[] } {
  const target: NodeJS.ProcessEnv = { ...fileValues };
  const problems: string[] = [];
  for (const variable of PORT_VARIABLES) {
    const value = env[variable];
    if (value === undefined || value === '') continue; // an empty variable counts as unset
    if (/^[1-9]\d{0,4}$/.test(value) && Number(value) <= 65_535) target[variable] = value;
    else problems.push(`${variable}=${value}: expected a port number from 1 to 65535`);
  }
  followPorts(new Map(Object.entries(fileValues)), target);
  const values = Object.fromEntries(
    Object.entries(target).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return { values, problems };
}

/** Moves the file-given loopback addresses to the ports the process chose (see `loadEnvFiles`). */
function followPorts(fromFiles: ReadonlyMap<string, string>, target: NodeJS.ProcessEnv): void {
  for (const variable of PORT_VARIABLES) {
    const filePort = fromFiles.get(variable);
    const port = target[variable];
    if (!filePort || !port || port === filePort || !/^\d+$/.test(filePort) || !/^[1-9]\d*$/.test(port)) continue;
    for (const [key, fileValue] of fromFiles) {
      // Only values that came from the file: an address the process set is the person's own choice.
      if (PORT_VARIABLES.includes(key as (typeof PORT_VARIABLES)[number]) || target[key] !== fileValue) continue;
      const moved = fileValue.replace(LOOPBACK_AT_PORT(filePort), `$1:${port}`);
      if (moved !== fileValue) target[key] = moved;
    }
  }
}
