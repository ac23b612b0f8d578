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

/**
 * Node's `parseArgs` refusals in Dutch, as the scripts speak to their users (`npm run reminders` reads its own
 * arguments and says the same): the option or argument it names, and what is wrong with it. Anything else keeps its
 * own message.
 */
export function argsErrorNl(error: unknown): string {
  const { code, message = String(error) } = error as { code?: string; message?: string };
  const named = /'([^']+)'/.exec(message)?.[1]?.replace(/ <value>$/, '');
  if (named === undefined) return message;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Onbekende optie: ${named}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Onverwacht argument: ${named} (alleen opties, zoals --help).`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.endsWith('argument missing')
        ? `Optie ${named} mist een waarde.`
        : `Optie ${named} neemt geen waarde.`;
    default:
      return message;
  }
}
