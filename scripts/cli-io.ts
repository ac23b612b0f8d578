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

/** The configuration variables whose addresses a script reaches, in the order they are named. */
const ADDRESS_VARIABLES = ['TOKEN_URL', 'GRAPH_BASE_URL', 'SHAREPOINT_SITE_URL', 'SERVICE_URL'] as const;

/**
 * A failure's message with the variable whose address it failed on ("… (TOKEN_URL)"), so that a person knows what to
 * change: the guide's rule that an error names the variable and the URL. An address that refused the connection on
 * this machine adds that the local run may not be started. The variables are read from `env` as the script read them;
 * the sandbox's default addresses (env/.env.sandbox) come from the environment files, which the scripts load into
 * their own copy, so a message that names none of `env`'s addresses is returned unchanged.
 */
export function withVariable(message: string, env: NodeJS.ProcessEnv): string {
  const origin = (value: string | undefined) => (value && URL.canParse(value) ? new URL(value).origin : undefined);
  // The variable whose whole address the message names (the token endpoint, say), else those of its host and port.
  const exact = ADDRESS_VARIABLES.filter((name) => {
    const value = env[name]?.replace(/\/+$/, '');
    return value !== undefined && value !== '' && URL.canParse(value) && message.includes(value);
  });
  const byOrigin = ADDRESS_VARIABLES.filter((name) => {
    const at = origin(env[name]);
    return at !== undefined && message.includes(at);
  });
  // Last, the host and port alone, as Node's connection errors give them ("connect ECONNREFUSED 127.0.0.1:3978",
  // "getaddrinfo ENOTFOUND smba.trafficmanager.net"): the Bot Framework's send says no more than that.
  const byHost = ADDRESS_VARIABLES.filter((name) => {
    const value = env[name];
    if (!value || !URL.canParse(value)) return false;
    const host = new URL(value).host.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(?<![\\w.-])${host}(?![\\w.:-]*\\w)`).test(message);
  });
  const named = exact.length > 0 ? exact : byOrigin.length > 0 ? byOrigin : byHost;
  if (named.length === 0) return message;
  const local =
    /ECONNREFUSED/.test(message) && /(\/\/|ECONNREFUSED )(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(message);
  return `${message} (${named.join(', ')}${local ? '; draait npm start, of de sandbox, op die poort?' : ''})`;
}
