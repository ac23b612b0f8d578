import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonRef } from '../../../src/domain/model.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { fieldsExpand, SITE_USERS_LIST, type ListItem } from '../../../src/data/lists/list-definition.js';
import { siteUserFieldNames, toSiteUser } from '../../../src/data/lists/site-users.js';
import { dryRunPlanImport } from '../../../src/data/plan-import.js';
import {
  applyPlanImport,
  loadPlanExport,
  planSiteContents,
  PlanSiteNotEmptyError,
  type PlanList,
} from '../../../src/data/plan-transfer.js';
import { exportPlanXlsx, readPlanXlsx, type PlanExport, type PlanWorkbook } from '../../../src/data/plan-xlsx.js';
import { listPath } from '../../../src/data/site.js';
import type { Graph } from '../../../src/data/graph/client.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { loadReportData, voortgangInputOf } from '../../../src/data/report-data.js';
import { mtToFields } from '../../../src/data/lists/mts.js';
import { amsterdamDate } from '../../../src/domain/dates.js';
import { voortgangAt } from '../../../src/domain/report.js';
import { reportPdfBuffer } from '../../../src/reporting/pdf-node.js';
import { prepareCard } from '../../../src/reminders/cli.js';
import { brokenWesterveld as broken, westerveld } from '../../support/plan-fixtures.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

async function siteUsers(graph: Graph, siteId: string): Promise<PersonRef[]> {
  return (
    await graph.getAll<ListItem>(
      `${listPath(siteId, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}&$top=999`,
    )
  ).map(toSiteUser);
}

async function itemCounts(graph: Graph, siteId: string): Promise<Record<PlanList, number>> {
  const count = async (list: PlanList) =>
    (await graph.getAll<ListItem>(`${listPath(siteId, list)}/items?$select=id&$top=999`)).length;
  return {
    Adviezen: await count('Adviezen'),
    Bevindingen: await count('Bevindingen'),
    Acties: await count('Acties'),
    DomeinVoortgang: await count('DomeinVoortgang'),
  };
}

/** People compared by name: the same persona has a different lookup id on another site. */
function withoutIds(data: PlanExport): PlanExport {
  const strip = <T extends { eigenaar?: PersonRef }>(x: T): T =>
    x.eigenaar ? { ...x, eigenaar: { displayName: x.eigenaar.displayName } } : x;
  return {
    plan: { ...data.plan, acties: data.plan.acties.map(strip) },
    domeinVoortgang: data.domeinVoortgang.map(strip),
  };
}

describe('the plan as .xlsx: export, dry run, import into an empty site', { timeout: 120_000 }, () => {
  let zoetermeer: TestSandbox;
  let leeg: TestSandbox;
  let ander: TestSandbox;
  let zoetermeerSite: string;
  let leegSite: string;
  let anderSite: string;

  beforeAll(async () => {
    [zoetermeer, leeg, ander] = await Promise.all([startTestSandbox(), startTestSandbox(), startTestSandbox()]);
    zoetermeerSite = await seedSite(zoetermeer.graph(), zoetermeer.siteUrl);
    leegSite = (await prepareSite(leeg.graph(), leeg.siteUrl)).site.id;
    anderSite = (await prepareSite(ander.graph(), ander.siteUrl)).site.id;
  });
  afterAll(async () => {
    await Promise.all([zoetermeer?.close(), leeg?.close(), ander?.close()]);
  });

  it('round trip: Zoetermeer exported, imported into an empty site and exported again gives the same plan and the same sheets', async () => {
    const first = await loadPlanExport(zoetermeer.graph(), zoetermeerSite);
    expect(first.plan.adviezen).toHaveLength(11);
    expect(first.plan.acties.length).toBeGreaterThanOrEqual(33);
    expect(first.domeinVoortgang.length).toBeGreaterThan(0);
    const bytes = await exportPlanXlsx(first);

    const graph = leeg.graph();
    const dryRun = dryRunPlanImport(await readPlanXlsx(bytes), { users: await siteUsers(graph, leegSite) });
    expect(dryRun.problems).toEqual([]);
    expect(await itemCounts(graph, leegSite)).toEqual({ Adviezen: 0, Bevindingen: 0, Acties: 0, DomeinVoortgang: 0 });
    const outcome = await applyPlanImport(graph, leegSite, dryRun);
    expect(outcome).toMatchObject({
      ok: true,
      created: {
        Adviezen: 11,
        Bevindingen: first.plan.bevindingen.length,
        Acties: first.plan.acties.length,
        DomeinVoortgang: first.domeinVoortgang.length,
      },
    });

    const second = await loadPlanExport(graph, leegSite);
    expect(withoutIds(second)).toEqual(withoutIds(first));
    // The report's own words travel with the plan (issue 12, point 5).
    expect(second.plan.adviezen.map((a) => a.omschrijving)).toEqual(zoetermeerPlan.adviezen.map((a) => a.omschrijving));
    expect(second.plan.acties.find((a) => a.nummer === '3.2')?.omschrijving).toBe(
      zoetermeerPlan.acties.find((a) => a.nummer === '3.2')?.omschrijving,
    );
    const again = await exportPlanXlsx(second);
    const sheets = async (b: Uint8Array): Promise<PlanWorkbook> => readPlanXlsx(b);
    expect(await sheets(again)).toEqual(await sheets(bytes));
  });

  it('refuses a site that already has a plan, before writing anything', async () => {
    const graph = zoetermeer.graph();
    const before = await itemCounts(graph, zoetermeerSite);
    const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(westerveld)), {
      users: await siteUsers(graph, zoetermeerSite),
    });
    expect(dryRun.ok).toBe(true);
    await expect(applyPlanImport(graph, zoetermeerSite, dryRun)).rejects.toThrow(PlanSiteNotEmptyError);
    await expect(applyPlanImport(graph, zoetermeerSite, dryRun)).rejects.toThrow(
      /al een plan .*Adviezen, Bevindingen, Acties, DomeinVoortgang.*lege site/,
    );
    expect(await itemCounts(graph, zoetermeerSite)).toEqual(before);
  });

  it('another municipality: the dry run names every bad row by sheet and number and writes nothing', async () => {
    const graph = ander.graph();
    const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(broken())), {
      users: await siteUsers(graph, anderSite),
    });
    expect(dryRun.ok).toBe(false);
    const where = dryRun.problems.map((p) => `${p.sheet}:${p.rowNumber}:${p.column ?? ''}`);
    expect(where).toEqual(['Acties:3:Plateau', 'Acties:5:Afhankelijk van', 'DomeinVoortgang:3:Domein']);
    expect(dryRun.problems[1]?.message).toContain('9.9');
    expect(dryRun.problems[2]?.message).toContain('Fysiek Domein');
    expect(await itemCounts(graph, anderSite)).toEqual({ Adviezen: 0, Bevindingen: 0, Acties: 0, DomeinVoortgang: 0 });
  });

  it('another municipality: apply under lost answers (committed, answered 503) lands every item exactly once', async () => {
    const graph = ander.graph();
    const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(westerveld)), {
      users: await siteUsers(graph, anderSite),
    });
    expect(dryRun.problems).toEqual([]);
    ander.setFaults({ commitThenFailRate: 0.3, seed: 12 });
    let outcome;
    try {
      outcome = await applyPlanImport(graph, anderSite, dryRun);
    } finally {
      ander.setFaults({});
    }
    expect(outcome).toMatchObject({
      ok: true,
      created: { Adviezen: 3, Bevindingen: 2, Acties: 6, DomeinVoortgang: 2 },
    });
    // Some answers were lost and found again by their key: the faults did happen.
    expect(outcome.ok && outcome.resolvedByKey).toBeGreaterThan(0);
    expect(await itemCounts(graph, anderSite)).toEqual({ Adviezen: 3, Bevindingen: 2, Acties: 6, DomeinVoortgang: 2 });
    expect(withoutIds(await loadPlanExport(graph, anderSite))).toEqual(withoutIds(westerveld));
  });

  it('another municipality: the report and the CMT card work on the imported plan', async () => {
    const graph = ander.graph();
    // Runs after the apply above: the plan of Westerveld is on this site.
    const data = await loadReportData(graph, anderSite);
    const today = amsterdamDate(new Date());
    const model = voortgangAt({
      ...voortgangInputOf(data, { peildatum: today, gemeente: 'Gemeente Westerveld' }),
      histories: data.histories,
    });
    expect(model.gemeente).toBe('Gemeente Westerveld');
    expect(model.perAdvies.map((a) => a.nummer)).toEqual([1, 2, 3]);
    // Five active actions (3.2 is retired); 2.1 carries the roll-up of its two domains (one Afgerond, one Loopt).
    expect(model.totals.total).toBe(5);
    expect(model.perThema.map((r) => r.key)).toEqual(['A', 'C']);
    expect(model.perDomein.map((r) => r.key).sort()).toEqual(['Concern', 'Dienstverlening', 'Sociaal Domein']);
    const pdf = await reportPdfBuffer(model);
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // The CMT's agenda card: an MT registered on this site, its card made by the same code as `npm run reminders`.
    await graph.post(`${listPath(anderSite, 'MTs')}/items`, {
      fields: mtToFields({
        key: 'cmt',
        naam: 'CMT Westerveld',
        domeinen: ['Concern'],
        schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0',
      }),
    });
    const prepared = await prepareCard(
      { graph, siteId: anderSite, siteUrl: ander.siteUrl, deepLinkFor: () => 'http://127.0.0.1:9/', now: new Date() },
      'cmt',
    );
    expect(prepared.agenda.openActies.map((a) => a.nummer).sort()).toEqual(['1.1', '1.2']);
    expect(JSON.stringify(prepared.card)).toContain('Regiegroep samenstellen');
    expect(JSON.stringify(prepared.card)).not.toContain('Jaarlijkse leersessie');
  });

  it('a write the site refuses rolls the whole import back: the site is empty again and says which row failed', async () => {
    const sandbox = await startTestSandbox();
    try {
      const graph = sandbox.graph();
      const siteId = (await prepareSite(graph, sandbox.siteUrl)).site.id;
      const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(westerveld)), {
        users: await siteUsers(graph, siteId),
      });
      expect(dryRun.ok).toBe(true);
      // A value the list refuses, past the dry run (as when someone narrowed the list's choices meanwhile): action 2.2.
      (dryRun.data.plan.acties[3] as { plateau: string }).plateau = 'Niet bestaand';
      const outcome = await applyPlanImport(graph, siteId, dryRun);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.failure).toMatchObject({ sheet: 'Acties', rowNumber: 5, status: 400 });
      expect(outcome.rollbackFailures).toEqual([]);
      expect(outcome.rolledBack.deleted).toBe(3 + 2 + 5);
      expect(await itemCounts(graph, siteId)).toEqual({ Adviezen: 0, Bevindingen: 0, Acties: 0, DomeinVoortgang: 0 });
      expect(await planSiteContents(graph, siteId)).toEqual({
        Adviezen: false,
        Bevindingen: false,
        Acties: false,
        DomeinVoortgang: false,
      });
    } finally {
      await sandbox.close();
    }
  });
});
