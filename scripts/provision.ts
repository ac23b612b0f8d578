/**
 * `npm run provision -- --site <url>`: creates or upgrades the app's lists on a SharePoint site with
 * the one provisioner (src/data/provisioning.ts: Graph for lists, columns and indexes; PnPjs over
 * SharePoint REST for versioning, views, formatting and the schema marker), then prints the report.
 * Running it twice changes nothing the second time, and says so.
 *
 *   --site <url>      the site (default: SHAREPOINT_SITE_URL of the env)
 *   --env <name>      reads env/.env.<name> and env/.env.<name>.user like the server (default: sandbox)
 *   --sandbox         starts a sandbox in this process (free port, SANDBOX_DATA_DIR or .data/sandbox)
 *   --seed            then fills the lists with the Zoetermeer plan, portfolio and MTs (the app's own
 *                     seeding: items already there are left alone, so it can be run again)
 *                     and provisions its site; otherwise the sandbox of a running `npm start` is used
 *   --plan <f.xlsx>   then imports a whole plan (the format of --export-plan) into the site, which must have no plan
 *                     yet: first a dry run that lists every problem with its sheet and row and writes nothing, then,
 *                     only when there is none, all of it or nothing (a failed write rolls the import back)
 *   --dry-run         with --plan: only the dry run
 *   --export-plan <f.xlsx>  then writes the site's whole plan to that file (adviezen, bevindingen, acties with
 *                     their links, rows per domain, planning texts)
 *   --json            prints the report as JSON instead of lines
 *
 * Tokens: app-only (client credentials) from TOKEN_URL with GRAPH_CLIENT_ID and
 * SECRET_GRAPH_CLIENT_SECRET (or GRAPH_CLIENT_SECRET): one for Graph
 * (`scope=https://graph.microsoft.com/.default`) and one for SharePoint, whose audience is the
 * site's origin (`scope=https://<tenant>.sharepoint.com/.default`). SharePoint Online accepts
 * app-only tokens only when they were obtained with a certificate, not a secret; until the app has
 * certificate credentials, a real tenant can pass tokens obtained elsewhere (for example
 * `az account get-access-token --resource https://<tenant>.sharepoint.com`) in GRAPH_ACCESS_TOKEN
 * and SHAREPOINT_ACCESS_TOKEN. The sandbox accepts the secret.
 *
 * Exit codes: 0 provisioned (or nothing to do), 1 failed, 2 wrong usage or configuration.
 */
import { ZOETERMEER_INRICHTING } from '../src/domain/inrichting.js';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createGraph } from '../src/data/graph/client.js';
import { createClientCredentialsTokenSource, type TokenSource } from '../src/data/graph/token-source.js';
import { countChanges, describeReport, provisionSite, type SiteProvisionReport } from '../src/data/provisioning.js';
import { createSharePoint, sharePointScope } from '../src/data/sharepoint.js';
import { resolveSite } from '../src/data/site.js';
import { seedSite } from '../src/data/seed.js';
import { readFile, writeFile } from 'node:fs/promises';
import { dryRunPlanImport, describePlanProblem, type PlanDryRun } from '../src/data/plan-import.js';
import {
  applyPlanImport,
  assertPlanInrichtingFits,
  assertPlanSiteEmpty,
  loadPlanExport,
  PlanInrichtingMismatchError,
  PlanSiteNotEmptyError,
  PLAN_LISTS,
  type PlanImportOutcome,
} from '../src/data/plan-transfer.js';
import { readInrichting } from '../src/data/inrichting-store.js';
import { exportPlanXlsx, readPlanXlsx } from '../src/data/plan-xlsx.js';
import { fieldsExpand, SITE_USERS_LIST, type ListItem } from '../src/data/lists/list-definition.js';
import { siteUserFieldNames, toSiteUser } from '../src/data/lists/site-users.js';
import { listPath } from '../src/data/site.js';
import {
  zoetermeerDomeinVoortgang,
  zoetermeerKwartaaldoelen,
  zoetermeerMTs,
  zoetermeerPlan,
  zoetermeerPortfolio,
} from '../src/domain/plan/zoetermeer.js';
import type { RunningSandbox } from '../src/sandbox/server.js';
import { startScriptSandbox } from './script-sandbox.js';
import { loadEnvFiles } from '../src/server/env-files.js';
import { argsErrorNl, isMainModule, processIo, withVariable, type CliIo } from './cli-io.js';

class UsageError extends Error {}

const USAGE =
  'Gebruik: npm run provision -- [--site <url>] [--env sandbox|dev] [--sandbox] [--seed | --plan <bestand.xlsx> [--dry-run]] [--export-plan <bestand.xlsx>] [--json]';

const url = z.string().refine((v) => URL.canParse(v), { message: 'must be an absolute URL' });

const envSchema = z.object({
  GRAPH_BASE_URL: url,
  TOKEN_URL: url.optional(),
  GRAPH_CLIENT_ID: z.string().optional(),
  GRAPH_CLIENT_SECRET: z.string().optional(),
  SECRET_GRAPH_CLIENT_SECRET: z.string().optional(),
  GRAPH_ACCESS_TOKEN: z.string().optional(),
  SHAREPOINT_ACCESS_TOKEN: z.string().optional(),
});

/** Whether the site has the app's lists (its Acties list): a site the app never provisioned has none. */
/** The names of the site's lists. */
async function siteListNames(graph: ReturnType<typeof createGraph>, siteId: string): Promise<Set<string>> {
  const lists = await graph.getAll<{ displayName: string }>(`/sites/${siteId}/lists?$select=displayName`);
  return new Set(lists.map((l) => l.displayName));
}

/** A token handed in from outside (a shell, a pipeline): used as is, never refreshed. */
function staticToken(token: string): TokenSource {
  return { getToken: async () => token, invalidate: () => undefined };
}

/** Empty variables count as unset, so `X=` in an env file does not shadow a default. */
function definedEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

function tokenSources(
  env: z.infer<typeof envSchema>,
  siteUrl: string,
): { graph: TokenSource; sharePoint: TokenSource } {
  const secret = env.SECRET_GRAPH_CLIENT_SECRET ?? env.GRAPH_CLIENT_SECRET;
  const clientCredentials = (scope: string): TokenSource => {
    if (!env.TOKEN_URL || !env.GRAPH_CLIENT_ID || !secret) {
      throw new UsageError(
        'Zet TOKEN_URL, GRAPH_CLIENT_ID en SECRET_GRAPH_CLIENT_SECRET (in env/.env.<env>.user), of geef GRAPH_ACCESS_TOKEN en SHAREPOINT_ACCESS_TOKEN mee.',
      );
    }
    return createClientCredentialsTokenSource({
      tokenUrl: env.TOKEN_URL,
      clientId: env.GRAPH_CLIENT_ID,
      clientSecret: secret,
      scope,
    });
  };
  return {
    graph: env.GRAPH_ACCESS_TOKEN
      ? staticToken(env.GRAPH_ACCESS_TOKEN)
      : clientCredentials('https://graph.microsoft.com/.default'),
    sharePoint: env.SHAREPOINT_ACCESS_TOKEN
      ? staticToken(env.SHAREPOINT_ACCESS_TOKEN)
      : clientCredentials(sharePointScope(siteUrl)),
  };
}

async function run(argv: readonly string[], io: CliIo, seen: { env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      options: {
        site: { type: 'string' },
        env: { type: 'string', default: 'sandbox' },
        sandbox: { type: 'boolean', default: false },
        seed: { type: 'boolean', default: false },
        plan: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'export-plan': { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(argsErrorNl(error));
  }
  if (args.help) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (args.seed && args.plan)
    throw new UsageError('--seed en --plan vullen de site allebei met een plan; kies er één.');
  if (args['dry-run'] && !args.plan) throw new UsageError('--dry-run hoort bij --plan <bestand.xlsx>.');
  if (args.plan !== undefined && !/\.xlsx$/i.test(args.plan))
    throw new UsageError(`--plan vraagt een .xlsx-bestand, niet '${args.plan}'.`);
  if (args['export-plan'] !== undefined && !/\.xlsx$/i.test(args['export-plan']))
    throw new UsageError(`--export-plan vraagt een bestandsnaam op .xlsx, niet '${args['export-plan']}'.`);
  if (!/^[a-z0-9-]+$/i.test(args.env))
    throw new UsageError(`--env is een naam als sandbox of dev, niet '${args.env}'.`);

  const env: NodeJS.ProcessEnv = { ...io.env };
  loadEnvFiles(args.env, io.cwd, env);
  seen.env = env;

  let sandbox: RunningSandbox | undefined;
  try {
    if (args.sandbox) {
      sandbox = await startScriptSandbox(env);
      if (args.site && new URL(args.site).pathname.replace(/\/+$/, '') !== new URL(sandbox.siteUrl).pathname) {
        throw new UsageError(
          `--sandbox bedient ${new URL(sandbox.siteUrl).pathname}; --site ${args.site} is niet die site.`,
        );
      }
    }
    const siteUrl = (sandbox ? sandbox.siteUrl : args.site) ?? env.SHAREPOINT_SITE_URL;
    if (!siteUrl || !URL.canParse(siteUrl))
      throw new UsageError('Noem de site met --site <url> (of zet SHAREPOINT_SITE_URL in het env-bestand).');
    const parsed = envSchema.safeParse(definedEnv(env));
    if (!parsed.success) {
      throw new UsageError(
        `Ongeldige configuratie (env/.env.${args.env}):\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
      );
    }
    const tokens = tokenSources(parsed.data, siteUrl);
    const clients = {
      graph: createGraph({ graphBaseUrl: parsed.data.GRAPH_BASE_URL, tokens: tokens.graph }),
      sharePoint: createSharePoint({ siteUrl, tokens: tokens.sharePoint }),
    };
    const site = await resolveSite(clients.graph, siteUrl);
    // A dry run writes nothing, the lists and their schema included: it checks the file against the site as it is.
    const dryRunOnly = args['dry-run'];
    const report: SiteProvisionReport | undefined = dryRunOnly ? undefined : await provisionSite(clients, site.id);
    let planImport: { dryRun: PlanDryRun; outcome?: PlanImportOutcome } | undefined;
    if (args.plan !== undefined) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(args.plan);
      } catch (error) {
        throw new UsageError(`Kan --plan ${args.plan} niet lezen: ${(error as Error).message}`);
      }
      // A dry run reads what is there, without provisioning first: on a site the app never provisioned no lists, so
      // no plan and no set-up yet; on a site of an older schema, the lists it lacks are empty (no Inrichting list:
      // Zoetermeer's set-up, as the app reads an empty one).
      const lists = report === undefined ? await siteListNames(clients.graph, site.id) : undefined;
      const has = (list: string) => lists === undefined || lists.has(list);
      const provisioned = has('Acties');
      const users = (
        await clients.graph.getAll<ListItem>(
          `${listPath(site.id, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}&$top=999`,
        )
      ).map(toSiteUser);
      // A file without its own set-up is checked against the site's (Zoetermeer's for a site without one).
      const { inrichting } =
        provisioned && has('Inrichting')
          ? await readInrichting(clients.graph, site.id)
          : { inrichting: ZOETERMEER_INRICHTING };
      const dryRun = dryRunPlanImport(await readPlanXlsx(bytes), { users, inrichting });
      planImport = { dryRun };
      // Refused before anything is written, also for a dry run: the file cannot land here either way.
      if (provisioned) {
        await assertPlanSiteEmpty(clients.graph, site.id, PLAN_LISTS.filter(has));
        if (dryRun.data.inrichting && has('Inrichting'))
          await assertPlanInrichtingFits(clients.graph, site.id, dryRun.data.inrichting);
      }
      if (dryRun.ok && !args['dry-run']) planImport.outcome = await applyPlanImport(clients.graph, site.id, dryRun);
    }
    const seeded = args.seed
      ? await seedSite(clients.graph, site.id, {
          plan: zoetermeerPlan,
          portfolio: zoetermeerPortfolio,
          kwartaaldoelen: zoetermeerKwartaaldoelen,
          mts: zoetermeerMTs,
          domeinVoortgang: zoetermeerDomeinVoortgang,
          inrichting: ZOETERMEER_INRICHTING,
        })
      : undefined;
    // Last, so that --seed or --plan and --export-plan in one run export what they wrote.
    if (args['export-plan'] !== undefined) {
      const bytes = await exportPlanXlsx(await loadPlanExport(clients.graph, site.id));
      await writeFile(args['export-plan'], bytes);
    }
    const planJson = planImport
      ? {
          plan: {
            file: args.plan,
            counts: planImport.dryRun.counts,
            problems: planImport.dryRun.problems,
            written: planImport.outcome ?? null,
          },
        }
      : {};
    if (args.json) {
      io.stdout(
        `${JSON.stringify({ site: site.webUrl, ...(report ? { changes: countChanges(report), report } : { dryRun: true }), ...(seeded ? { seeded } : {}), ...planJson, ...(args['export-plan'] ? { exported: args['export-plan'] } : {}) }, null, 2)}\n`,
      );
    } else {
      if (report)
        io.stdout(
          `Lijsten van ${site.webUrl} ${countChanges(report) > 0 ? 'bijgewerkt' : 'gecontroleerd'}\n${describeReport(
            report,
          )
            .map((l) => `  ${l}`)
            .join('\n')}\n`,
        );
      else
        io.stdout(
          `Proefimport tegen ${site.webUrl}: de lijsten zijn niet gecontroleerd of bijgewerkt (zonder --dry-run gebeurt dat eerst).\n`,
        );
      if (seeded) {
        const created = Object.entries(seeded.created)
          .map(([list, n]) => `${list}: ${n}`)
          .join(', ');
        io.stdout(`Gevuld (nieuwe items): ${created}\n`);
        if (seeded.unknownPeople.length)
          io.stdout(
            `  Geen gebruikers van de site, opgeslagen zonder die persoon: ${seeded.unknownPeople.join(', ')}\n`,
          );
      }
      if (planImport)
        io.stdout(describePlanImport(args.plan ?? '', planImport.dryRun, planImport.outcome, args['dry-run']));
      if (args['export-plan']) io.stdout(`Plan geëxporteerd naar ${args['export-plan']}\n`);
    }
    if (planImport && (!planImport.dryRun.ok || (planImport.outcome && !planImport.outcome.ok))) return 1;
    return 0;
  } finally {
    await sandbox?.close();
  }
}

/** The dry run and the outcome of a plan import in lines (Dutch, as the file's problems are). */
function describePlanImport(
  file: string,
  dryRun: PlanDryRun,
  outcome: PlanImportOutcome | undefined,
  dryRunOnly: boolean,
): string {
  const c = dryRun.counts;
  const lines = [
    `Plan ${file}: ${c.adviezen} adviezen, ${c.bevindingen} bevindingen, ${c.acties} acties, ${c.domeinVoortgang} rijen per domein${dryRun.ok ? '' : ' zonder fouten'}`,
    dryRun.data.inrichting
      ? `  Inrichting: ${dryRun.data.inrichting.gemeente}, ${dryRun.data.inrichting.domeinen.length} domeinen, ${dryRun.data.inrichting.themas.length} thema's, ${dryRun.data.inrichting.plateaus.length} plateaus`
      : dryRun.problems.some((p) => p.sheet === 'Inrichting')
        ? '  Het tabblad Inrichting heeft fouten (hieronder); het plan is gecontroleerd tegen de inrichting van de site.'
        : '  Geen tabblad Inrichting: het plan volgt de inrichting van de site.',
  ];
  if (!dryRun.ok) {
    lines.push(
      `  ${dryRun.problems.length} probleem/problemen; er is niets opgeslagen:`,
      ...dryRun.problems.map((p) => `  - ${describePlanProblem(p)}`),
    );
  } else if (dryRunOnly) {
    lines.push(
      '  Proefimport zonder problemen; er is niets opgeslagen (zonder --dry-run wordt het plan geïmporteerd).',
    );
  } else if (outcome?.ok) {
    const w = outcome.created;
    lines.push(
      `  Geïmporteerd: ${w.Adviezen} adviezen, ${w.Bevindingen} bevindingen, ${w.Acties} acties, ${w.DomeinVoortgang} rijen per domein, ${outcome.dependencies} acties met afhankelijkheden.`,
      `  Inrichting: ${outcome.inrichting} items geschreven; keuzekolommen bijgewerkt: ${outcome.choicesSet.length ? outcome.choicesSet.join(', ') : 'geen'}.`,
    );
  } else if (outcome) {
    const f = outcome.failure;
    lines.push(
      `  Import mislukt bij ${f.sheet}, rij ${f.rowNumber} (${f.status}): ${f.message}`,
      `  Teruggedraaid: ${outcome.rolledBack.deleted} items verwijderd.`,
    );
    for (const r of outcome.rollbackFailures) lines.push(`  Niet teruggedraaid: ${r.list} ${r.key}: ${r.message}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The whole command, with its exit code: 0 provisioned (or nothing to do), 1 failed (the message names the URL), 2 wrong usage. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  // The configuration as the run read it (with the env files), for naming the variable behind a failed address.
  const seen: { env?: NodeJS.ProcessEnv } = {};
  try {
    return await run(argv, io, seen);
  } catch (error) {
    if (error instanceof PlanSiteNotEmptyError || error instanceof PlanInrichtingMismatchError) {
      io.stderr(`provision: ${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError) {
      io.stderr(`provision: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    io.stderr(
      `provision mislukt: ${withVariable(error instanceof Error ? error.message : String(error), seen.env ?? io.env)}\n`,
    );
    return 1;
  }
}

if (isMainModule(import.meta.url)) process.exit(await main(process.argv.slice(2)));
