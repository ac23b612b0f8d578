import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomeinVoortgang } from '../../../src/domain/domein-voortgang.js';
import type { PersonRef, Plan } from '../../../src/domain/model.js';
import { fieldsExpand, SITE_USERS_LIST, type ListItem } from '../../../src/data/lists/list-definition.js';
import { siteUserFieldNames, toSiteUser } from '../../../src/data/lists/site-users.js';
import { dryRunPlanImport } from '../../../src/data/plan-import.js';
import { applyPlanImport, loadPlanExport, planSiteContents, PlanSiteNotEmptyError, type PlanList } from '../../../src/data/plan-transfer.js';
import { exportPlanXlsx, readPlanXlsx, type PlanExport, type PlanWorkbook } from '../../../src/data/plan-xlsx.js';
import { listPath } from '../../../src/data/site.js';
import type { Graph } from '../../../src/data/graph/client.js';
import { prepareSite } from '../../../src/server/prepare-site.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

async function siteUsers(graph: Graph, siteId: string): Promise<PersonRef[]> {
  return (await graph.getAll<ListItem>(`${listPath(siteId, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}&$top=999`)).map(toSiteUser);
}

async function itemCounts(graph: Graph, siteId: string): Promise<Record<PlanList, number>> {
  const count = async (list: PlanList) => (await graph.getAll<ListItem>(`${listPath(siteId, list)}/items?$select=id&$top=999`)).length;
  return { Adviezen: await count('Adviezen'), Bevindingen: await count('Bevindingen'), Acties: await count('Acties'), DomeinVoortgang: await count('DomeinVoortgang') };
}

/** People compared by name: the same persona has a different lookup id on another site. */
function withoutIds(data: PlanExport): PlanExport {
  const strip = <T extends { eigenaar?: PersonRef }>(x: T): T => (x.eigenaar ? { ...x, eigenaar: { displayName: x.eigenaar.displayName } } : x);
  return { plan: { ...data.plan, acties: data.plan.acties.map(strip) }, domeinVoortgang: data.domeinVoortgang.map(strip) };
}

/** A made-up plan of another municipality: 3 adviezen in two of the themes, other domains, 6 actions, one shared. */
const westerveld: PlanExport = {
  plan: {
    themas: [
      { code: 'A', naam: 'Structuur versterken', adviezen: [1, 2] },
      { code: 'C', naam: 'Continu leren', adviezen: [3] },
    ],
    adviezen: [
      { nummer: 1, titel: 'Stel een regiegroep informatievoorziening in', thema: 'A', plateau: 'Randvoorwaardelijk', collegeReactie: 'Het college neemt dit advies over.', collegePlanning: 'Eerste helft 2027' },
      { nummer: 2, titel: 'Breng de applicaties in beeld', thema: 'A', plateau: 'Fundament versterken', collegeReactie: '', collegePlanning: '' },
      { nummer: 3, titel: 'Leer van elk project', thema: 'C', plateau: 'Verbeteren', collegeReactie: 'Overgenomen.', collegePlanning: 'Doorlopend vanaf 2027' },
    ],
    bevindingen: [
      { nummer: 1, titel: 'Er is geen overzicht van de applicaties', toelichting: 'Elk domein houdt een eigen lijst bij.' },
      { nummer: 2, titel: 'Evaluaties blijven liggen', toelichting: '' },
    ],
    acties: [
      { nummer: '1.1', titel: 'Regiegroep samenstellen', advies: 1, plateau: 'Randvoorwaardelijk', domeinen: ['Concern'], status: 'Loopt', deadline: '2027-03-31', afhankelijkVan: [], bevindingen: [] },
      { nummer: '1.2', titel: 'Mandaat van de regiegroep vastleggen', advies: 1, plateau: 'Randvoorwaardelijk', domeinen: ['Concern'], status: 'Niet gestart', afhankelijkVan: ['1.1'], bevindingen: [] },
      { nummer: '2.1', titel: 'Applicatielijst per domein', advies: 2, plateau: 'Fundament versterken', domeinen: ['Sociaal Domein', 'Dienstverlening'], status: 'Niet gestart', eigenaar: { displayName: 'Manager I&A' }, deadline: '2027-06-30', afhankelijkVan: ['1.1'], bevindingen: [1] },
      { nummer: '2.2', titel: 'Dubbele applicaties uitfaseren', advies: 2, plateau: 'Verbeteren', domeinen: ['Dienstverlening'], status: 'Geblokkeerd', statusToelichting: 'Wacht op de lijst.', afhankelijkVan: ['2.1'], bevindingen: [1] },
      { nummer: '3.1', titel: 'Evaluatie na elk project', advies: 3, plateau: 'Verbeteren', domeinen: ['Sociaal Domein'], status: 'Loopt', start: '2027-01-01', planning: 'Doorlopend vanaf 2027', afhankelijkVan: [], bevindingen: [2] },
      { nummer: '3.2', titel: 'Jaarlijkse leersessie', advies: 3, plateau: 'Excelleren', domeinen: ['Concern'], status: 'Niet gestart', afhankelijkVan: [], bevindingen: [2], vervallen: true, vervallenReden: 'Opgenomen in 3.1.' },
    ],
  },
  domeinVoortgang: [
    { actie: '2.1', domein: 'Dienstverlening', status: 'Loopt', notitie: 'Lijst in concept.' },
    { actie: '2.1', domein: 'Sociaal Domein', status: 'Afgerond', eigenaar: { displayName: 'Informatiemanager Sociaal Domein' }, deadline: '2027-05-01' },
  ],
};

/** The made-up plan with bad rows: a wrong plateau (Acties row 3), a dependency on a missing action (row 5), a domain row for a domain the action lacks (row 3: rows are sorted by domain). */
function broken(): PlanExport {
  const plan: Plan = structuredClone(westerveld.plan);
  (plan.acties[1] as { plateau: string }).plateau = 'Onbekend plateau';
  plan.acties[3] = { ...(plan.acties[3] as Plan['acties'][number]), afhankelijkVan: ['9.9'] };
  const rijen: DomeinVoortgang[] = [...westerveld.domeinVoortgang, { actie: '2.1', domein: 'Fysiek Domein', status: 'Loopt' }];
  return { plan, domeinVoortgang: rijen };
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
    expect(outcome).toMatchObject({ ok: true, created: { Adviezen: 11, Bevindingen: first.plan.bevindingen.length, Acties: first.plan.acties.length, DomeinVoortgang: first.domeinVoortgang.length } });

    const second = await loadPlanExport(graph, leegSite);
    expect(withoutIds(second)).toEqual(withoutIds(first));
    const again = await exportPlanXlsx(second);
    const sheets = async (b: Uint8Array): Promise<PlanWorkbook> => readPlanXlsx(b);
    expect(await sheets(again)).toEqual(await sheets(bytes));
  });

  it('refuses a site that already has a plan, before writing anything', async () => {
    const graph = zoetermeer.graph();
    const before = await itemCounts(graph, zoetermeerSite);
    const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(westerveld)), { users: await siteUsers(graph, zoetermeerSite) });
    expect(dryRun.ok).toBe(true);
    await expect(applyPlanImport(graph, zoetermeerSite, dryRun)).rejects.toThrow(PlanSiteNotEmptyError);
    await expect(applyPlanImport(graph, zoetermeerSite, dryRun)).rejects.toThrow(/al een plan .*Adviezen, Bevindingen, Acties, DomeinVoortgang.*lege site/);
    expect(await itemCounts(graph, zoetermeerSite)).toEqual(before);
  });

  it('another municipality: the dry run names every bad row by sheet and number and writes nothing', async () => {
    const graph = ander.graph();
    const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(broken())), { users: await siteUsers(graph, anderSite) });
    expect(dryRun.ok).toBe(false);
    const where = dryRun.problems.map((p) => `${p.sheet}:${p.rowNumber}:${p.column ?? ''}`);
    expect(where).toEqual(['Acties:3:Plateau', 'Acties:5:Afhankelijk van', 'DomeinVoortgang:3:Domein']);
    expect(dryRun.problems[1]?.message).toContain('9.9');
    expect(dryRun.problems[2]?.message).toContain('Fysiek Domein');
    expect(await itemCounts(graph, anderSite)).toEqual({ Adviezen: 0, Bevindingen: 0, Acties: 0, DomeinVoortgang: 0 });
  });

  it('another municipality: apply under lost answers (committed, answered 503) lands every item exactly once', async () => {
    const graph = ander.graph();
    const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(westerveld)), { users: await siteUsers(graph, anderSite) });
    expect(dryRun.problems).toEqual([]);
    ander.setFaults({ commitThenFailRate: 0.3, seed: 12 });
    let outcome;
    try {
      outcome = await applyPlanImport(graph, anderSite, dryRun);
    } finally {
      ander.setFaults({});
    }
    expect(outcome).toMatchObject({ ok: true, created: { Adviezen: 3, Bevindingen: 2, Acties: 6, DomeinVoortgang: 2 } });
    // Some answers were lost and found again by their key: the faults did happen.
    expect(outcome.ok && outcome.resolvedByKey).toBeGreaterThan(0);
    expect(await itemCounts(graph, anderSite)).toEqual({ Adviezen: 3, Bevindingen: 2, Acties: 6, DomeinVoortgang: 2 });
    expect(withoutIds(await loadPlanExport(graph, anderSite))).toEqual(withoutIds(westerveld));
  });

  it('a write the site refuses rolls the whole import back: the site is empty again and says which row failed', async () => {
    const sandbox = await startTestSandbox();
    try {
      const graph = sandbox.graph();
      const siteId = (await prepareSite(graph, sandbox.siteUrl)).site.id;
      const dryRun = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(westerveld)), { users: await siteUsers(graph, siteId) });
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
      expect(await planSiteContents(graph, siteId)).toEqual({ Adviezen: false, Bevindingen: false, Acties: false, DomeinVoortgang: false });
    } finally {
      await sandbox.close();
    }
  });
});
