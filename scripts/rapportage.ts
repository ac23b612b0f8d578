/**
 * `npm run rapportage -- --datum 2025-12-31 --out rapport.pdf [--format pdf|docx] [--sandbox] [--env <name>]`:
 * writes the voortgangsrapportage (issue 8) for a date as PDF or Word, with the same numbers as the dashboard: it reads
 * the site through the data layer (`loadReportData`) and counts with the domain (`voortgangAt`).
 *
 *   --sinds <YYYY-MM-DD>  first day of the period whose status changes are listed (default: three months earlier)
 *   --datum <YYYY-MM-DD>  the peildatum (default: today in Amsterdam); not in the future. Before today the plan is
 *                         taken from the version history in SharePoint, as it was at the end of that day
 *   --out <file>          where to write (default: voortgangsrapportage-<datum>.<format> in the current folder)
 *   --format pdf|docx     default: from the --out extension, else pdf
 *   --env <name>          reads env/.env.<name> and env/.env.<name>.user like the server (default: TEAMSFX_ENV or sandbox)
 *   --sandbox             starts a local sandbox in this process on the sandbox's data folder (SANDBOX_DATA_DIR or
 *                         .data/sandbox) and reads its site (created by `npm start` or `npm run provision -- --sandbox
 *                         --seed`); without it the configured site is read (in the sandbox env: the sandbox of a
 *                         running `npm start`). The report only reads: it never creates or changes a list.
 *
 * The municipality's name on the report comes from GEMEENTE (default "Gemeente Zoetermeer").
 * stdout carries the written file's path only; messages go to stderr.
 * Exit codes: 0 written, 1 failed, 2 wrong usage or configuration.
 */
import { InrichtingError, readGemeente } from '../src/data/inrichting-store.js';
import { writeFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createGraph, type Graph } from '../src/data/graph/client.js';
import { createClientCredentialsTokenSource, type TokenSource } from '../src/data/graph/token-source.js';
import { borgingInputOf, loadReportData, voortgangInputOf } from '../src/data/report-data.js';
import { resolveSite } from '../src/data/site.js';
import { amsterdamDate, compareCalendarDates, isValidCalendarDate } from '../src/domain/dates.js';
import { borging } from '../src/domain/borging.js';
import { endOfDay, voortgangAt } from '../src/domain/report.js';
import { dateNl, DEFAULT_GEMEENTE, rapportFileName } from '../src/reporting/labels.js';
import { reportPdfBuffer } from '../src/reporting/pdf-node.js';
import { reportDocxBytes } from '../src/reporting/report-docx.js';
import type { RunningSandbox } from '../src/sandbox/server.js';
import { startScriptSandbox } from './script-sandbox.js';
import { loadEnvFiles } from '../src/server/env-files.js';
import { GraphRequestError } from '../src/data/graph/errors.js';
import { argsErrorNl, isMainModule, processIo, withVariable, type CliIo } from './cli-io.js';

class UsageError extends Error {}

const USAGE =
  'Gebruik: npm run rapportage -- [--datum JJJJ-MM-DD] [--sinds JJJJ-MM-DD] [--out <bestand>] [--format pdf|docx] [--env <naam>] [--sandbox]';

type Format = 'pdf' | 'docx';

type Args = { datum: string; sinds?: string; out: string; format: Format; env: string; sandbox: boolean };

function parseRapportageArgs(argv: readonly string[], now: Date, defaultEnv = 'sandbox'): Args | 'help' {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        datum: { type: 'string' },
        sinds: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string' },
        env: { type: 'string', default: defaultEnv },
        sandbox: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(argsErrorNl(error));
  }
  if (values.help) return 'help';
  const today = amsterdamDate(now);
  const datum = values.datum ?? today;
  if (!isValidCalendarDate(datum)) throw new UsageError(`--datum moet een datum zijn als 2025-12-31, niet '${datum}'.`);
  if (compareCalendarDates(datum, today) > 0)
    throw new UsageError(
      `--datum ${datum} ligt in de toekomst; de rapportage kan alleen over vandaag (${today}) of eerder gaan.`,
    );
  if (
    values.sinds !== undefined &&
    (!isValidCalendarDate(values.sinds) || compareCalendarDates(values.sinds, datum) > 0)
  ) {
    throw new UsageError(
      `--sinds moet een datum zijn als 2025-10-01, niet na de peildatum ${datum}, niet '${values.sinds}'.`,
    );
  }
  if (values.format !== undefined && values.format !== 'pdf' && values.format !== 'docx')
    throw new UsageError(`--format is pdf of docx, niet '${values.format}'.`);
  const fromExtension = values.out ? extname(values.out).toLowerCase().slice(1) : '';
  const format: Format = (values.format as Format | undefined) ?? (fromExtension === 'docx' ? 'docx' : 'pdf');
  if (fromExtension && fromExtension !== format)
    throw new UsageError(`--out ${values.out} heeft niet de extensie .${format}.`);
  if (!/^[a-z0-9-]+$/i.test(values.env))
    throw new UsageError(`--env is een naam als sandbox of dev, niet '${values.env}'.`);
  return {
    datum,
    ...(values.sinds ? { sinds: values.sinds } : {}),
    out: values.out ?? rapportFileName(datum, format),
    format,
    env: values.env,
    sandbox: values.sandbox,
  };
}

const url = z.string().refine((v) => URL.canParse(v), { message: 'must be an absolute URL' });

/** Only what reading the site needs: the report does not depend on the bot's or the tab's settings. */
const envSchema = z.object({
  GRAPH_BASE_URL: url,
  SHAREPOINT_SITE_URL: url,
  TOKEN_URL: url.optional(),
  GRAPH_CLIENT_ID: z.string().optional(),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  SECRET_GRAPH_CLIENT_SECRET: z.string().optional(),
  GRAPH_ACCESS_TOKEN: z.string().optional(),
});

/**
 * The app-only Graph client, as `npm run provision` makes it: client credentials from TOKEN_URL with GRAPH_CLIENT_ID
 * and SECRET_GRAPH_CLIENT_SECRET (or GRAPH_CLIENT_SECRET), or a token handed in as GRAPH_ACCESS_TOKEN.
 */
function graphFrom(env: NodeJS.ProcessEnv, envName: string): { graph: Graph; siteUrl: string } {
  const defined = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(defined);
  if (!parsed.success) {
    throw new UsageError(
      `Ongeldige configuratie (env/.env.${envName}):\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  }
  const e = parsed.data;
  const secret = e.SECRET_GRAPH_CLIENT_SECRET ?? e.GRAPH_CLIENT_SECRET;
  let tokens: TokenSource;
  if (e.GRAPH_ACCESS_TOKEN) {
    const token = e.GRAPH_ACCESS_TOKEN;
    tokens = { getToken: async () => token, invalidate: () => undefined };
  } else if (e.TOKEN_URL && e.GRAPH_CLIENT_ID && secret) {
    tokens = createClientCredentialsTokenSource({
      tokenUrl: e.TOKEN_URL,
      clientId: e.GRAPH_CLIENT_ID,
      clientSecret: secret,
    });
  } else {
    throw new UsageError(
      'Zet TOKEN_URL, GRAPH_CLIENT_ID en SECRET_GRAPH_CLIENT_SECRET (in env/.env.<env>.user), of geef GRAPH_ACCESS_TOKEN mee.',
    );
  }
  return { graph: createGraph({ graphBaseUrl: e.GRAPH_BASE_URL, tokens }), siteUrl: e.SHAREPOINT_SITE_URL };
}

async function run(argv: readonly string[], io: CliIo, seen: { env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const say = (line: string) => io.stderr(`${line}\n`);
  const now = new Date();
  const args = parseRapportageArgs(argv, now, io.env.TEAMSFX_ENV || 'sandbox');
  if (args === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const env: NodeJS.ProcessEnv = { ...io.env };
  loadEnvFiles(args.env, io.cwd, env);
  seen.env = env;
  const gemeenteSetting = env.GEMEENTE?.trim() || DEFAULT_GEMEENTE;

  let sandbox: RunningSandbox | undefined;
  try {
    if (args.sandbox) {
      sandbox = await startScriptSandbox(env);
    }
    const { graph, siteUrl } = graphFrom(env, args.env);
    const site = await resolveSite(graph, siteUrl);

    // The version history gives a past date's plan and, for every date, the status changes of the report period.
    const historisch = compareCalendarDates(args.datum, amsterdamDate(now)) < 0;
    const data = await loadReportData(graph, site.id).catch((error: unknown) => {
      if (error instanceof GraphRequestError && error.status === 404) {
        throw new UsageError(
          `De site ${siteUrl} heeft (nog) geen lijsten van het actieplan. Maak ze met \`npm run provision -- --seed\` (of \`npm start\` voor de sandbox).`,
        );
      }
      throw error;
    });
    // The site's own set-up names the municipality (issue 12, point 8); GEMEENTE only for a site without one.
    const gemeente = await readGemeente(graph, site.id, gemeenteSetting).catch((error: unknown) => {
      if (error instanceof InrichtingError) throw new UsageError(`${error.message} (${siteUrl}, lijst Inrichting)`);
      throw error;
    });
    const input = voortgangInputOf(data, { peildatum: args.datum, gemeente, now });
    const borgingRows = borging({ ...borgingInputOf(data, endOfDay(args.datum)), acties: input.acties });
    const model = voortgangAt({
      ...input,
      histories: data.histories,
      ...(args.sinds ? { sinds: args.sinds } : {}),
      borging: borgingRows,
    });
    if (model.totals.total === 0) {
      say(
        historisch
          ? `Let op: op ${dateNl(args.datum)} kent de versiegeschiedenis nog geen acties; de rapportage is leeg.`
          : 'Let op: de site heeft geen acties; de rapportage is leeg.',
      );
    }

    const bytes = args.format === 'pdf' ? await reportPdfBuffer(model) : await reportDocxBytes(model);
    const out = resolve(io.cwd, args.out);
    await writeFile(out, bytes);
    say(
      `Voortgangsrapportage ${dateNl(args.datum)} (${args.format}, ${model.totals.total} acties, ${model.perAdvies.length} adviezen) van ${site.webUrl}`,
    );
    io.stdout(`${out}\n`);
    return 0;
  } finally {
    await sandbox?.close();
  }
}

/** The whole command, with its exit code: 0 written, 1 failed (the message names the URL), 2 wrong usage or configuration. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // The configuration as the run read it (with the env files), for naming the variable behind a failed address.
  const seen: { env?: NodeJS.ProcessEnv } = {};
  try {
    return await run(argv, io, seen);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`rapportage: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(
      `rapportage mislukt: ${withVariable(error instanceof Error ? error.message : String(error), seen.env ?? io.env)}\n`,
    );
    return 1;
  }
}

// Whatever may still hold a handle (the sandbox's sockets, a keep-alive connection), the script ends the process itself.
if (isMainModule(import.meta.url)) process.exit(await main(process.argv.slice(2)));
