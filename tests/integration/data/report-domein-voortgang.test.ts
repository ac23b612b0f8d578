/**
 * Reports for a past date use the domain rows' version history (issue 12.4e), over real HTTP: a sandbox whose clock
 * the test sets stamps every write, the rows of shared actions change after the seed while the actions themselves are
 * never written, and the report for each date must show the roll-up of the rows as they were on that date. The
 * expected statuses are worked out by hand from the writes below and the roll-up rule.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main as rapportageMain } from '../../../scripts/rapportage.js';
import { createDomeinVoortgangStore } from '../../../src/data/domein-voortgang-store.js';
import { loadPlan, type LoadedPlan } from '../../../src/data/plan-store.js';
import { loadHistories, loadReportData, voortgangInputOf } from '../../../src/data/report-data.js';
import { endOfDay, voortgangAt } from '../../../src/domain/report.js';
import { domeinVoortgangAt } from '../../../src/domain/domein-voortgang-history.js';
import type { Domein } from '../../../src/domain/model.js';
import { readPdf } from '../../support/documents/pdf-text.js';
import { runInProcess } from '../../support/cli.js';
import { startTestSandbox, testClock, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

const SEEDED = '2025-01-15T09:00:00Z';
const NOW = '2025-06-02T10:00:00Z';

const clock = testClock(SEEDED);
let sandbox: TestSandbox;
let siteId: string;
let plan: LoadedPlan;

const rowsUrl = () => `/sites/${siteId}/lists/DomeinVoortgang/items`;
const rowOf = (p: LoadedPlan, nummer: string, domein: Domein) => {
  const found = p.domeinVoortgang.find((r) => r.value.actie === nummer && r.value.domein === domein);
  if (!found) throw new Error(`no row ${nummer} ${domein}`);
  return found;
};
const actieOf = (p: LoadedPlan, nummer: string) => {
  const found = p.acties.find((a) => a.value.nummer === nummer);
  if (!found) throw new Error(`no action ${nummer}`);
  return found;
};

beforeAll(async () => {
  sandbox = await startTestSandbox(undefined, { now: clock.now });
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  const graph = sandbox.graph();
  plan = await loadPlan(graph, siteId);
  // 7.1's row for Fysiek Domein is removed right after the seed: from then on that domain follows the action, until
  // it makes a row of its own on 1 May.
  await graph.delete(`${rowsUrl()}/${rowOf(plan, '7.1', 'Fysiek Domein').id}`);

  // 10 Mar 10:00 (Amsterdam): Sociaal Domein starts on 1.1, through the app's own store.
  clock.set('2025-03-10T09:00:00Z');
  plan = await loadPlan(graph, siteId);
  await createDomeinVoortgangStore(graph, siteId, plan).save(actieOf(plan, '1.1'), 'Sociaal Domein', {
    status: 'Loopt',
  });
  // 31 Mar 23:30 (CEST) is 21:30Z: still March in Amsterdam. Every domain finishes 1.1 (as typed in SharePoint).
  clock.set('2025-03-31T21:30:00Z');
  for (const domein of ['Sociaal Domein', 'Dienstverlening', 'Fysiek Domein', 'Bedrijfsvoering'] as const)
    await graph.patch(`${rowsUrl()}/${rowOf(plan, '1.1', domein).id}/fields`, { Status: 'Afgerond' });
  // 1 May: Fysiek Domein makes a row of its own for 7.1 and starts on it.
  clock.set('2025-05-01T08:00:00Z');
  plan = await loadPlan(graph, siteId);
  await createDomeinVoortgangStore(graph, siteId, plan).save(actieOf(plan, '7.1'), 'Fysiek Domein', {
    status: 'Loopt',
  });
  clock.set(NOW);
  plan = await loadPlan(graph, siteId);
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
});

const statusOf = (report: ReturnType<typeof voortgangAt>, nummer: string) =>
  report.perAdvies
    .flatMap((a) => [...a.gedaan, ...a.belegd, ...a.volgende, ...a.nietOvergenomen])
    .find((a) => a.nummer === nummer)?.status;

describe('a report for a past date', () => {
  it('shows the roll-up of the rows as they were on that date; today shows the rows of today', async () => {
    const data = await loadReportData(sandbox.graph(), siteId);
    // The action items themselves were never written after the seed.
    expect(actieOf(plan, '1.1').value.status).toBe('Afgerond'); // the live roll-up
    const report = (peildatum: string) =>
      voortgangAt(voortgangInputOf(data, { peildatum, gemeente: 'Zoetermeer', now: clock.now() }));

    expect(statusOf(report('2025-03-09'), '1.1')).toBe('Niet gestart');
    expect(statusOf(report('2025-03-10'), '1.1')).toBe('Loopt');
    // 23:30 on 31 March in Amsterdam counts for the 31st.
    expect(statusOf(report('2025-03-30'), '1.1')).toBe('Loopt');
    expect(statusOf(report('2025-03-31'), '1.1')).toBe('Afgerond');
    expect(statusOf(report('2025-06-02'), '1.1')).toBe('Afgerond');

    // A row created after the date does not exist then: 7.1 stood where its stored status and the others' rows put it.
    expect(statusOf(report('2025-04-30'), '7.1')).toBe('Belegd in lopend traject');
    // Three domains absorbed in a running track, one under way: Loopt.
    expect(statusOf(report('2025-05-01'), '7.1')).toBe('Loopt');
    expect(actieOf(plan, '7.1').value.status).toBe('Loopt');
  });

  it('gives the per-domain state of a date from the rows read back', async () => {
    const data = await loadReportData(sandbox.graph(), siteId);
    const rows = (date: string) =>
      domeinVoortgangAt(data.domeinVoortgangHistories, endOfDay(date))
        .filter((r) => r.actie === '1.1')
        .map((r) => [r.domein, r.status]);
    expect(rows('2025-03-20')).toEqual(
      expect.arrayContaining([
        ['Sociaal Domein', 'Loopt'],
        ['Dienstverlening', 'Niet gestart'],
        ['Fysiek Domein', 'Niet gestart'],
        ['Bedrijfsvoering', 'Niet gestart'],
      ]),
    );
    expect(rows('2025-04-01').every(([, status]) => status === 'Afgerond')).toBe(true);
    expect(rows('2025-04-01')).toHaveLength(4);
    // 7.1's Fysiek Domein row: none before 1 May (the deleted one's versions went with it), then its own.
    const fd71 = (date: string) =>
      domeinVoortgangAt(data.domeinVoortgangHistories, endOfDay(date)).filter(
        (r) => r.actie === '7.1' && r.domein === 'Fysiek Domein',
      );
    expect(fd71('2025-04-30')).toEqual([]);
    expect(fd71('2025-05-01').map((r) => r.status)).toEqual(['Loopt']);
  });

  it('lists a row change as a status change of the action in the report period', async () => {
    const data = await loadReportData(sandbox.graph(), siteId);
    const report = voortgangAt({
      ...voortgangInputOf(data, { peildatum: '2025-04-15', gemeente: 'Zoetermeer', now: clock.now() }),
      histories: data.histories,
      sinds: '2025-03-01',
    });
    const wijzigingen = report.perAdvies.find((a) => a.nummer === 1)!.ontwikkelingen;
    expect(wijzigingen.map((w) => [w.nummer, w.van, w.naar])).toEqual([
      ['1.1', 'Niet gestart', 'Loopt'],
      ['1.1', 'Loopt', 'Afgerond'],
    ]);
  });

  it('npm run rapportage for a past date prints the roll-up of that date', async () => {
    const out = mkdtempSync(join(tmpdir(), 'rapportage-rijen-'));
    try {
      const file = join(out, 'maart.pdf');
      const run = await runInProcess(
        rapportageMain,
        ['--env', 'sandbox', '--datum', '2025-03-20', '--sinds', '2025-03-01', '--out', file],
        {
          GRAPH_BASE_URL: sandbox.graphUrl,
          TOKEN_URL: sandbox.tokenUrl,
          SHAREPOINT_SITE_URL: sandbox.siteUrl,
          GEMEENTE: 'Gemeente Teststad',
        },
      );
      expect(run.code, run.stderr).toBe(0);
      const text = (await readPdf(new Uint8Array(readFileSync(file)))).pages.map((p) => p.text).join(' ');
      const advies1 = text.slice(text.indexOf('Advies 1. '), text.indexOf('Advies 2. '));
      expect(advies1).toContain('van Niet gestart naar Loopt');
      expect(advies1).not.toContain('naar Afgerond');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('request counts and tolerant reading', () => {
  it('reads the versions of 33 actions and 33 rows in four $batch requests after the lists: five in all', async () => {
    const calls: string[] = [];
    const counting: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (!url.includes('/oauth2/')) calls.push(`${init?.method ?? 'GET'} ${url.slice(sandbox.graphUrl.length)}`);
      return fetch(input, init);
    };
    const data = await loadReportData(sandbox.graph({ fetch: counting }), siteId);
    expect(data.histories).toHaveLength(33);
    expect(data.domeinVoortgangHistories).toHaveLength(33);
    expect(calls).toEqual(Array.from({ length: 5 }, () => 'POST /$batch'));
  });

  // Last: it deletes a row.
  it('leaves out a row deleted after the plan was read; its domain then follows the action', async () => {
    const graph = sandbox.graph();
    const stale = await loadPlan(graph, siteId);
    await graph.delete(`${rowsUrl()}/${rowOf(stale, '1.1', 'Sociaal Domein').id}`);
    const loaded = await loadHistories(graph, siteId, stale);
    expect(loaded.domeinVoortgang).toHaveLength(32);
    expect(
      domeinVoortgangAt(loaded.domeinVoortgang, endOfDay('2025-03-20')).some(
        (r) => r.actie === '1.1' && r.domein === 'Sociaal Domein',
      ),
    ).toBe(false);
    // On 20 March only Sociaal Domein was under way; without its row 1.1 had not started anywhere.
    const h11 = loaded.histories.find((h) => h.id === actieOf(stale, '1.1').id)!;
    const on20 = h11.revisions.filter((r) => Date.parse(r.modified) <= endOfDay('2025-03-20').getTime()).at(-1);
    expect(on20?.value.status).toBe('Niet gestart');
  });
});
