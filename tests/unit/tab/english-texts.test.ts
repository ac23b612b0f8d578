import { describe, expect, it } from 'vitest';
import { FieldReader, unknownPersonName } from '../../../src/data/lists/field-reader.js';
import { dryRunImport, ONGELDIGE_DATUM } from '../../../src/data/portfolio-import.js';
import { portfolioTexts, type PortfolioKey } from '../../../src/tab/features/portfolio/i18n.js';
import { importProblemValue } from '../../../src/tab/features/portfolio/lib/import-problem-text.js';
import { en } from '../../../src/tab/i18n/en.js';
import { format } from '../../../src/tab/i18n/format.js';
import { nl, type MessageKey } from '../../../src/tab/i18n/nl.js';
import { personName } from '../../../src/tab/lib/labels.js';

const tNl = (key: MessageKey, values?: Record<string, string | number>) => format(nl[key], values, 'nl');
const tEn = (key: MessageKey, values?: Record<string, string | number>) => format(en[key], values, 'en');
/** The portfolio's t in one language: its own texts, else the app's. */
const pfT = (locale: 'nl' | 'en') => (key: MessageKey | PortfolioKey, values?: Record<string, string | number>) =>
  Object.hasOwn(portfolioTexts.nl, key)
    ? format(portfolioTexts[locale][key as PortfolioKey], values, locale)
    : (locale === 'nl' ? tNl : tEn)(key as MessageKey, values);

describe('the data layer’s words in the English UI (issue 17)', () => {
  it('a person the site no longer knows: the Dutch placeholder in Dutch, "Unknown user (id)" in English', () => {
    const read = new FieldReader({ EigenaarLookupId: '99' });
    const person = read.person('Eigenaar', new Map());
    expect(person).toEqual({ id: '99', displayName: 'Onbekende gebruiker (99)', onbekend: true });
    if (!person) throw new Error('no person');
    expect(unknownPersonName('99')).toBe('Onbekende gebruiker (99)');
    expect(personName(tNl, person)).toBe('Onbekende gebruiker (99)');
    expect(personName(tEn, person)).toBe('Unknown user (99)');
    // A known person is their own name in both languages.
    const known = { id: '7', displayName: 'Informatiemanager Sociaal Domein' };
    expect(personName(tEn, known)).toBe('Informatiemanager Sociaal Domein');
    expect(personName(tNl, known)).toBe('Informatiemanager Sociaal Domein');
  });

  it('a date cell that holds no date: "ongeldige datum" in Dutch (and the CLI), "not a date" in English', () => {
    const run = dryRunImport(
      {
        headers: ['Initiatief', 'Domein', 'Start'],
        rows: [{ rowNumber: 2, cells: ['Kaart', 'Concern', new Date(NaN)] }],
      },
      { titel: 0, domein: 1, start: 2 },
      { items: [], users: [], actieIdByNummer: new Map() },
    );
    const problem = run.rows[0]?.problems[0];
    expect(problem).toMatchObject({
      field: 'start',
      value: ONGELDIGE_DATUM,
      ongeldigeDatum: true,
      code: 'startOngeldig',
      message: 'De startdatum is geen geldige datum (jjjj-mm-dd).',
    });
    if (!problem) throw new Error('no problem');
    expect(ONGELDIGE_DATUM).toBe('ongeldige datum');
    expect(importProblemValue(problem, pfT('nl'))).toBe('ongeldige datum');
    expect(importProblemValue(problem, pfT('en'))).toBe('not a date');
    // A text cell keeps its own text in both languages, also when it happens to read "ongeldige datum".
    const typed = dryRunImport(
      {
        headers: ['Initiatief', 'Domein', 'Start'],
        rows: [{ rowNumber: 2, cells: ['Kaart', 'Concern', 'ongeldige datum'] }],
      },
      { titel: 0, domein: 1, start: 2 },
      { items: [], users: [], actieIdByNummer: new Map() },
    ).rows[0]?.problems[0];
    if (!typed) throw new Error('no problem');
    expect(typed.ongeldigeDatum).toBeUndefined();
    expect(importProblemValue(typed, pfT('en'))).toBe('ongeldige datum');
  });
});
