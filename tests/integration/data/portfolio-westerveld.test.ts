/**
 * The portfolio on a site with another municipality's set-up (issue 12.8): its valid domains are the site's, not
 * Zoetermeer's. Over HTTP against the sandbox: a seeded site given Westerveld's set-up (Inrichting items and the
 * choice columns), then the portfolio's read, its import (dry run and apply) and its store; and the MTs' store, whose
 * domains are the set-up's too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyImport } from '../../../src/data/portfolio-import-apply.js';
import { dryRunImport, readCsv, suggestMapping } from '../../../src/data/portfolio-import.js';
import {
  createPortfolioStore,
  loadPortfolio,
  PortfolioValidationError,
  type LoadedPortfolio,
} from '../../../src/data/portfolio-store.js';
import { createMtsStore, loadMTSettings, MTValidationError } from '../../../src/data/mts-store.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';
import { maakWesterveld } from '../../support/westerveld-site.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
  await maakWesterveld(sandbox.graph(), siteId);
}, 180_000);
afterAll(async () => {
  await sandbox?.close();
});

const fresh = (): Promise<LoadedPortfolio> => loadPortfolio(sandbox.graph(), siteId);
const HEADER = 'Initiatief;Domein;Fase;Status;Prioriteit;Dit kwartaal';

function dryRun(rows: string[], portfolio: LoadedPortfolio) {
  const table = readCsv([HEADER, ...rows].join('\n'));
  return dryRunImport(table, suggestMapping(table.headers), portfolio);
}

describe("the portfolio on a site with Westerveld's set-up", { timeout: 120_000 }, () => {
  it('reads the set-up with the portfolio, in the same $batch, and the seeded items against it', async () => {
    const portfolio = await fresh();
    expect(portfolio.inrichting).toEqual(WESTERVELD_INRICHTING);
    // Zoetermeer's seeded items keep their place: their domain is reported and read as Gemeentebreed.
    const zaaksysteem = portfolio.items.find((i) => i.value.key === 'zaaksysteem');
    expect(zaaksysteem?.value.domein).toBe('Gemeentebreed');
    expect(zaaksysteem?.problems.some((p) => p.domain?.key === 'veldOnbekendeWaarde')).toBe(true);
  });

  it('the dry run passes a Westerveld domain (and cmt for Gemeentebreed) and refuses a Zoetermeer-only one by row', async () => {
    const run = dryRun(
      [
        'Omgevingswet;Ruimte;Idee;Op koers;1;wel',
        'Wijkteams;Sociaal Domein;Idee;Op koers;2;niet',
        'Datastrategie;cmt;Idee;Op koers;3;niet',
      ],
      await fresh(),
    );
    expect(run.rows.map((r) => [r.rowNumber, r.action, r.item.domein])).toEqual([
      [2, 'create', 'Ruimte'],
      [3, 'invalid', 'Sociaal Domein'],
      [4, 'create', 'Gemeentebreed'],
    ]);
    expect(run.rows[1]?.problems.map((p) => [p.field, p.code, p.value])).toEqual([
      ['domein', 'domeinOngeldig', 'Sociaal Domein'],
    ]);
    expect(run.ok).toBe(false);
  });

  it('applies a file of Westerveld domains: SharePoint takes them and they read back as written', async () => {
    const before = await fresh();
    const run = dryRun(
      ['Omgevingswet;Ruimte;Idee;Op koers;1;wel', 'Datastrategie;Gemeentebreed;Idee;Op koers;3;niet'],
      before,
    );
    expect(run.ok).toBe(true);
    const outcome = await applyImport(sandbox.graph(), siteId, run, before.actieIdByNummer);
    expect(outcome).toMatchObject({ ok: true, created: 2 });
    const after = await fresh();
    const domein = (titel: string) => after.items.find((i) => i.value.titel === titel);
    expect(domein('Omgevingswet')?.value.domein).toBe('Ruimte');
    expect(domein('Omgevingswet')?.problems).toEqual([]);
    expect(domein('Datastrategie')?.value.domein).toBe('Gemeentebreed');
  });

  it('the store writes a Westerveld domain and refuses a Zoetermeer one before writing', async () => {
    const portfolio = await fresh();
    const store = createPortfolioStore(sandbox.graph(), siteId, portfolio);
    const item = portfolio.items.find((i) => i.value.titel === 'Omgevingswet')!;
    const moved = await store.update(item, { domein: 'Veiligheid' });
    expect(moved.value.domein).toBe('Veiligheid');
    await expect(store.update(moved, { domein: 'Fysiek Domein' })).rejects.toBeInstanceOf(PortfolioValidationError);
    expect((await fresh()).items.find((i) => i.id === item.id)?.value.domein).toBe('Veiligheid');
  });
});

describe("the MTs on a site with Westerveld's set-up (issue 12.8)", { timeout: 120_000 }, () => {
  it('the store writes an MT of a Westerveld domain and refuses a Zoetermeer one before writing', async () => {
    const mts = async () => (await loadMTSettings(sandbox.graph(), siteId, new Date('2020-01-01T00:00:00Z'))).mts;
    const store = createMtsStore(sandbox.graph(), siteId);
    const created = await store.create('mt-ruimte', { naam: 'MT Ruimte', domeinen: ['Ruimte', 'Veiligheid'] });
    expect(created.value.domeinen).toEqual(['Ruimte', 'Veiligheid']);
    const refused = await store.update(created, { domeinen: ['Sociaal Domein'] }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MTValidationError);
    expect((refused as MTValidationError).issues.map((i) => `${i.path} ${i.message.key}`)).toEqual([
      'domeinen.0 domeinOngeldig',
    ]);
    expect((await mts()).find((m) => m.value.key === 'mt-ruimte')?.value.domeinen).toEqual(['Ruimte', 'Veiligheid']);
  });
});
