import { describe, expect, it } from 'vitest';
import {
  dryRunImport,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  IMPORT_MAX_ROW_BYTES,
  readCsv,
  suggestMapping,
  type ImportContext,
  type ImportProblem,
} from '../../../src/data/portfolio-import.js';
import { TEXT_MAX } from '../../../src/domain/text-limits.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';
import {
  importFailureReason,
  importFailureReasonKey,
  importFieldLabelKey,
  importProblemKey,
  importProblemText,
} from '../../../src/tab/features/portfolio/lib/import-problem-text.js';
import { en } from '../../../src/tab/i18n/en.js';
import { format } from '../../../src/tab/i18n/format.js';
import { nl as appNl, type MessageKey as AppMessageKey } from '../../../src/tab/i18n/nl.js';
import { portfolioTexts, type PortfolioKey } from '../../../src/tab/features/portfolio/i18n.js';

// The portfolio says its own texts (its lazy catalogue) and the app's shared ones through one function.
type MessageKey = AppMessageKey | PortfolioKey;
const nl: Record<MessageKey, string> = { ...appNl, ...portfolioTexts.nl };
const enAll: Record<MessageKey, string> = { ...en, ...portfolioTexts.en };

const tNl = (key: MessageKey, values?: Record<string, string | number>) => format(nl[key], values, 'nl');
const tEn = (key: MessageKey, values?: Record<string, string | number>) => format(enAll[key], values, 'en');

const context: ImportContext = {
  items: [],
  users: [{ id: '11', displayName: 'Directeur Sociaal Domein', email: 'dir-sd@zoetermeer.nl' }],
  actieIdByNummer: new Map([['1.2', '2']]),
};
const HEADER =
  'Initiatief;Omschrijving;Domein;Fase;Status;Toelichting status;Prioriteit;Dit kwartaal;Start;Einde;Opdrachtgever;Acties';
// Every problem a portfolio import's rows can have, one or more per row.
const CSV = [
  HEADER,
  'Goed;;Concern;Idee;Op koers;;1;wel;2026-01-01;2026-12-31;Directeur Sociaal Domein;1.2',
  'Kapotte datum;;Concern;Idee;Op koers;;;niet;2026-13-45;2026-99-01;;',
  'Onbekend domein;;Wijkzaken;Bezig;Groen;;0;misschien;;;;',
  ';;Concern;Idee;Op koers;;;niet;;;;',
  'goed;;concern;Idee;Op koers;;;niet;;;;',
  `Lang;${'o'.repeat(TEXT_MAX.omschrijving + 1)};Concern;Idee;Kritiek;${'t'.repeat(TEXT_MAX.statusToelichting + 1)};;niet;2026-06-01;2026-01-01;Jan Jansen;7.9 x 1.2 1.2`,
  `${'T'.repeat(300)};;Concern;Idee;Kritiek;;;niet;;;;`,
].join('\n');

function problems(): ImportProblem[] {
  const table = readCsv(CSV);
  return dryRunImport(table, suggestMapping(table.headers), context).rows.flatMap((r) => r.problems);
}

describe('dry-run problems in the UI language', () => {
  const all = problems();

  it('gives every problem of a portfolio import a code the catalogues have', () => {
    expect(all.length).toBeGreaterThan(12);
    expect(all.filter((p) => importProblemKey(p.code) === undefined)).toEqual([]);
  });

  it("says a domain rule with the catalogues' validation.<key>: the import keeps no copies of the domain's texts", () => {
    const rules = all.filter((p) => p.domain !== undefined);
    expect(rules.length).toBeGreaterThan(10);
    for (const p of rules) expect(importProblemKey(p.code)).toBe(`validation.${p.domain?.key}`);
    const copies = Object.keys(nl).filter((k) => k.startsWith('pf.import.problem.'));
    expect(copies.sort()).toEqual([
      'pf.import.problem.dubbeleRij',
      'pf.import.problem.onbekendePersoon',
      'pf.import.problem.rijTeGroot',
    ]);
  });

  it('says each problem in Dutch as the data layer and the domain do, then the valid values where there is a list', () => {
    for (const p of all) expect(importProblemText(p, tNl).startsWith(p.message), p.message).toBe(true);
    const texts = all.map((p) => importProblemText(p, tNl, { people: ['Directeur Sociaal Domein'] }));
    expect(texts).toContain(
      'Kies een domein uit de lijst. Geldige waarden: Bedrijfsvoering, Dienstverlening, Fysiek Domein, Sociaal Domein, Concern.',
    );
    expect(texts).toContain(
      'Kies een fase uit de lijst. Geldige waarden: Idee, Voorbereiding, Uitvoering, Nazorg, Afgerond, Gestopt.',
    );
    expect(texts).toContain(
      'Kies of het item dit kwartaal wel of niet wordt opgepakt. Geldige waarden: wel, niet, ja, nee.',
    );
    expect(texts).toContain(
      'De startdatum is geen geldige datum (jjjj-mm-dd). Schrijf de datum als 31-3-2027 of 2027-03-31, of gebruik een datumcel.',
    );
    expect(texts).toContain(
      'Onbekende persoon "Jan Jansen": kies iemand die op de SharePoint-site bekend is. Bekend op de site: Directeur Sociaal Domein.',
    );
    // Without a list, nothing is added.
    expect(texts).toContain('De einddatum mag niet voor de startdatum liggen.');
  });

  it("names the site's own domains (its set-up, issue 12.8) as the valid values of the domain column", () => {
    const table = readCsv(
      [HEADER, 'Wegen;;Sociaal Domein;Idee;Op koers;;;niet;;;;', 'Wijk;;Ruimte;Idee;Op koers;;;niet;;;;'].join('\n'),
    );
    const run = dryRunImport(table, suggestMapping(table.headers), { ...context, inrichting: WESTERVELD_INRICHTING });
    const [refused, passed] = run.rows;
    expect(passed?.problems).toEqual([]);
    const p = refused?.problems.find((x) => x.code === 'domeinOngeldig');
    if (!p) throw new Error('a Zoetermeer domain passed in Westerveld');
    const domeinen = WESTERVELD_INRICHTING.domeinen.map((d) => d.naam);
    expect(importProblemText(p, tNl, { domeinen })).toBe(
      'Kies een domein uit de lijst. Geldige waarden: Ruimte, Samenleving, Publiekszaken, Middelen, Veiligheid, Gemeentebreed.',
    );
    expect(importProblemText(p, tEn, { domeinen })).toBe(
      'Choose a domain from the list. Valid values: Ruimte, Samenleving, Publiekszaken, Middelen, Veiligheid, Gemeentebreed.',
    );
  });

  it('names the first people of a long list in order and counts the rest', () => {
    const p = all.find((x) => x.code === 'onbekendePersoon');
    if (!p) throw new Error('no unknown person in the fixture');
    const people = Array.from({ length: 11 }, (_, i) => `Persoon ${String.fromCharCode(75 - i)}`);
    expect(importProblemText(p, tNl, { people })).toMatch(
      /Bekend op de site: Persoon A, Persoon B, .*Persoon H en 3 anderen\.$/,
    );
    expect(importProblemText(p, tEn, { people: people.slice(0, 9) })).toMatch(
      /Known on the site: Persoon C, .* and 1 other\.$/,
    );
    expect(importProblemText(p, tNl, { people: [] })).toBe(p.message);
  });

  it('says each problem in English in the English UI, with its values', () => {
    const english = all.map((p) => importProblemText(p, tEn));
    english.forEach((text, i) => expect(text, all[i]?.message).not.toBe(all[i]?.message));
    expect(english).toContain(
      'Choose a domain from the list. Valid values: Bedrijfsvoering, Dienstverlening, Fysiek Domein, Sociaal Domein, Concern.',
    );
    expect(english).toContain(
      'The start date is not a valid date (yyyy-mm-dd). Write the date as 31-3-2027 or 2027-03-31, or use a date cell.',
    );
    expect(english).toContain('Duplicate row: this initiative is also on row 2. Keep one row per initiative.');
    expect(english).toContain('Unknown person "Jan Jansen": choose someone the SharePoint site knows.');
    expect(english).toContain(
      'Portfolio item "Lang" is linked to action 7.9, but that action does not exist. Remove or correct the link.',
    );
    // The domain's rules read as everywhere in the tab: the catalogues' validation.<key>, no copies of their own.
    expect(english).toContain(`The description can be at most ${TEXT_MAX.omschrijving} characters long.`);
    expect(english).toContain(`The status explanation can be at most ${TEXT_MAX.statusToelichting} characters long.`);
  });

  it('says a row too large for SharePoint in English too', () => {
    const p: ImportProblem = {
      message: 'Deze rij is te groot …',
      code: 'rijTeGroot',
      params: { bytes: 300_000, max: IMPORT_MAX_ROW_BYTES },
    };
    expect(importProblemText(p, tEn)).toBe(
      `This row is too large to write to SharePoint (300000 bytes, at most ${IMPORT_MAX_ROW_BYTES}); shorten the texts.`,
    );
  });

  it('keeps the Dutch message of a problem without a known code (the check can fail)', () => {
    expect(importProblemText({ message: 'Iets anders.' }, tEn)).toBe('Iets anders.');
  });
});

describe('the apply step’s failure reason in the UI language', () => {
  const statuses = [0, 400, 401, 403, 404, 409, 412, 413, 429, 500, 502, 503];

  it('says every failure in both languages, with the HTTP status when Graph answered', () => {
    for (const status of statuses) {
      const key = importFailureReasonKey(status);
      const dutch = importFailureReason(status, tNl);
      const english = importFailureReason(status, tEn);
      expect(dutch, `${status} nl`).toBe(format(nl[key], { status }, 'nl'));
      expect(english, `${status} en`).not.toBe(dutch);
      expect(english, `${status} en`).not.toMatch(/[{}]/);
      if (status > 0) expect(english).toContain(`HTTP ${status}`);
    }
  });

  it('tells a conflict, a refusal, throttling, a server failure and no answer apart', () => {
    expect(importFailureReason(412, tEn)).toBe('someone else changed the item meanwhile (HTTP 412)');
    expect(importFailureReason(403, tNl)).toBe('geen toestemming om in deze lijst te schrijven (HTTP 403)');
    expect(new Set(statuses.map(importFailureReasonKey)).size).toBe(8);
    expect(importFailureReasonKey(0)).toBe('pf.import.reason.network');
    expect(importFailureReasonKey(429)).toBe(importFailureReasonKey(503));
    expect(importFailureReasonKey(500)).not.toBe(importFailureReasonKey(503));
    expect(importFailureReasonKey(400)).toBe('pf.import.reason.refused');
  });
});

describe('the import’s fields in the UI language', () => {
  it('names every field in Dutch as the file’s own column header, and in English in other words', () => {
    for (const field of IMPORT_FIELDS) {
      const key = importFieldLabelKey(field);
      expect(tNl(key), field).toBe(IMPORT_FIELD_LABELS[field]);
      expect(tEn(key), field).not.toMatch(/[{}]/);
    }
    expect(
      IMPORT_FIELDS.filter((f) => tEn(importFieldLabelKey(f)) !== tNl(importFieldLabelKey(f))).length,
    ).toBeGreaterThan(10);
    expect(tEn(importFieldLabelKey('statusToelichting'))).toBe('Status note');
  });
});
