import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDate } from '../../../src/domain/dates.js';
import { reminderHolidays } from '../../../src/reminders/holidays.js';
import { createLogger } from '../../../src/server/log.js';
import { startServe } from '../../../src/server/serve-app.js';
import type { HealthBody } from '../../../src/shared/wire.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';
import { closedPort } from '../../support/closed-port.js';

let sandbox: TestSandbox;
/** A sandbox whose site was never provisioned: the app's lists are missing. */
let bare: TestSandbox;
const children: ChildProcess[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  bare = await startTestSandbox();
  await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await sandbox?.close();
  await bare?.close();
});

/** Starts `npm run serve`'s entry with only the given environment (no env files) and collects its log. */
function serve(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/serve.ts'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.once('exit', resolve)) };
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const tenantLike = () => ({
  PORT: '0',
  GRAPH_BASE_URL: sandbox.graphUrl,
  TOKEN_URL: sandbox.tokenUrl,
  SHAREPOINT_SITE_URL: sandbox.siteUrl,
  GRAPH_CLIENT_ID: 'sandbox-app',
  SECRET_GRAPH_CLIENT_SECRET: 'sandbox-secret',
  TAB_AUTH: 'naa',
  // The sandbox's own https authority (MSAL.js refuses an http one), as a tenant's is login.microsoftonline.com's.
  TAB_AUTHORITY: sandbox.authority,
  AAD_APP_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
});

describe('npm run serve (the production entry)', () => {
  it('serves the tab with NAA configuration against an existing site, without a sandbox or seeding, and stops on SIGTERM', async () => {
    const run = serve(tenantLike());
    await until(() => run.output().includes('"msg":"serving"'), 'the serving log line');
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(run.output())?.[1];
    expect(url).toBeDefined();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const config = (await (await fetch(`${url}/config.json`)).json()) as { auth: string; siteUrl: string };
    expect(config).toMatchObject({ auth: 'naa', siteUrl: sandbox.siteUrl });
    expect(JSON.stringify(config)).not.toContain('sandbox-secret');
    expect(run.output()).toContain('without the bot');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it("reports the reminder job's holidays in /healthz, EXTRA_HOLIDAYS included, for the tab's send-time previews", async () => {
    const today = amsterdamDate(new Date());
    // A closing day of the organisation ten days from now, and one past the window the tab looks at.
    const extra = addDays(today, 10);
    const farAway = addDays(today, 500);
    const run = await startServe({
      env: { ...tenantLike(), EXTRA_HOLIDAYS: `${extra},${farAway}` },
      log: () => undefined,
    });
    try {
      // The server loads the holiday rule just after it listens: null until then.
      let holidays: HealthBody['reminderHolidays'] = null;
      for (let i = 0; i < 100 && holidays === null; i += 1) {
        if (i > 0) await new Promise((r) => setTimeout(r, 100));
        holidays = ((await (await fetch(`${run.url}/healthz`)).json()) as HealthBody).reminderHolidays;
      }
      if (!holidays) throw new Error('no holidays in /healthz');
      expect(holidays.from <= today && today <= holidays.to).toBe(true);
      expect(holidays.dates).toContain(extra);
      expect(holidays.dates).not.toContain(farAway);
      // The next Kerstmis within the window, and every day the job would skip in it now (reminderHolidays).
      const year = Number(today.slice(0, 4));
      expect(holidays.dates).toContain(today <= `${year}-12-25` ? `${year}-12-25` : `${year + 1}-12-25`);
      const job = reminderHolidays(new Date(), [extra]).filter((d) => d >= holidays.from && d <= holidays.to);
      expect(holidays.dates).toEqual(expect.arrayContaining(job));
      expect(holidays.dates).toEqual([...new Set(holidays.dates)].sort());
    } finally {
      await run.stop();
    }
  });

  it('refuses to start with one line per wrong variable, naming it and the URL it got, without a stack trace', async () => {
    const env: Record<string, string> = tenantLike();
    delete env.GRAPH_BASE_URL;
    env.TOKEN_URL = 'login.example/token';
    const run = serve(env);
    expect(await run.exited).toBe(1);
    const lines = logLines(run.output());
    expect(
      lines
        .filter((l) => l.msg === 'configuration invalid')
        .map((l) => l.variable)
        .sort(),
    ).toEqual(['GRAPH_BASE_URL', 'TOKEN_URL']);
    expect(lines.find((l) => l.variable === 'TOKEN_URL')?.problem).toContain("got 'login.example/token'");
    expect(run.output()).not.toMatch(/\n\s+at /);
  });
});

/** The JSON log lines of a run (the server logs one JSON object per line). */
function logLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/**
 * Starts serve in this process (`startServe`, what the entry runs) with one thing wrong, waits for its one
 * 'configuration problem' line, and reads /healthz: both must name the variable and the URL, without a stack trace.
 * In-process because these tests are about the server's checks, not the process (the tests above spawn it).
 */
async function expectProblem(env: Record<string, string>, variable: string, url: string): Promise<{ problem: string }> {
  let output = '';
  const log = createLogger((line) => (output += `${line}\n`));
  const run = await startServe({ env, log });
  try {
    await until(() => output.includes('"msg":"configuration problem"'), `the configuration problem for ${variable}`);
    const lines = logLines(output);
    const problems = lines.filter((l) => l.msg === 'configuration problem');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ level: 'error', variable, url });
    expect(output).not.toMatch(/\n\s+at /);
    expect(output).not.toContain('sandbox-secret');
    const appUrl = lines.find((l) => l.msg === 'listening')?.url as string;
    expect(appUrl).toBe(run.url);
    const health = await fetch(`${appUrl}/healthz`);
    expect(health.status).toBe(503);
    const body = (await health.json()) as {
      status: string;
      problems: Array<{ variable: string; url: string; problem: string }>;
    };
    expect(body.status).toBe('error');
    expect(body.problems).toEqual([{ variable, url, problem: problems[0]?.problem }]);
    return { problem: String(problems[0]?.problem) };
  } finally {
    await run.stop();
  }
}

describe('npm run serve: configuration problems found at first use name the variable and the URL', () => {
  it('an unreachable GRAPH_BASE_URL', async () => {
    const graphUrl = `http://127.0.0.1:${await closedPort()}/v1.0`;
    const { problem } = await expectProblem({ ...tenantLike(), GRAPH_BASE_URL: graphUrl }, 'GRAPH_BASE_URL', graphUrl);
    expect(problem).toContain('cannot be reached (ECONNREFUSED)');
  });

  it('an unreachable TOKEN_URL', async () => {
    const tokenUrl = `http://127.0.0.1:${await closedPort()}/tenant/oauth2/v2.0/token`;
    await expectProblem({ ...tenantLike(), TOKEN_URL: tokenUrl }, 'TOKEN_URL', tokenUrl);
  });

  it('a token refused for its secret', async () => {
    const { problem } = await expectProblem(
      { ...tenantLike(), SECRET_GRAPH_CLIENT_SECRET: 'wrong' },
      'SECRET_GRAPH_CLIENT_SECRET',
      sandbox.tokenUrl,
    );
    expect(problem).toContain('refused the client secret');
  });

  it('an unknown site', async () => {
    const siteUrl = sandbox.siteUrl.replace(/actieplan$/, 'onbekend');
    const { problem } = await expectProblem(
      { ...tenantLike(), SHAREPOINT_SITE_URL: siteUrl },
      'SHAREPOINT_SITE_URL',
      siteUrl,
    );
    expect(problem).toContain(sandbox.graphUrl);
  });

  it('a site without the lists, and nothing is written to it', async () => {
    const lists = async () =>
      (await bare.graph().get<{ value: unknown[] }>(`/sites/127.0.0.1:/sites/actieplan:/lists?$select=id,displayName`))
        .value.length;
    const before = await lists();
    const env = {
      ...tenantLike(),
      GRAPH_BASE_URL: bare.graphUrl,
      TOKEN_URL: bare.tokenUrl,
      SHAREPOINT_SITE_URL: bare.siteUrl,
    };
    const { problem } = await expectProblem(env, 'SHAREPOINT_SITE_URL', bare.siteUrl);
    expect(problem).toContain("'Acties'");
    expect(problem).toContain('npm run provision');
    expect(await lists()).toBe(before);
  });
});
