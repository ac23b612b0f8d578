/**
 * The plan workbook's Inrichting sheet (issue 12, point 8): the municipality's own set-up travels with its plan, is
 * checked whole with every problem at its row and column, and the plan's rows are checked against it, with the
 * made-up Westerveld workbook of tests/fixtures.
 */
import { describe, expect, it } from 'vitest';
import { ZOETERMEER_INRICHTING } from '../../../src/domain/inrichting.js';
import { zoetermeerDomeinVoortgang, zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { dryRunPlanImport } from '../../../src/data/plan-import.js';
import { exportPlanXlsx, readPlanXlsx } from '../../../src/data/plan-xlsx.js';
import {
  WESTERVELD_BAD_ROWS,
  WESTERVELD_COUNTS,
  WESTERVELD_INRICHTING,
  westerveldBadSheets,
  westerveldSheets,
  westerveldWorkbook,
  workbookBytes,
  type FixtureSheet,
} from '../../fixtures/westerveld-plan.js';

const where = (p: { sheet: string; rowNumber: number; column?: string }) => `${p.sheet}:${p.rowNumber}:${p.column}`;

function withInrichting(rows: FixtureSheet['rows']): FixtureSheet[] {
  return westerveldSheets().map((s) => (s.name === 'Inrichting' ? { ...s, rows } : s));
}

describe('the Inrichting sheet of the plan workbook', { timeout: 60_000 }, () => {
  it('Westerveld’s workbook: the set-up read whole, the plan in its own domains, themes and plateaus, no problem', async () => {
    const run = dryRunPlanImport(await readPlanXlsx(await westerveldWorkbook()), { users: [] });
    expect(run.problems).toEqual([]);
    expect(run.ok).toBe(true);
    expect(run.counts).toEqual({
      inrichting: WESTERVELD_COUNTS.Inrichting,
      adviezen: WESTERVELD_COUNTS.Adviezen,
      bevindingen: WESTERVELD_COUNTS.Bevindingen,
      acties: WESTERVELD_COUNTS.Acties,
      domeinVoortgang: WESTERVELD_COUNTS.DomeinVoortgang,
    });
    expect(run.data.inrichting).toEqual(WESTERVELD_INRICHTING);
    const actie = (n: string) => run.data.plan.acties.find((a) => a.nummer === n);
    expect(actie('2.1')?.domeinen).toEqual(['Ruimte', 'Samenleving', 'Publiekszaken']);
    expect(actie('3.3')?.domeinen).toEqual(['Gemeentebreed', 'Ruimte']);
    expect(actie('2.2')?.plateau).toBe('Voorop lopen');
    expect(run.data.plan.adviezen.map((a) => `${a.nummer}${a.thema}`)).toEqual(['1S', '2S', '3L']);
    expect(run.data.plan.themas).toEqual([
      { code: 'S', naam: 'Sturing', adviezen: [1, 2] },
      { code: 'L', naam: 'Leren', adviezen: [3] },
    ]);
    expect(run.data.domeinVoortgang.map((r) => `${r.actie}|${r.domein}|${r.status}`)).toContain(
      '2.1|Samenleving|Afgerond',
    );
  });

  it('the bad rows are each named once by sheet, row and column, and nothing of the plan is accepted as ok', async () => {
    const run = dryRunPlanImport(await readPlanXlsx(await workbookBytes(westerveldBadSheets())), { users: [] });
    expect(run.ok).toBe(false);
    expect(run.problems.map(where)).toEqual(WESTERVELD_BAD_ROWS.map((b) => `${b.sheet}:${b.row}:${b.column}`));
    const text = run.problems.map((p) => p.message);
    expect(text).toContain("Actie 1.2 staat op plateau 'Randvoorwaardelijk', dat niet is ingericht.");
    expect(text).toContain("Actie 2.2 noemt het domein 'Sociaal Domein', dat niet is ingericht.");
    expect(text).toContain("Advies 3 hoort bij thema 'A', dat niet is ingericht.");
    // Keys with values, so the English UI says them in English (issue 17).
    const own = run.problems.map((p) => p.own).filter((m) => m !== undefined);
    expect(own).toContainEqual({
      key: 'planActiePlateauNietIngericht',
      params: { nummer: '1.2', waarde: 'Randvoorwaardelijk' },
    });
    expect(own).toContainEqual({
      key: 'planActieDomeinNietIngericht',
      params: { nummer: '2.2', waarde: 'Sociaal Domein' },
    });
    expect(own).toContainEqual({ key: 'planAdviesThemaNietIngericht', params: { nummer: '3', waarde: 'A' } });
  });

  it('an advies on a plateau and a finding in a theme the set-up lacks are named with their own keys', async () => {
    const sheets = westerveldSheets().map((s) =>
      s.name === 'Adviezen'
        ? { ...s, rows: s.rows.map((r) => (r[0] === 2 ? [...r.slice(0, 3), 'Excelleren', ...r.slice(4)] : r)) }
        : s.name === 'Bevindingen'
          ? { ...s, rows: s.rows.map((r) => (r[0] === 2 ? [...r.slice(0, 3), 'C'] : r)) }
          : s,
    );
    const run = dryRunPlanImport(await readPlanXlsx(await workbookBytes(sheets)), { users: [] });
    const own = run.problems.map((p) => p.own).filter((m) => m !== undefined);
    expect(own).toContainEqual({
      key: 'planAdviesPlateauNietIngericht',
      params: { nummer: '2', waarde: 'Excelleren' },
    });
    expect(own).toContainEqual({ key: 'planBevindingThemaNietIngericht', params: { nummer: '2', waarde: 'C' } });
    expect(run.problems.map((p) => p.message)).toContain(
      "Advies 2 staat op plateau 'Excelleren', dat niet is ingericht.",
    );
  });

  it('a domain named twice, or a row whose domains are all outside the set-up, is one problem each, not also the validator’s', async () => {
    const sheets = westerveldSheets().map((s) =>
      s.name === 'Acties'
        ? {
            ...s,
            rows: s.rows.map((r) =>
              r[0] === '2.1'
                ? [...r.slice(0, 4), 'Ruimte, ruimte', ...r.slice(5)]
                : r[0] === '1.2'
                  ? [...r.slice(0, 4), 'Concern, Sociaal Domein', ...r.slice(5)]
                  : r,
            ),
          }
        : s,
    );
    const run = dryRunPlanImport(await readPlanXlsx(await workbookBytes(sheets)), { users: [] });
    // 2.1 (row 4) once for the doubled domain; 1.2 (row 3) once per domain the set-up lacks; 1.2's dependants' links
    // to it are not named again.
    expect(run.problems.map((p) => `${where(p)}:${p.own?.key ?? p.message}`)).toEqual([
      'Acties:3:Domeinen:planActieDomeinNietIngericht',
      'Acties:3:Domeinen:planActieDomeinNietIngericht',
      'Acties:4:Domeinen:Kies elk domein maar één keer.',
    ]);
    expect(run.ok).toBe(false);
  });

  it('a broken set-up: every fault at its row and column (a doubled domain, a second concern domain, a theme without code, two municipalities)', async () => {
    const rows: FixtureSheet['rows'] = [
      ['Gemeente', 'Gemeente Westerveld', null, null, null], // 2
      ['Domein', 'Ruimte', null, null, null], // 3
      ['Domein', 'ruimte', null, null, null], // 4: the same name, other case
      ['Domein', 'Gemeentebreed', null, null, 'ja'], // 5
      ['Domein', 'Bestuur', null, null, 'ja'], // 6: a second domain of the whole organisation
      ['Thema', 'Sturing', null, '1, 2', null], // 7: no code
      ['Thema', 'Leren', 'L', '3', null], // 8
      ['Plateau', 'Basis op orde', null, null, null], // 9
      ['Gemeente', 'Gemeente Havelte', null, null, null], // 10: a second municipality
      ['Plateau', 'Doorontwikkelen', null, null, 'misschien'], // 11: not yes or no
      ['Plateau', 'Voorop lopen', null, null, 'ja'], // 12: only a domain covers the whole organisation
    ];
    const run = dryRunPlanImport(await readPlanXlsx(await workbookBytes(withInrichting(rows))), { users: [] });
    const inrichting = run.problems.filter((p) => p.sheet === 'Inrichting');
    expect(inrichting.map(where).sort()).toEqual(
      [
        'Inrichting:10:undefined',
        'Inrichting:11:Hele organisatie',
        'Inrichting:12:Hele organisatie',
        'Inrichting:4:Naam',
        'Inrichting:6:Hele organisatie',
        'Inrichting:7:Code',
      ].sort(),
    );
    expect(inrichting.find((p) => p.rowNumber === 10)?.own?.key).toBe('inrichtingGemeenteMeerdere');
    expect(inrichting.find((p) => p.rowNumber === 10)?.message).toBe(
      'De inrichting noemt meer dan één gemeente (Gemeente Westerveld, Gemeente Havelte); er hoort er één te zijn.',
    );
    expect(inrichting.find((p) => p.rowNumber === 4)?.message).toBe(
      "Domein 'ruimte' staat meer dan één keer in de inrichting.",
    );
    expect(run.ok).toBe(false);
    expect(run.data.inrichting).toBeUndefined();
  });

  it('an advies the set-up lists under another theme is named at its row; every set-up key is reached', async () => {
    const rows: FixtureSheet['rows'] = westerveldSheets()[0]!.rows.map((r) =>
      r[0] === 'Thema' ? [...r.slice(0, 3), r[2] === 'S' ? '1, 2, 3' : null, null] : r,
    );
    const run = dryRunPlanImport(await readPlanXlsx(await workbookBytes(withInrichting(rows))), { users: [] });
    expect(run.problems.map(where)).toEqual(['Adviezen:4:Thema']);
    expect(run.problems[0]?.own).toEqual({
      key: 'planAdviesAnderThema',
      params: { nummer: 3, code: 'S', waarde: 'L' },
    });
    expect(run.problems[0]?.message).toBe("Advies 3 staat in de inrichting bij thema 'S', niet bij 'L'.");
    // Together with the broken set-up and the bad rows above, every key of the Inrichting sheet occurs.
    const broken = dryRunPlanImport(await readPlanXlsx(await workbookBytes(westerveldBadSheets())), { users: [] });
    const keys = new Set([...run.problems, ...broken.problems].map((p) => p.own?.key));
    expect(keys).toContain('planInrichtingSoort');
    expect(keys).toContain('planActieDomeinNietIngericht');
  });

  it('a file without an Inrichting sheet is checked against the site’s set-up', async () => {
    const sheets = westerveldSheets().filter((s) => s.name !== 'Inrichting');
    const bytes = await workbookBytes(sheets);
    const againstWesterveld = dryRunPlanImport(await readPlanXlsx(bytes), {
      users: [],
      inrichting: WESTERVELD_INRICHTING,
    });
    expect(againstWesterveld.problems).toEqual([]);
    expect(againstWesterveld.data.inrichting).toBeUndefined();
    expect(againstWesterveld.counts.inrichting).toBe(0);
    // Against the default (Zoetermeer's), every Westerveld value is named where it stands.
    const againstDefault = dryRunPlanImport(await readPlanXlsx(bytes), { users: [] });
    expect(againstDefault.problems.map(where)).toContain('Adviezen:2:Thema');
    expect(againstDefault.problems.map(where)).toContain('Acties:2:Domeinen');
    expect(againstDefault.problems.map(where)).toContain('Acties:2:Plateau');
    expect(againstDefault.problems.map(where)).toContain('Acties:4:Domeinen');
    // The rows per domain of an action with problems of its own are not named again.
    expect(againstDefault.problems.filter((p) => p.sheet === 'DomeinVoortgang')).toEqual([]);
  });

  it('the export writes the set-up and the import reads it back equal (Zoetermeer and Westerveld)', async () => {
    const zoetermeer = await readPlanXlsx(
      await exportPlanXlsx({
        inrichting: ZOETERMEER_INRICHTING,
        plan: zoetermeerPlan,
        domeinVoortgang: zoetermeerDomeinVoortgang,
      }),
    );
    expect(zoetermeer.Inrichting?.headers).toEqual(['Soort', 'Naam', 'Code', 'Adviezen', 'Hele organisatie']);
    expect(zoetermeer.Inrichting?.rows).toHaveLength(1 + 5 + 3 + 4);
    const run = dryRunPlanImport(zoetermeer, { users: [] });
    expect(run.data.inrichting).toEqual(ZOETERMEER_INRICHTING);

    const westerveld = dryRunPlanImport(await readPlanXlsx(await westerveldWorkbook()), { users: [] });
    const again = dryRunPlanImport(await readPlanXlsx(await exportPlanXlsx(westerveld.data)), { users: [] });
    expect(again.problems).toEqual([]);
    expect(again.data).toEqual(westerveld.data);
  });
});
