import { pathToFileURL } from 'node:url';

/**
 * Where a script reads its environment and writes its output: `process` when it runs as `npm run <script>`, a test's
 * own buffers when the test calls its `main()` in-process (no second Node process to start).
 */
export type CliIo = {
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

export function processIo(): CliIo {
  return {
    env: process.env,
    cwd: process.cwd(),
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  };
}

/** Whether the module at `moduleUrl` is the script Node was started with (not imported by a test). */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && moduleUrl === pathToFileURL(process.argv[1]).href;
}
