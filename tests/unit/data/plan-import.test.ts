import { describe, expect, it } from 'vitest';
import { zoetermeerDomeinVoortgang, zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { describePlanProblem, dryRunPlanImport } from '../../../src/data/plan-import.js';
import { exportPlanXlsx, PLAN_COLUMNS, readPlanXlsx, type PlanWorkbook } from '../../../src/data/plan-xlsx.js';
import type { ImportCell } from '../../../src/data/portfolio-import.js';
import { validationMessages as M } from '../../../src/domain/messages.js';
import {
  planImportMessageText,
  planImportMessageValues,
  planImportTemplatesNl,
} from '../../../src/data/plan-import-messages.js';
import { ACTIE_STATUSES, DOMEINEN } from '../../../src/domain/model.js';
import { en } from '../../../src/tab/i18n/en.js';
import { format } from '../../../src/tab/i18n/format.js';
import type { MessageKey } from '../../../src/tab/i18n/nl.js';
import { domainMessageText } from '../../../src/tab/lib/domain-message.js';

const users = [
  { id: '11', displayName: 'Manager I&A', email: 'manager.ia@example.org' },
  { id: '12', displayName: 'Informatiemanager Sociaal Domein' },
];

/** A workbook as read, from header lists and rows (row numbers from 2, as in the file). */
function workbook(
  sheets: Partial<Record<keyof typeof PLAN_COLUMNS, { headers?: string[]; rows: ImportCell[][] }>>,
): PlanWorkbook {
  const out: PlanWorkbook = {};
  for (const [name, sheet] of Object.entries(sheets) as [
    keyof typeof PLAN_COLUMNS,
    { headers?: string[]; rows: ImportCell[][] },
  ][]) {
    out[name] = {
      headers: sheet.headers ?? Object.values(PLAN_COLUMNS[name]),
      rows: sheet.rows.map((cells, i) => ({ rowNumber: i + 2, cells })),
    };
  }
  return out;
}

const advies = [1, 'Een advies', 'A', 'Randvoorwaardelijk', 'Overgenomen.', '2027'];
/** An action row in the Acties columns' order. */
const actie = (
  nummer: string,
  extra: Partial<Record<keyof typeof PLAN_COLUMNS.Acties, ImportCell>> = {},
): ImportCell[] => {
  const base: Record<keyof typeof PLAN_COLUMNS.Acties, ImportCell> = {
    nummer,
    titel: `Actie ${nummer}`,
    advies: Number(nummer.split('.')[0]),
    plateau: 'Randvoorwaardelijk',
    domeinen: 'Concern',
    status: 'Niet gestart',
    statusToelichting: undefined,
    eigenaar: undefined,
    start: undefined,
    deadline: undefined,
    planning: undefined,
    lopendTraject: undefined,
    afhankelijkVan: undefined,
    bevindingen: undefined,
    vervallen: undefined,
    vervallenReden: undefined,
    omschrijving: undefined,
    ...extra,
  };
  return Object.keys(PLAN_COLUMNS.Acties).map((k) => base[k as keyof typeof base]);
};

const INRICHTING_KEYS = [
  'planInrichtingSoort',
  'planInrichtingJaNee',
  'planInrichtingConcernSoort',
  'planAdviesAnderThema',
  'planAdviesThemaNietIngericht',
  'planBevindingThemaNietIngericht',
  'planAdviesPlateauNietIngericht',
  'planActiePlateauNietIngericht',
  'planActieDomeinNietIngericht',
];

describe('dryRunPlanImport', () => {
  it('a broken domain rule carries the domain message (key and values), Dutch in `message`, English in the English UI (issue 17)', () => {
    const run = dryRunPlanImport(
      workbook({
        Adviezen: { rows: [advies] },
        Acties: {
          rows: [
            actie('1.1', { afhankelijkVan: '1.2' }),
            actie('1.2', { afhankelijkVan: '1.1' }),
            actie('1.3', { titel: ' ' }),
          ],
        },
      }),
      { users },
    );
    const titel = run.problems.find((p) => p.domain?.key === 'titelVerplicht');
    expect(titel).toMatchObject({
      sheet: 'Acties',
      rowNumber: 4,
      message: 'Geef een titel.',
      domain: M.titelVerplicht,
    });
    const kring = run.problems.find((p) => p.domain?.key === 'afhankelijkheidsKring');
    expect(kring?.domain).toEqual(M.afhankelijkheidsKring(['1.1', '1.2', '1.1']));
    expect(kring?.message).toContain('De afhankelijkheden vormen een kring (1.1 → 1.2 → 1.1)');
    const tEn = (key: MessageKey, values?: Record<string, string | number>) => format(en[key], values, 'en');
    expect(domainMessageText(kring!.domain!, tEn, 'en')).toBe(
      'The dependencies form a cycle (1.1 → 1.2 → 1.1); an action cannot wait for itself through other actions. Remove one dependency.',
    );
    expect(domainMessageText(titel!.domain!, tEn, 'en')).toBe('Enter a title.');
  });

  it('reads a clean plan: values as the domain has them, people resolved to site users, yes/no and lists', () => {
    const run = dryRunPlanImport(
      workbook({
        Adviezen: { rows: [advies] },
        Acties: {
          rows: [
            actie('1.1', {
              domeinen: 'sociaal domein; Concern',
              eigenaar: 'manager.ia@example.org',
              deadline: new Date(Date.UTC(2027, 2, 31)),
            }),
            actie('1.2', { afhankelijkVan: '1.1', vervallen: 'Ja', vervallenReden: 'Dubbel met 1.1' }),
          ],
        },
        DomeinVoortgang: {
          rows: [
            ['1.1', 'Sociaal Domein', 'Afgerond', undefined, 'Informatiemanager Sociaal Domein', '31-1-2027', 'Klaar'],
          ],
        },
      }),
      { users },
    );
    expect(run.problems).toEqual([]);
    expect(run.ok).toBe(true);
    expect(run.data.plan.themas).toEqual([{ code: 'A', naam: 'Structuur versterken', adviezen: [1] }]);
    expect(run.data.plan.acties[0]).toMatchObject({
      domeinen: ['Sociaal Domein', 'Concern'],
      eigenaar: { id: '11' },
      deadline: '2027-03-31',
    });
    expect(run.data.plan.acties[1]).toMatchObject({
      afhankelijkVan: ['1.1'],
      vervallen: true,
      vervallenReden: 'Dubbel met 1.1',
    });
    expect(run.data.domeinVoortgang).toEqual([
      {
        actie: '1.1',
        domein: 'Sociaal Domein',
        status: 'Afgerond',
        eigenaar: users[1],
        deadline: '2027-01-31',
        notitie: 'Klaar',
      },
    ]);
    expect(run.counts).toEqual({ inrichting: 0, adviezen: 1, bevindingen: 0, acties: 2, domeinVoortgang: 1 });
  });

  it('names a missing sheet, a missing column and an unknown column (and no "no adviezen" on top of a broken sheet)', () => {
    const run = dryRunPlanImport(workbook({ Adviezen: { headers: ['Nummer', 'Titel', 'Thema', 'Kleur'], rows: [] } }), {
      users,
    });
    expect(run.ok).toBe(false);
    expect(run.problems.map(describePlanProblem)).toEqual([
      'Adviezen, rij 1, kolom Plateau: De kolom "Plateau" ontbreekt op tabblad "Adviezen".',
      expect.stringMatching(/^Adviezen, rij 1, kolom Kleur: Onbekende kolom "Kleur"/),
      expect.stringMatching(/^Acties: Het tabblad "Acties" ontbreekt/),
    ]);
  });

  it('every bad row by its number: unknown person, duplicate number, cycle, unknown theme and yes/no, a row for an unknown action', () => {
    const run = dryRunPlanImport(
      workbook({
        Themas: {
          rows: [
            ['A', 'Structuur versterken'],
            ['D', 'Iets anders'],
          ],
        },
        Adviezen: { rows: [advies, [2, 'Tweede', 'B', 'Verbeteren']] },
        Acties: {
          rows: [
            actie('1.1', { eigenaar: 'Iemand Onbekend', afhankelijkVan: '1.2' }),
            actie('1.2', { afhankelijkVan: '1.1' }),
            actie('1.2'),
            actie('1.3', { vervallen: 'misschien' }),
          ],
        },
        DomeinVoortgang: { rows: [['7.7', 'Concern', 'Loopt']] },
      }),
      { users },
    );
    expect(run.problems.map((p) => `${p.sheet}:${p.rowNumber}:${p.column ?? ''}`)).toEqual([
      'Themas:3:Code',
      'Adviezen:3:Thema',
      'Acties:2:Eigenaar',
      'Acties:2:Afhankelijk van',
      'Acties:4:Nummer',
      'Acties:5:Vervallen',
      'DomeinVoortgang:2:Actie',
    ]);
    expect(run.problems.find((p) => p.column === 'Afhankelijk van')?.message).toContain('1.1 → 1.2 → 1.1');
    expect(run.problems.find((p) => p.column === 'Nummer')?.message).toContain('rij 3');
  });

  it("gives every problem of the import's own a key with its values, keeping its sheet and row; Dutch in `message`, English in the English UI (issue 17)", async () => {
    const runs = [
      dryRunPlanImport(workbook({ Adviezen: { headers: ['Nummer', 'Titel', 'Thema', 'Kleur'], rows: [] } }), { users }),
      dryRunPlanImport(
        workbook({
          Themas: {
            rows: [
              ['A', 'Structuur versterken'],
              ['D', 'Iets anders'],
              ['B', 'Anders genoemd'],
              ['A', 'Structuur versterken'],
            ],
          },
          Adviezen: { rows: [advies, [2, 'Tweede', 'C', 'Verbeteren'], [1, 'Nog eens', 'A', 'Verbeteren']] },
          Bevindingen: {
            rows: [
              [1, 'Een bevinding'],
              [1, 'Dezelfde bevinding'],
            ],
          },
          Acties: { rows: [actie('1.1', { eigenaar: 'Jan Jansen' }), actie('1.2'), actie('1.2')] },
          DomeinVoortgang: {
            rows: [
              [undefined, 'Concern', 'Loopt'],
              ['7.7', 'Concern', 'Loopt'],
              ['1.2', 'Wijkzaken', 'Loopt'],
              ['1.2', 'Sociaal Domein', 'Loopt'],
              ['1.2', 'Concern', 'Bezig'],
              ['1.2', 'Concern', 'Geblokkeerd'],
              ['1.2', 'Concern', 'Loopt', undefined, undefined, '30-2-2027'],
              ['1.2', 'Concern', 'Loopt'],
              ['1.2', 'Concern', 'Afgerond'],
            ],
          },
        }),
        { users },
      ),
      dryRunPlanImport(workbook({ Adviezen: { rows: [] }, Acties: { rows: [] } }), { users }),
    ];
    const problems = runs.flatMap((r) => r.problems);
    // Each problem says exactly one thing: a domain rule or a problem of the import's own.
    for (const p of problems) expect([p.domain, p.own].filter(Boolean), p.message).toHaveLength(1);
    const own = problems.flatMap((p) => (p.own ? [{ ...p, own: p.own }] : []));
    expect(own.map((p) => [p.sheet, p.rowNumber, p.column, p.own])).toEqual([
      ['Adviezen', 1, 'Plateau', { key: 'planKolomOntbreekt', params: { kolom: 'Plateau', tabblad: 'Adviezen' } }],
      [
        'Adviezen',
        1,
        'Kleur',
        {
          key: 'planKolomOnbekend',
          params: { kolom: 'Kleur', tabblad: 'Adviezen', kolommen: Object.values(PLAN_COLUMNS.Adviezen).join(', ') },
        },
      ],
      [
        'Acties',
        0,
        undefined,
        {
          key: 'planTabbladOntbreekt',
          params: {
            tabblad: 'Acties',
            tabbladen: 'Inrichting, Themas, Adviezen, Bevindingen, Acties, DomeinVoortgang',
          },
        },
      ],
      [
        'Themas',
        3,
        'Code',
        {
          key: 'planThemaOnbekend',
          params: { code: 'D', themas: 'A (Structuur versterken), B (Verbinding organiseren), C (Continu leren)' },
        },
      ],
      ['Themas', 4, 'Naam', { key: 'planThemaNaam', params: { code: 'B', naam: 'Verbinding organiseren' } }],
      ['Themas', 5, 'Code', { key: 'planThemaDubbel', params: { code: 'A' } }],
      ['Adviezen', 3, 'Thema', { key: 'planThemaNietOpTabblad', params: { code: 'C' } }],
      ['Adviezen', 4, 'Nummer', { key: 'planAdviesDubbel', params: { nummer: 1, rij: 2 } }],
      ['Bevindingen', 3, 'Nummer', { key: 'planBevindingDubbel', params: { nummer: 1, rij: 2 } }],
      ['Acties', 2, 'Eigenaar', { key: 'planPersoonOnbekend', params: { naam: 'Jan Jansen' } }],
      ['Acties', 4, 'Nummer', { key: 'planActieDubbel', params: { nummer: '1.2', rij: 3 } }],
      ['DomeinVoortgang', 2, 'Actie', { key: 'planActienummerLeeg' }],
      ['DomeinVoortgang', 3, 'Actie', { key: 'planActieNietOpTabblad', params: { actie: '7.7' } }],
      [
        'DomeinVoortgang',
        4,
        'Domein',
        { key: 'planDomeinOnbekend', params: { waarde: 'Wijkzaken', domeinen: DOMEINEN.join(', ') } },
      ],
      [
        'DomeinVoortgang',
        5,
        'Domein',
        { key: 'planActieNietVanDomein', params: { actie: '1.2', waarde: 'Sociaal Domein', domeinen: 'Concern' } },
      ],
      [
        'DomeinVoortgang',
        6,
        'Status',
        { key: 'planStatusOnbekend', params: { waarde: 'Bezig', statussen: ACTIE_STATUSES.join(', ') } },
      ],
      [
        'DomeinVoortgang',
        7,
        'Toelichting status',
        { key: 'planToelichtingVerplicht', params: { waarde: 'Geblokkeerd' } },
      ],
      ['DomeinVoortgang', 8, 'Deadline', { key: 'planDatumOngeldig', params: { waarde: '30-2-2027' } }],
      [
        'DomeinVoortgang',
        10,
        'Domein',
        { key: 'planDomeinRijDubbel', params: { actie: '1.2', waarde: 'Concern', rij: 9 } },
      ],
      ['Adviezen', 0, undefined, { key: 'planGeenAdviezen' }],
      ['Acties', 0, undefined, { key: 'planGeenActies' }],
    ]);
    // Every key of the import's own is reached; the Inrichting sheet's keys in plan-import-inrichting.test.ts.
    const planKeys = Object.keys(planImportTemplatesNl).filter(
      (k) => !INRICHTING_KEYS.includes(k) && !k.startsWith('inrichting'),
    );
    expect([...new Set(own.map((p) => p.own.key))].sort()).toEqual(planKeys.sort());

    // The CLI's Dutch, as before.
    for (const p of own) expect(p.message).toBe(planImportMessageText(p.own));
    expect(own.map(describePlanProblem).slice(-5, -1)).toEqual([
      'DomeinVoortgang, rij 7, kolom Toelichting status: Bij de status Geblokkeerd hoort een toelichting.',
      'DomeinVoortgang, rij 8, kolom Deadline: "30-2-2027" is geen datum; gebruik bijvoorbeeld 31-12-2026. (waarde: "30-2-2027")',
      'DomeinVoortgang, rij 10, kolom Domein: Actie 1.2 heeft voor Concern al een rij (rij 9); één rij per actie en domein. (waarde: "Concern")',
      'Adviezen: Het plan heeft geen adviezen.',
    ]);

    // The tab's plan import catalogue (problem.<key>): its Dutch is the CLI's; English has none of the Dutch words.
    // (A path in a variable: the tab's catalogue is the tab's project, not this one's.)
    const catalogue = '../../../src/tab/features/actionplan/plan-xlsx-i18n.ts';
    const { planXlsxTexts } = (await import(catalogue)) as {
      planXlsxTexts: Record<'nl' | 'en', Record<string, string>>;
    };
    const say = (p: (typeof own)[number], locale: 'nl' | 'en') =>
      format(planXlsxTexts[locale]![`problem.${p.own.key}`]!, planImportMessageValues(p.own, locale), locale);
    for (const p of own) {
      expect(say(p, 'nl')).toBe(p.message);
      expect(say(p, 'en'), p.message).not.toMatch(
        /\b(ontbreekt|Onbekende?|kolom|tabblad|staat|hoort|rij|geen|Vul|kies|heet|Bij de)\b/,
      );
    }
    expect(own.map((p) => say(p, 'en')).slice(-3)).toEqual([
      'Action 1.2 already has a row for Concern (row 9); one row per action and domain.',
      'The plan has no recommendations.',
      'The plan has no actions.',
    ]);
  });

  // Writing and reading a workbook of the whole plan takes seconds on a busy machine: more than the unit default.
  it(
    'the format round trip: the seeded plan exported and read back has no problems and the same plan',
    { timeout: 30_000 },
    async () => {
      const people = [
        ...new Set(
          [...zoetermeerPlan.acties, ...zoetermeerDomeinVoortgang].flatMap((x) =>
            x.eigenaar ? [x.eigenaar.displayName] : [],
          ),
        ),
      ].map((displayName) => ({ displayName }));
      const run = dryRunPlanImport(
        await readPlanXlsx(await exportPlanXlsx({ plan: zoetermeerPlan, domeinVoortgang: zoetermeerDomeinVoortgang })),
        { users: people },
      );
      expect(run.problems).toEqual([]);
      const byNummer = [...zoetermeerPlan.acties].sort((a, b) =>
        a.nummer.localeCompare(b.nummer, 'en', { numeric: true }),
      );
      expect(run.data.plan.acties).toEqual(byNummer);
      expect(run.data.plan.adviezen).toEqual(zoetermeerPlan.adviezen);
      expect(run.data.plan.bevindingen).toEqual(zoetermeerPlan.bevindingen);
      expect(run.data.plan.themas).toEqual(zoetermeerPlan.themas);
      expect(run.data.domeinVoortgang).toHaveLength(zoetermeerDomeinVoortgang.length);
    },
  );
});
