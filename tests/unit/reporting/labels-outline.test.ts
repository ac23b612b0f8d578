import { describe, expect, it } from 'vitest';
import { zoetermeerDomeinVoortgang, zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { plateauGate, voortgangAt } from '../../../src/domain/report.js';
import type { Actie } from '../../../src/domain/model.js';
import {
  dateNl,
  dateTimeNl,
  gateSentence,
  planningSentence,
  rapportFileName,
  countCells,
} from '../../../src/reporting/labels.js';
import { rapportOutline, cleanText, type Block } from '../../../src/reporting/outline.js';
import { fixtureModel } from './fixture.js';

function actie(overrides: Partial<Actie>): Actie {
  return {
    nummer: '1.1',
    titel: 'Actie',
    advies: 1,
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Concern'],
    status: 'Niet gestart',
    afhankelijkVan: [],
    bevindingen: [],
    ...overrides,
  };
}

describe('Dutch dates', () => {
  it('writes a calendar date out in Dutch, without a leading zero', () => {
    expect(dateNl('2025-06-30')).toBe('30 juni 2025');
    expect(dateNl('2026-01-01')).toBe('1 januari 2026');
    expect(dateNl('2025-03-09')).toBe('9 maart 2025');
  });
  it('leaves text that is not a date alone', () => {
    expect(dateNl('2025-02-30')).toBe('2025-02-30');
    expect(dateNl('morgen')).toBe('morgen');
  });
  it('takes the day of an instant in Amsterdam', () => {
    expect(dateTimeNl(new Date('2025-06-29T22:30:00Z'))).toBe('30 juni 2025');
    expect(dateTimeNl(new Date('2025-01-14T22:30:00Z'))).toBe('14 januari 2025');
  });
});

describe('report texts', () => {
  it('names the planning with its term', () => {
    expect(planningSentence('Geheel 2025', '2025-12-31')).toBe('“Geheel 2025”, termijn 31 december 2025.');
    expect(planningSentence('Geheel 2025 en verder', '2025-12-31', 'doorlopend')).toBe(
      '“Geheel 2025 en verder”, doorlopend vanaf 31 december 2025.',
    );
    // Without a planning the report says so in its own words, outside any quote.
    expect(planningSentence('  ')).toBe('Het college gaf voor dit advies geen planning.');
  });
  it('says the plateau gate in one sentence for each state', () => {
    const at = new Date('2025-12-31T12:00:00Z');
    const rv = (status: Actie['status']) => actie({ plateau: 'Randvoorwaardelijk', status });
    const ex = (status: Actie['status']) => actie({ plateau: 'Excelleren', status });
    expect(gateSentence(plateauGate([rv('Afgerond'), rv('Niet overgenomen')], at))).toBe(
      'Randvoorwaardelijk is gereed (1 van 1 opgepakte acties afgerond): de weg naar Excelleren is vrij.',
    );
    expect(gateSentence(plateauGate([rv('Afgerond'), rv('Loopt'), ex('Loopt'), ex('Niet gestart')], at))).toBe(
      'Randvoorwaardelijk is voor 50% gereed (1 van 2 opgepakte acties afgerond), maar Excelleren is al in beweging (1 van 2 acties): eerder dan het plan bedoelt.',
    );
    expect(gateSentence(plateauGate([rv('Loopt'), ex('Niet gestart')], at))).toBe(
      'Randvoorwaardelijk is voor 0% gereed (0 van 1 opgepakte acties afgerond); Excelleren wacht daarop, zoals het plan bedoelt.',
    );
    // Excelleren actions the college placed in a track are said apart and never called early.
    expect(
      gateSentence(plateauGate([rv('Loopt'), ex('Belegd in lopend traject'), ex('Belegd in lopend traject')], at)),
    ).toBe(
      'Randvoorwaardelijk is voor 0% gereed (0 van 1 opgepakte acties afgerond); Excelleren wacht daarop, zoals het plan bedoelt. 2 Excelleren-acties zijn door het college belegd in een lopend traject; die tellen niet als vroeg.',
    );
  });
  it('orders counts as the tables do', () => {
    expect(
      countCells({
        total: 7,
        afgerond: 1,
        lopend: 2,
        geblokkeerd: 3,
        nietGestart: 4,
        nietOvergenomen: 5,
        achterstallig: 6,
        percentAfgerond: 14,
      }),
    ).toEqual([7, 1, 2, 3, 4, 5, 6]);
  });
  it('names the file after the peildatum', () => {
    expect(rapportFileName('2025-12-31', 'pdf')).toBe('voortgangsrapportage-2025-12-31.pdf');
    expect(rapportFileName('../../etc', 'docx')).toBe('voortgangsrapportage-onbekend.docx');
  });
});

describe('cleanText: untrusted text as plain text', () => {
  it('drops control characters and lone surrogates, keeps real characters', () => {
    expect(cleanText('a\u0000b\u0007c\u000Bd\u001Fe\u007Ff\uFFFF')).toBe('abcdef');
    expect(cleanText('x\uD800y\uDC00z')).toBe('xyz');
    expect(cleanText('Zoë 👍 “café” – é')).toBe('Zoë 👍 “café” – é');
  });
  it('keeps one kind of line break and turns tabs into spaces', () => {
    expect(cleanText('een\r\ntwee\rdrie\u2028vier\tvijf  \n')).toBe('een\ntwee\ndrie\nvier vijf');
  });
  it('turns anything that is not a string into the empty string', () => {
    expect(cleanText(undefined)).toBe('');
    expect(cleanText({ toString: () => '<b>' })).toBe('');
  });
});

describe('the outline', () => {
  const texts = (blocks: Block[]) =>
    blocks.map((b) =>
      b.kind === 'kop'
        ? `#${b.niveau} ${b.tekst}`
        : b.kind === 'alinea'
          ? b.runs.map((r) => r.text).join('')
          : b.kind === 'tabel'
            ? `[tabel ${b.kop.join('|')}]`
            : b.kind === 'figuur'
              ? `[figuur ${b.alt}]`
              : `[titel ${b.titel}]`,
    );

  it('says "Geen." for every empty section of an advies without actions', () => {
    const model = voortgangAt({
      gemeente: 'Gemeente Test',
      peildatum: '2025-12-31',
      adviezen: zoetermeerPlan.adviezen.slice(0, 1),
      acties: [],
    });
    const t = texts(rapportOutline(model).blocks);
    const from = t.indexOf('#2 Advies 1. Gemeenschappelijke visie & roadmap digitalisering');
    expect(t.slice(from + 9)).toEqual([
      '#3 Wat is gedaan',
      'Geen.',
      '#3 Volgende stappen',
      'Geen.',
      '#3 Gekoppelde portfolioprojecten',
      'Geen.',
    ]);
    // The advies in the report's own words comes first, then the college's reaction.
    expect(t.slice(from + 2, from + 5)).toEqual([
      '#3 Het advies in het rapport',
      zoetermeerPlan.adviezen[0]!.omschrijving,
      '#3 Reactie college',
    ]);
    expect(t).not.toContain('#3 Niet overgenomen');
  });

  it('has the same structure for every advies, and a Niet overgenomen part only where there is one', () => {
    const t = texts(rapportOutline(fixtureModel('2025-12-31')).blocks);
    expect(t.filter((x) => x.startsWith('#2 Advies '))).toHaveLength(11);
    expect(t.filter((x) => x === '#3 Reactie college')).toHaveLength(11);
    expect(t.filter((x) => x === '#3 Het advies in het rapport')).toHaveLength(11);
    expect(t.filter((x) => x === '#3 Planning')).toHaveLength(11);
    expect(t.filter((x) => x === '#3 Wat is gedaan')).toHaveLength(11);
    expect(t.filter((x) => x === '#3 Volgende stappen')).toHaveLength(11);
    expect(t.filter((x) => x === '#3 Gekoppelde portfolioprojecten')).toHaveLength(11);
    expect(t.filter((x) => x === '#3 Niet overgenomen')).toHaveLength(1);
  });

  it('lists overdue open actions first under Volgende stappen', () => {
    const opzet = rapportOutline(fixtureModel('2025-12-31'));
    const i = opzet.blocks.findIndex((b) => b.kind === 'kop' && b.tekst.startsWith('Advies 8.'));
    const tabel = opzet.blocks
      .slice(i)
      .find((b): b is Extract<Block, { kind: 'tabel' }> => b.kind === 'tabel' && b.kop.includes('Deadline'));
    expect(tabel?.rijen.map((r) => r[0])).toEqual(
      fixtureModel('2025-12-31').perAdvies[7]!.volgende.map((a) => a.nummer),
    );
  });
});

describe('the owner of a shared action in the report', () => {
  const ownerColumn = (rijen: typeof zoetermeerDomeinVoortgang) => {
    const model = voortgangAt({
      gemeente: 'Gemeente Zoetermeer',
      peildatum: '2025-06-01',
      adviezen: zoetermeerPlan.adviezen,
      acties: zoetermeerPlan.acties.map((value, i) => ({ id: String(i + 1), value })),
      domeinVoortgang: rijen,
    });
    const rows = rapportOutline(model).blocks.flatMap((b: Block) =>
      b.kind === 'tabel' && b.kop.includes('Eigenaar')
        ? b.rijen.map((r) => r.map((c) => (typeof c === 'string' ? c : c.map((run) => run.text).join(''))))
        : [],
    );
    return (nummer: string) => rows.find((r) => r[0] === nummer)?.[3];
  };

  it('says "Per domein" or in how many domains for an action its domains carry, "Zonder eigenaar" otherwise', () => {
    expect(ownerColumn(zoetermeerDomeinVoortgang)('1.1')).toBe('Per domein');
    const fewer = ownerColumn(
      zoetermeerDomeinVoortgang.map((r) =>
        r.actie === '1.1' && r.domein === 'Fysiek Domein' ? { ...r, eigenaar: undefined } : r,
      ),
    );
    expect(fewer('1.1')).toBe('In 3 van 4 domeinen');
    // 11.5: no owner of its own and none on its domains' rows.
    expect(fewer('11.5')).toBe('Zonder eigenaar');
  });
});
