import { describe, expect, it } from 'vitest';
import { FieldReader, unknownPersonName } from '../../../src/data/lists/field-reader.js';
import { dryRunImport, INVALID_DATE } from '../../../src/data/portfolio-import.js';
import { portfolioTexts, type PortfolioKey } from '../../../src/tab/features/portfolio/i18n.js';
import { importProblemValue } from '../../../src/tab/features/portfolio/lib/import-problem-text.js';
import { PlanInrichtingMismatchError, PlanNotValidError } from '../../../src/data/plan-transfer.js';
import { planFailureReason, rollbackFailureReason } from '../../../src/tab/features/actionplan/lib/plan-failure.js';
import { en } from '../../../src/tab/i18n/en.js';
import { format } from '../../../src/tab/i18n/format.js';
import { nl, type MessageKey } from '../../../src/tab/i18n/nl.js';
import { personName } from '../../../src/tab/lib/labels.js';
import { toSiteUser } from '../../../src/data/lists/site-users.js';
import { GraphRequestError } from '../../../src/data/graph/errors.js';
import { InrichtingError } from '../../../src/data/inrichting-store.js';
import { describeError } from '../../../src/tab/lib/errors.js';
import { AgendaKeuzeValidationError } from '../../../src/data/agendakeuzes-store.js';
import {
  AGENDA_KEUZE_REDEN_MAX,
  agendaKeuzeMessageText,
  agendaKeuzeProblem,
  agendaKeuzeTemplatesNl,
  type AgendaKeuzeMessage,
} from '../../../src/domain/agenda-keuze.js';
import {
  checkInrichting,
  inrichtingMessageValues,
  inrichtingTemplatesNl,
  type InrichtingMessage,
} from '../../../src/domain/inrichting.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

const tNl = (key: MessageKey, values?: Record<string, string | number>) => format(nl[key], values, 'nl');
const tEn = (key: MessageKey, values?: Record<string, string | number>) => format(en[key], values, 'en');
// The plan import's lazy catalogue, by a path in a variable: it belongs to the tab's project, not this one's.
const catalogue = '../../../src/tab/features/actionplan/plan-xlsx-i18n.ts';
const { planXlsxTexts } = (await import(catalogue)) as { planXlsxTexts: Record<'nl' | 'en', Record<string, string>> };
const planT = (locale: 'nl' | 'en') => (key: string, values?: Record<string, string | number>) => {
  const text = planXlsxTexts[locale][key];
  if (text === undefined) throw new Error(`no ${locale} text ${key}`);
  return format(text, values, locale);
};
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

  it('a site user without a name: "Gebruiker id" in Dutch (and the CLI), "User id" in English', () => {
    const unnamed = toSiteUser({ id: '5', eTag: '"1"', fields: { EMail: 'x@zoetermeer.nl' } });
    expect(unnamed).toEqual({ id: '5', displayName: 'Gebruiker 5', email: 'x@zoetermeer.nl', naamloos: true });
    expect(personName(tNl, unnamed)).toBe('Gebruiker 5');
    expect(personName(tEn, unnamed)).toBe('User 5');
    // A named site user is their own name in both languages, and not marked.
    const named = toSiteUser({ id: '6', eTag: '"1"', fields: { Title: 'Secretaris CMT' } });
    expect(named).toEqual({ id: '6', displayName: 'Secretaris CMT' });
    expect(personName(tEn, named)).toBe('Secretaris CMT');
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
      value: INVALID_DATE,
      ongeldigeDatum: true,
      code: 'startOngeldig',
      message: 'De startdatum is geen geldige datum (jjjj-mm-dd).',
    });
    if (!problem) throw new Error('no problem');
    expect(INVALID_DATE).toBe('ongeldige datum');
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

  it('the plan import’s refusals before any write: the Dutch of the data layer’s errors, and English', () => {
    const notValid = new PlanNotValidError(3);
    expect(planT('nl')('notValid', { count: notValid.problems })).toBe(notValid.message);
    expect(planT('en')('notValid', { count: 3 })).toBe('The plan has 3 problems; nothing was saved.');
    expect(planT('en')('notValid', { count: 1 })).toBe('The plan has 1 problem; nothing was saved.');
    const other = new PlanInrichtingMismatchError('Gemeente Westerveld');
    expect(planT('nl')('otherSetUp', { gemeente: other.siteGemeente })).toBe(other.message);
    expect(planT('en')('otherSetUp', { gemeente: 'Gemeente Westerveld' })).toBe(
      'This site already has a set-up of its own (Gemeente Westerveld) that differs from the one on the Inrichting sheet; change the Inrichting list or the file. Nothing was saved.',
    );
  });

  it('the plan import’s failed write and rollback: said by status and step, never in the site’s or the CLI’s words', () => {
    const en = planT('en');
    const nl = planT('nl');
    const reason = (status: number, setUp?: true) => planFailureReason(en, { status, ...(setUp ? { setUp } : {}) });
    expect(reason(0)).toBe('the site did not answer; check the connection');
    expect(reason(403)).toBe('no permission to write to this list');
    expect(reason(404)).toBe('the item or the list does not exist');
    expect(reason(412)).toBe('someone else changed the item meanwhile');
    expect(reason(413)).toBe('the row is too large for SharePoint');
    expect(reason(503)).toBe('SharePoint is busy; try again in a few minutes');
    expect(reason(500)).toBe('SharePoint had a failure');
    expect(reason(400)).toBe('SharePoint refused the row');
    expect(reason(0, true)).toBe('the set-up or the choices of its columns could not be written');
    expect(reason(403, true)).toBe('no permission to write to this list');
    expect(planFailureReason(nl, { status: 400 })).toBe('SharePoint weigerde de rij');
    expect(
      en('failed', { where: en('row', { sheet: 'Acties', row: 4 }), status: 400, detail: reason(400), deleted: 12 }),
    ).toBe(
      'At Acties, row 4 the site answered 400: SharePoint refused the row. 12 items already written were deleted again.',
    );
    const left = { list: 'Acties' as const, key: 'plan:actie:1.1', message: 'Verwijderen mislukt (500).' };
    expect(rollbackFailureReason(en, { ...left, step: 'delete', status: 500 })).toBe('deleting failed (HTTP 500)');
    expect(rollbackFailureReason(nl, { ...left, step: 'delete', status: 500 })).toBe('verwijderen mislukt (HTTP 500)');
    expect(rollbackFailureReason(en, { ...left, step: 'read' })).toBe('the list could not be read');
    expect(rollbackFailureReason(en, { ...left, step: 'choices' })).toBe('the column’s choices were not restored');
  });
});

describe('the set-up’s faults (checkInrichting) in both languages (issue 17)', async () => {
  const W = WESTERVELD_INRICHTING;
  const y = 'y'.repeat(256);
  const short = `${'y'.repeat(40)}…`;
  // One set-up per fault (or a few); each with the English the tab says, in the order the check names them.
  const cases: [unknown, string[]][] = [
    [null, ['The set-up is not a valid list of municipality, domains, themes and plateaus.']],
    [{ ...W, gemeente: ' ' }, ['The name of the municipality is missing.']],
    [
      { ...W, gemeente: ['Gemeente Westerveld', 'Gemeente Havelte'] },
      ['The set-up names more than one municipality (Gemeente Westerveld, Gemeente Havelte); there should be one.'],
    ],
    [{ ...W, gemeente: y }, ['The name of the municipality can be at most 255 characters long.']],
    [
      { gemeente: 'Gemeente Westerveld' },
      [
        'The domains are missing or are not a list.',
        'The themes are missing or are not a list.',
        'The plateaus are missing or are not a list.',
      ],
    ],
    [
      { ...W, domeinen: [...W.domeinen, { naam: ' ' }, { naam: y }, { naam: 'Zorg;#Welzijn' }, { naam: 'ruimte' }] },
      [
        'Domain 7 has no name.',
        `The name of domain '${short}' can be at most 255 characters long.`,
        "The name of domain 'Zorg;#Welzijn' contains ';#'; SharePoint uses that to separate choices.",
        "Domain 'ruimte' is in the set-up more than once.",
      ],
    ],
    [
      {
        ...W,
        themas: [
          ...W.themas,
          { code: 'A', naam: ' ', adviezen: [4] },
          { code: 'B', naam: y, adviezen: [5] },
          { code: 'C', naam: 'Zorg;#Welzijn', adviezen: [6] },
          { code: 's', naam: 'leren', adviezen: [7] },
          { naam: 'Zonder code', adviezen: [8] },
          { code: 'ABCDEFGHI', naam: 'Lang', adviezen: [9] },
          { code: 'D', naam: 'Half', adviezen: [1.5] },
        ],
      },
      [
        'Theme 3 has no name.',
        `The name of theme '${short}' can be at most 255 characters long.`,
        "The name of theme 'Zorg;#Welzijn' contains ';#'; SharePoint uses that to separate choices.",
        'Theme 7 has no code.',
        "The code of theme 'ABCDEFGHI' can be at most 8 characters long.",
        "Theme 'D' names a recommendation that is not a whole number of 1 or more; give the recommendation numbers as 1, 2, 3.",
        "Theme code 's' is in the set-up more than once.",
        "Theme 'leren' is in the set-up more than once.",
      ],
    ],
    [
      {
        ...W,
        themas: [
          ...W.themas,
          { code: 'V', naam: 'Verbinden', adviezen: [2] },
          { code: 'W', naam: 'Werken', adviezen: [2] },
        ],
      },
      ['Recommendation 2 is under more than one theme (S, V, and W); a recommendation belongs to one theme.'],
    ],
    [
      { ...W, plateaus: ['Basis op orde', '', y, 'Zorg;#Welzijn', 'basis op orde'] },
      [
        'Plateau 2 has no name.',
        `The name of plateau '${short}' can be at most 255 characters long.`,
        "The name of plateau 'Zorg;#Welzijn' contains ';#'; SharePoint uses that to separate choices.",
        "Plateau 'basis op orde' is in the set-up more than once.",
      ],
    ],
    [
      { ...W, domeinen: W.domeinen.map((d) => ({ ...d, concern: false })) },
      [
        "Exactly one domain must cover the whole organisation (the CMT's domain, 'Concern' in Zoetermeer); now there are 0.",
      ],
    ],
    [
      { ...W, domeinen: W.domeinen.map((d) => ({ ...d, concern: true })) },
      [
        "Exactly one domain must cover the whole organisation (the CMT's domain, 'Concern' in Zoetermeer); now there are 6.",
        'Besides the domain of the whole organisation, at least one other domain is needed.',
      ],
    ],
    [{ ...W, themas: [], plateaus: [] }, ['No theme has been set up.', 'No plateau has been set up.']],
  ];
  const warning = '../../../src/tab/features/inrichting/i18n.ts';
  const { inrichtingTexts } = (await import(warning)) as {
    inrichtingTexts: Record<'nl' | 'en', Record<string, string>>;
  };
  const said = (catalogue: Record<'nl' | 'en', Record<string, string>>, m: InrichtingMessage, locale: 'nl' | 'en') => {
    const text = catalogue[locale][`problem.${m.key}`];
    if (text === undefined) throw new Error(`no ${locale} text problem.${m.key}`);
    return format(text, inrichtingMessageValues(m, locale), locale);
  };

  it.each(cases.map(([input, english], i) => [i + 1, input, english] as const))('set-up %i', (_n, input, english) => {
    const result = checkInrichting(input);
    if (result.ok) throw new Error('the set-up was accepted');
    for (const catalogue of [planXlsxTexts, inrichtingTexts]) {
      // Dutch: the check's own sentence, word for word (the CLI's and the stores' errors).
      expect(result.problemen.map((p) => said(catalogue, p.bericht, 'nl'))).toEqual(
        result.problemen.map((p) => p.melding),
      );
      expect(result.problemen.map((p) => said(catalogue, p.bericht, 'en'))).toEqual(english);
    }
  });

  it('every fault has a case above; the Dutch list of themes reads "S en V en W" as before', () => {
    const keys = new Set(
      cases.flatMap(([input]) => {
        const result = checkInrichting(input);
        return result.ok ? [] : result.problemen.map((p) => p.bericht.key);
      }),
    );
    expect([...keys].sort()).toEqual(Object.keys(inrichtingTemplatesNl).sort());
    const result = checkInrichting(cases[7]![0]);
    expect(result.ok ? [] : result.problemen.map((p) => p.melding)).toEqual([
      'Advies 2 staat bij meer dan één thema (S en V en W); een advies hoort bij één thema.',
    ]);
    expect(format(inrichtingTexts.en['problem.inrichtingConcernAantal']!, { aantal: 1 }, 'en')).toContain(
      'now there is 1.',
    );
  });
});

describe('the agenda choice’s problems (agendaKeuzeProblem) in both languages (issue 17)', async () => {
  const path = '../../../src/tab/features/meeting/i18n.ts';
  const { meetingTexts } = (await import(path)) as { meetingTexts: Record<'nl' | 'en', Record<string, string>> };
  const say = (m: AgendaKeuzeMessage, locale: 'nl' | 'en') =>
    format(meetingTexts[locale][`fout.${m.key}`] ?? `no fout.${m.key}`, 'params' in m ? m.params : {}, locale);

  it('each problem: the domain’s Dutch word for word, and English; the store’s error carries the message', () => {
    const cases: [Parameters<typeof agendaKeuzeProblem>[0], string][] = [
      [{ keuze: 'Misschien', actieId: '1' }, "Unknown choice 'Misschien': choose Also discuss or Not needed."],
      [{ keuze: 'Ook bespreken', actieId: ' ' }, 'Choose an action.'],
      [{ keuze: 'Niet nodig', actieId: '1', reden: ' ' }, 'Give a reason why this action need not be discussed.'],
      [
        { keuze: 'Niet nodig', actieId: '1', reden: 'x'.repeat(AGENDA_KEUZE_REDEN_MAX + 1) },
        `The reason is ${AGENDA_KEUZE_REDEN_MAX + 1} characters; the maximum is ${AGENDA_KEUZE_REDEN_MAX}.`,
      ],
    ];
    const keys = new Set<string>();
    for (const [input, english] of cases) {
      const p = agendaKeuzeProblem(input);
      if (!p) throw new Error('accepted');
      keys.add(p.bericht.key);
      expect(say(p.bericht, 'nl')).toBe(agendaKeuzeMessageText(p.bericht));
      expect(say(p.bericht, 'en')).toBe(english);
      const error = new AgendaKeuzeValidationError(p.veld, p.bericht);
      expect(error.message).toBe(agendaKeuzeMessageText(p.bericht));
      expect(error.bericht).toEqual(p.bericht);
    }
    expect([...keys].sort()).toEqual(Object.keys(agendaKeuzeTemplatesNl).sort());
  });
});

describe('describeError: the app’s own errors never reach the UI by their Dutch message (issue 17)', () => {
  it('Graph’s status and code stay; a platform error keeps its message; an app error shows only its name', () => {
    expect(describeError(new GraphRequestError('Boom', 500, 'generalException', undefined, {}))).toEqual({
      key: 'plan.loadError',
      detail: '500 generalException',
    });
    expect(describeError(new TypeError('Failed to fetch'))).toEqual({
      key: 'plan.loadError',
      detail: 'Failed to fetch',
    });
    const inrichting = new InrichtingError([]);
    expect(inrichting.message).toMatch(/^De inrichting in de lijst Inrichting klopt niet/);
    expect(describeError(inrichting)).toEqual({ key: 'plan.loadError', detail: 'InrichtingError' });
    const keuze = new AgendaKeuzeValidationError('actie', { key: 'agendaKeuzeActieVerplicht' });
    expect(describeError(keuze)).toEqual({ key: 'plan.loadError', detail: 'AgendaKeuzeValidationError' });
    expect(tEn('plan.loadError', describeError(keuze) as { detail: string })).toBe(
      'The action plan could not be loaded: AgendaKeuzeValidationError',
    );
    expect(describeError('kapot')).toEqual({ key: 'plan.loadError', detail: 'kapot' });
  });
});

describe('the decision log’s people in the UI’s language (issue 17)', () => {
  it('a site user without a name is "User id" in English, "Gebruiker id" in Dutch', async () => {
    const path = '../../../src/tab/features/besluiten/api/use-besluitenlog.ts';
    const { logInputOf } = (await import(path)) as {
      logInputOf: (
        raw: { besluiten: []; mts: []; portfolio: [] },
        plan: { acties: []; users: ReturnType<typeof toSiteUser>[] },
        naam?: (person: ReturnType<typeof toSiteUser>) => string,
      ) => { mensen: Map<string, string> };
    };
    const users = [
      toSiteUser({ id: '5', eTag: '"1"', fields: {} }),
      toSiteUser({ id: '6', eTag: '"1"', fields: { Title: 'Secretaris CMT' } }),
    ];
    const say = (t: typeof tEn) =>
      logInputOf({ besluiten: [], mts: [], portfolio: [] }, { acties: [], users }, (p) => personName(t, p)).mensen;
    expect([...say(tEn)]).toEqual([
      ['5', 'User 5'],
      ['6', 'Secretaris CMT'],
    ]);
    expect(say(tNl).get('5')).toBe('Gebruiker 5');
  });
});
