import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMEINEN, PORTFOLIO_FASEN, PORTFOLIO_STATUSES } from '../../../src/domain/model.js';
import { applyImport, ImportNotValidError } from '../../../src/data/portfolio-import-apply.js';
import { dryRunImport, readCsv, suggestMapping } from '../../../src/data/portfolio-import.js';
import { createPortfolioStore, loadPortfolio, type LoadedPortfolio } from '../../../src/data/portfolio-store.js';
import { startTestSandbox, type TestSandbox } from '../../support/sandbox.js';
import { seedSite } from '../../support/seeded-site.js';

let sandbox: TestSandbox;
let siteId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  siteId = await seedSite(sandbox.graph(), sandbox.siteUrl);
});
afterAll(async () => {
  await sandbox?.close();
});

const fresh = (): Promise<LoadedPortfolio> => loadPortfolio(sandbox.graph(), siteId);
const HEADER = 'Initiatief;Domein;Fase;Status;Toelichting status;Prioriteit;Dit kwartaal;Start;Einde;Acties';

function dryRun(csv: string, portfolio: LoadedPortfolio) {
  const table = readCsv(csv);
  return dryRunImport(table, suggestMapping(table.headers), portfolio);
}

/** A realistic spreadsheet row; `i` picks domain, phase and status so that every value occurs. */
function row(
  prefix: string,
  i: number,
  overrides: Partial<Record<'prioriteit' | 'start' | 'domein' | 'titel', string>> = {},
): string {
  const domein = overrides.domein ?? DOMEINEN[i % DOMEINEN.length];
  const status = PORTFOLIO_STATUSES[i % PORTFOLIO_STATUSES.length];
  return [
    overrides.titel ?? `${prefix} initiatief ${i}`,
    domein,
    PORTFOLIO_FASEN[i % PORTFOLIO_FASEN.length],
    status,
    status === 'Kritiek' ? 'Capaciteit ontbreekt' : '',
    overrides.prioriteit ?? String(100 + i),
    i % 2 === 0 ? 'wel' : 'niet',
    overrides.start ?? `1-${(i % 12) + 1}-2026`,
    '31-12-2027',
    i % 3 === 0 ? '1.2, 3.2' : '',
  ].join(';');
}

describe('an import that fails half-way', () => {
  it('stops at the first failed write, deletes what it created, puts back what it updated, and says so', async () => {
    const before = await fresh();
    const seeded = (key: string) => before.items.find((i) => i.value.key === key)!;
    // Three updates in the first chunk, 22 creates, then an update of an item someone edits meanwhile (second chunk).
    const updates = ['zaaksysteem', 'burgerportaal', 'wmebv'].map((key, n) => {
      const item = seeded(key).value;
      return [item.titel, item.domein, item.fase, 'Aandacht', '', String(50 + n), 'wel', '', '', ''].join(';');
    });
    const creates = Array.from({ length: 22 }, (_, i) => row('Halverwege', i));
    const rpa = seeded('rpa').value;
    const conflicting = [rpa.titel, rpa.domein, 'Nazorg', 'Op koers', '', '5', 'wel', '', '', ''].join(';');
    const plan = dryRun([HEADER, ...updates, ...creates, conflicting].join('\n'), before);
    expect(plan).toMatchObject({ ok: true, creates: 22, updates: 4 });

    // Someone edits RPA after the dry run.
    await createPortfolioStore(sandbox.graph(), siteId, before).update(seeded('rpa'), {
      statusToelichting: 'Gewijzigd in SharePoint',
    });

    const outcome = await applyImport(sandbox.graph(), siteId, plan, before.actieIdByNummer);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toMatchObject({
      rowNumber: 27,
      status: 412,
      message: 'Dit item is intussen door iemand anders gewijzigd.',
    });
    expect(outcome.written).toEqual({ created: 22, updated: 3 });
    expect(outcome.rolledBack).toEqual({ deleted: 22, restored: 3 });
    expect(outcome.rollbackFailures).toEqual([]);

    const after = await fresh();
    expect(after.items).toHaveLength(before.items.length);
    expect(after.items.some((i) => i.value.titel.startsWith('Halverwege'))).toBe(false);
    for (const key of ['zaaksysteem', 'burgerportaal', 'wmebv']) {
      expect(after.items.find((i) => i.value.key === key)?.value).toEqual(seeded(key).value);
    }
    // The other person's change survives: the import never overwrote it.
    expect(after.items.find((i) => i.value.key === 'rpa')?.value.statusToelichting).toBe('Gewijzigd in SharePoint');
  });
});

describe('importing a 300-row spreadsheet', () => {
  const good = Array.from({ length: 300 }, (_, i) => row('Spreadsheet', i));
  const broken = [...good];
  const BAD: Record<number, string> = {
    10: row('Spreadsheet', 10, { domein: 'Wijkzaken' }),
    45: row('Spreadsheet', 45, { start: '2026-02-30' }),
    80: row('Spreadsheet', 80, { prioriteit: 'hoog' }),
    120: row('Spreadsheet', 120, { titel: '' }),
    199: row('Spreadsheet', 7), // the same initiative as the row of i=7
    250: row('Spreadsheet', 250, { start: 'volgende week' }),
    299: row('Spreadsheet', 299, { domein: 'Onderwijs' }),
  };
  for (const [i, text] of Object.entries(BAD)) broken[Number(i)] = text;

  it('a dry run reports exactly the 7 bad rows and writes nothing', async () => {
    const before = await fresh();
    const plan = dryRun([HEADER, ...broken].join('\n'), before);
    expect(plan.invalid).toBe(7);
    expect(plan.rows.filter((r) => r.action === 'invalid').map((r) => r.rowNumber)).toEqual(
      Object.keys(BAD).map((i) => Number(i) + 2),
    );
    await expect(applyImport(sandbox.graph(), siteId, plan, before.actieIdByNummer)).rejects.toBeInstanceOf(
      ImportNotValidError,
    );
    expect((await fresh()).items).toHaveLength(before.items.length);
  });

  it('after fixing, imports all 300 once; a re-import duplicates nothing and updates what changed', async () => {
    const before = await fresh();
    const progress: number[] = [];
    const plan = dryRun([HEADER, ...good].join('\n'), before);
    expect(plan).toMatchObject({ ok: true, creates: 300, invalid: 0 });
    const outcome = await applyImport(sandbox.graph(), siteId, plan, before.actieIdByNummer, {
      onProgress: (n) => progress.push(n),
    });
    expect(outcome).toEqual({ ok: true, created: 300, updated: 0, unchanged: 0 });
    expect(progress).toHaveLength(15);

    const imported = await fresh();
    expect(imported.items).toHaveLength(before.items.length + 300);
    const sample = imported.items.find((i) => i.value.titel === 'Spreadsheet initiatief 3')!;
    expect(sample.value).toMatchObject({
      domein: DOMEINEN[3],
      start: '2026-04-01',
      einde: '2027-12-31',
      prioriteit: 103,
      ditKwartaal: 'niet',
    });
    expect(sample.value.acties.slice().sort()).toEqual(['1.2', '3.2']);

    // The same file again: nothing to write.
    const again = dryRun([HEADER, ...good].join('\n'), imported);
    expect(again).toMatchObject({ ok: true, creates: 0, updates: 0, unchanged: 300 });
    expect(await applyImport(sandbox.graph(), siteId, again, imported.actieIdByNummer)).toEqual({
      ok: true,
      created: 0,
      updated: 0,
      unchanged: 300,
    });

    // Ten priorities changed in the spreadsheet: ten updates, no new items.
    const changed = good.map((text, i) => (i < 10 ? row('Spreadsheet', i, { prioriteit: String(900 + i) }) : text));
    const update = dryRun([HEADER, ...changed].join('\n'), imported);
    expect(update).toMatchObject({ creates: 0, updates: 10, unchanged: 290 });
    expect(await applyImport(sandbox.graph(), siteId, update, imported.actieIdByNummer)).toEqual({
      ok: true,
      created: 0,
      updated: 10,
      unchanged: 290,
    });
    const final = await fresh();
    expect(final.items).toHaveLength(before.items.length + 300);
    expect(final.items.find((i) => i.value.titel === 'Spreadsheet initiatief 4')?.value.prioriteit).toBe(904);
  });
});

describe('the I&A contact in an import', () => {
  it('imports the "I&A contact" column onto a site user, reads it back from the site, and a re-import changes nothing', async () => {
    const before = await fresh();
    const contact = before.users.find((u) => u.id && u.displayName);
    if (!contact) throw new Error('no site user');
    const csv = [
      'Initiatief;Domein;Fase;Status;I&A contact',
      `Contact initiatief;Concern;Idee;Op koers;${contact.displayName}`,
    ].join('\n');
    const plan = dryRun(csv, before);
    expect(plan).toMatchObject({ ok: true, creates: 1 });
    expect(await applyImport(sandbox.graph(), siteId, plan, before.actieIdByNummer)).toMatchObject({
      ok: true,
      created: 1,
    });
    const after = await fresh();
    const item = after.items.find((i) => i.value.titel === 'Contact initiatief');
    expect(item?.value.iaContact).toMatchObject({ id: contact.id, displayName: contact.displayName });
    expect(dryRun(csv, after)).toMatchObject({ ok: true, creates: 0, updates: 0, unchanged: 1 });
  });
});
