import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { messageTemplatesNl, messageText } from '../../../src/domain/messages.js';
import type { Actie, Kwartaaldoel, MT, Plan, PortfolioItem } from '../../../src/domain/model.js';
import { checkVervallen } from '../../../src/domain/plan-changes.js';
import { checkTransition } from '../../../src/domain/status.js';
import {
  validateActie,
  validateAdvies,
  validateBevinding,
  kwartaaldoelOutcomeIssues,
  validateKwartaaldoel,
  validateMT,
  validatePlan,
  validatePortfolio,
  validatePortfolioItem,
  validationMessages as M,
  type DomainMessage,
  type DomainMessageKey,
  type ValidationIssue,
  type ValidationResult,
} from '../../../src/domain/validation.js';

// ---------- valid examples ----------

const actie: Actie = {
  nummer: '11.5',
  titel: 'Digitalisering als vast thema MT-vergaderingen',
  advies: 11,
  plateau: 'Randvoorwaardelijk',
  domeinen: ['Bedrijfsvoering', 'Concern'],
  status: 'Loopt',
  eigenaar: { displayName: 'Gemeentesecretaris' },
  deadline: '2025-12-31',
  planning: 'Geheel 2025 en verder',
  afhankelijkVan: [],
  bevindingen: [9],
};
const advies = {
  nummer: 11,
  titel: 'Voortdurend aandacht voor digitalisering en digitaal leiderschap',
  thema: 'C',
  plateau: 'Randvoorwaardelijk',
  collegeReactie: 'Het belang van digitalisering wordt expliciet op de agenda gezet.',
  collegePlanning: 'Geheel 2025 en verder',
};
const bevinding = {
  nummer: 9,
  titel: 'Ben je digitaal competent?',
  toelichting: 'Digitale competenties staan niet centraal.',
};
const item: PortfolioItem = {
  key: 'burgerportaal',
  titel: 'Burgerportaal',
  omschrijving: 'Portaal voor inwoners.',
  domein: 'Dienstverlening',
  opdrachtgever: { displayName: 'Afdelingshoofd Dienstverlening', email: 'ahd@zoetermeer.nl' },
  fase: 'Uitvoering',
  status: 'Op koers',
  prioriteit: 3,
  ditKwartaal: 'wel',
  start: '2025-04-01',
  einde: '2026-12-31',
  acties: ['6.1', '6.2'],
};
const doel: Kwartaaldoel = {
  portfolioKey: 'burgerportaal',
  kwartaal: '2026-Q3',
  doel: 'Status van aanvragen zichtbaar',
  behaald: 'ja',
};
/** A moment in Q4 2026 in Amsterdam (the last day of the quarter, late in the evening). */
const DECEMBER_2026 = new Date('2026-12-31T22:30:00Z');
const mt: MT = { key: 'cmt', naam: 'CMT', domeinen: ['Concern'], schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=9;BYMINUTE=0' };
const plan: Plan = {
  themas: [{ code: 'C', naam: 'Continu leren', adviezen: [11] }],
  adviezen: [advies as Plan['adviezen'][number]],
  bevindingen: [bevinding],
  acties: [
    { ...actie, nummer: '11.4', afhankelijkVan: [] },
    { ...actie, afhankelijkVan: ['11.4'] },
  ],
};

// ---------- helpers ----------

function issuesOf<T>(r: ValidationResult<T>): ValidationIssue[] {
  return r.ok ? [] : r.issues;
}

/** A way to provoke a message: the issues it yields, the expected message and (optionally) its path. */
type Trigger = { label: string; issues: () => ValidationIssue[]; message: DomainMessage; path?: string };

/** The messages only the stores give (they need the site: its users, its adviezen, an MT's schedule in detail). */
const STORE_KEYS = [
  'adviesNietOpSite',
  'actieHoortNietBijDomein',
  'actieBestaatNiet',
  'portfolioItemBestaatNiet',
  'mtSleutelBestaat',
  'mtNaamBestaat',
  'eigenaarOnbekend',
  'beheerdersOnbekend',
  'teamIdVorm',
  'kanaalIdVorm',
  'schemaVervallenOngeldig',
  'schemaStartOngeldig',
  'schemaEenRegel',
  'schemaZonderFreq',
  'schemaOnderdeelOngeldig',
] as const satisfies readonly DomainMessageKey[];
/**
 * The messages of other modules, each proved reachable by its own module's tests: escalation (agendering.test.ts),
 * the schedule picker (schedule-choice.test.ts) and the tolerant field reader (field-reader.test.ts).
 */
type OtherModuleKey = Extract<DomainMessageKey, `agendering${string}` | `keuze${string}` | `veld${string}`>;
const isOtherModuleKey = (key: string): boolean => /^(agendering|keuze|veld)[A-Z]/.test(key);
type ValidationMessageKey = Exclude<DomainMessageKey, (typeof STORE_KEYS)[number] | OtherModuleKey>;

const withActie = (patch: Record<string, unknown>) => () => issuesOf(validateActie({ ...actie, ...patch }));
const withItem = (patch: Record<string, unknown>) => () => issuesOf(validatePortfolioItem({ ...item, ...patch }));
const withDoel = (patch: Record<string, unknown>) => () => issuesOf(validateKwartaaldoel({ ...doel, ...patch }));
const withMT = (patch: Record<string, unknown>) => () => issuesOf(validateMT({ ...mt, ...patch }));
const withAdvies = (patch: Record<string, unknown>) => () => issuesOf(validateAdvies({ ...advies, ...patch }));
const withBevinding = (patch: Record<string, unknown>) => () => issuesOf(validateBevinding({ ...bevinding, ...patch }));
const withPlan = (patch: Partial<Plan>) => () => issuesOf(validatePlan({ ...plan, ...patch }));
const transition =
  (...args: Parameters<typeof checkTransition>) =>
  (): ValidationIssue[] => {
    const r = checkTransition(...args);
    return r.ok ? [] : [{ path: 'status', message: r.message }];
  };

/** Every message in validationMessages, with at least one input that produces it. */
const TRIGGERS: Record<ValidationMessageKey, Trigger[]> = {
  actieGeenObject: [
    { label: 'null', issues: () => issuesOf(validateActie(null)), message: M.actieGeenObject, path: '' },
    { label: 'a string', issues: () => issuesOf(validateActie('11.5')), message: M.actieGeenObject, path: '' },
  ],
  adviesGeenObject: [
    { label: 'a number', issues: () => issuesOf(validateAdvies(11)), message: M.adviesGeenObject, path: '' },
  ],
  bevindingGeenObject: [
    { label: 'an array', issues: () => issuesOf(validateBevinding([])), message: M.bevindingGeenObject, path: '' },
  ],
  portfolioGeenObject: [
    {
      label: 'undefined item',
      issues: () => issuesOf(validatePortfolioItem(undefined)),
      message: M.portfolioGeenObject,
      path: '',
    },
    {
      label: 'portfolio without items',
      issues: () => issuesOf(validatePortfolio({})),
      message: M.portfolioGeenObject,
      path: 'items',
    },
  ],
  kwartaaldoelGeenObject: [
    { label: 'true', issues: () => issuesOf(validateKwartaaldoel(true)), message: M.kwartaaldoelGeenObject, path: '' },
  ],
  mtGeenObject: [{ label: 'a string', issues: () => issuesOf(validateMT('CMT')), message: M.mtGeenObject, path: '' }],
  planGeenObject: [
    { label: 'null plan', issues: () => issuesOf(validatePlan(null)), message: M.planGeenObject, path: '' },
    {
      label: 'acties not a list',
      issues: withPlan({ acties: 'geen' as unknown as Actie[] }),
      message: M.planGeenObject,
      path: 'acties',
    },
  ],
  tekstVerwacht: [
    {
      label: 'toelichting as a number',
      issues: withActie({ statusToelichting: 42 }),
      message: M.tekstVerwacht,
      path: 'statusToelichting',
    },
    {
      label: 'collegeReactie as a list',
      issues: withAdvies({ collegeReactie: ['x'] }),
      message: M.tekstVerwacht,
      path: 'collegeReactie',
    },
  ],

  titelVerplicht: [
    { label: 'missing', issues: withActie({ titel: undefined }), message: M.titelVerplicht, path: 'titel' },
    { label: 'blank', issues: withActie({ titel: '   ' }), message: M.titelVerplicht, path: 'titel' },
    { label: 'bevinding', issues: withBevinding({ titel: null }), message: M.titelVerplicht, path: 'titel' },
  ],
  // A portfolio item's title is its "Initiatief", and its message says so.
  initiatiefVerplicht: [
    { label: 'empty', issues: withItem({ titel: '' }), message: M.initiatiefVerplicht, path: 'titel' },
    { label: 'blank', issues: withItem({ titel: '  ' }), message: M.initiatiefVerplicht, path: 'titel' },
  ],
  titelTeLang: [
    { label: '256 characters', issues: withActie({ titel: 'x'.repeat(256) }), message: M.titelTeLang, path: 'titel' },
    { label: 'advies', issues: withAdvies({ titel: 'x'.repeat(300) }), message: M.titelTeLang, path: 'titel' },
  ],
  sleutelVerplicht: [
    { label: 'portfolio', issues: withItem({ key: '' }), message: M.sleutelVerplicht, path: 'key' },
    { label: 'MT', issues: withMT({ key: undefined }), message: M.sleutelVerplicht, path: 'key' },
  ],
  sleutelTeLang: [
    { label: '256 characters', issues: withItem({ key: 'k'.repeat(256) }), message: M.sleutelTeLang, path: 'key' },
  ],
  plateauOngeldig: [
    { label: 'unknown', issues: withActie({ plateau: 'Fundament' }), message: M.plateauOngeldig, path: 'plateau' },
    { label: 'advies', issues: withAdvies({ plateau: undefined }), message: M.plateauOngeldig, path: 'plateau' },
  ],
  domeinOngeldig: [
    {
      label: 'unknown in a list',
      issues: withActie({ domeinen: ['Concern', 'Fysiek'] }),
      message: M.domeinOngeldig,
      path: 'domeinen.1',
    },
    { label: 'portfolio', issues: withItem({ domein: 'Sociaal' }), message: M.domeinOngeldig, path: 'domein' },
  ],
  domeinenLeeg: [
    { label: 'empty', issues: withActie({ domeinen: [] }), message: M.domeinenLeeg, path: 'domeinen' },
    { label: 'not a list', issues: withMT({ domeinen: 'Concern' }), message: M.domeinenLeeg, path: 'domeinen' },
  ],
  domeinDubbel: [
    {
      label: 'twice',
      issues: withActie({ domeinen: ['Concern', 'Concern'] }),
      message: M.domeinDubbel,
      path: 'domeinen.1',
    },
  ],
  startOngeldig: [
    { label: 'actie', issues: withActie({ start: '2026-13-01' }), message: M.startOngeldig, path: 'start' },
    { label: 'portfolio', issues: withItem({ start: '01-04-2025' }), message: M.startOngeldig, path: 'start' },
  ],
  persoonNaamVerplicht: [
    {
      label: 'blank name',
      issues: withActie({ eigenaar: { displayName: ' ' } }),
      message: M.persoonNaamVerplicht,
      path: 'eigenaar.displayName',
    },
    {
      label: 'not an object',
      issues: withItem({ opdrachtgever: 'Directeur' }),
      message: M.persoonNaamVerplicht,
      path: 'opdrachtgever',
    },
  ],
  persoonNaamTeLang: [
    {
      label: '256',
      issues: withActie({ eigenaar: { displayName: 'n'.repeat(256) } }),
      message: M.persoonNaamTeLang,
      path: 'eigenaar.displayName',
    },
  ],
  emailOngeldig: [
    {
      label: 'no @',
      issues: withItem({ informatiemanager: { displayName: 'IM', email: 'im.zoetermeer.nl' } }),
      message: M.emailOngeldig,
      path: 'informatiemanager.email',
    },
  ],

  actienummerVorm: [
    { label: 'comma', issues: withActie({ nummer: '11,5' }), message: M.actienummerVorm, path: 'nummer' },
    { label: 'no dot', issues: withActie({ nummer: '115' }), message: M.actienummerVorm, path: 'nummer' },
    { label: 'leading zero', issues: withActie({ nummer: '11.05' }), message: M.actienummerVorm, path: 'nummer' },
    { label: 'a number', issues: withActie({ nummer: 11.5 }), message: M.actienummerVorm, path: 'nummer' },
  ],
  actienummerHoortBijAdvies: [
    {
      label: '3.2 under advies 4',
      issues: withActie({ nummer: '3.2', advies: 4 }),
      message: M.actienummerHoortBijAdvies,
      path: 'nummer',
    },
    {
      label: '1.1 under advies 11',
      issues: withActie({ nummer: '1.1', advies: 11 }),
      message: M.actienummerHoortBijAdvies,
      path: 'nummer',
    },
  ],
  actieAdviesOngeldig: [
    { label: 'zero', issues: withActie({ advies: 0 }), message: M.actieAdviesOngeldig, path: 'advies' },
    { label: 'text', issues: withActie({ advies: '11' }), message: M.actieAdviesOngeldig, path: 'advies' },
    { label: 'fraction', issues: withActie({ advies: 1.5 }), message: M.actieAdviesOngeldig, path: 'advies' },
  ],
  statusOngeldig: [
    { label: 'unknown', issues: withActie({ status: 'Klaar' }), message: M.statusOngeldig, path: 'status' },
    { label: 'missing', issues: withActie({ status: undefined }), message: M.statusOngeldig, path: 'status' },
  ],
  toelichtingGeblokkeerd: [
    {
      label: 'action without reason',
      issues: withActie({ status: 'Geblokkeerd' }),
      message: M.toelichtingGeblokkeerd,
      path: 'statusToelichting',
    },
    {
      label: 'blank reason',
      issues: withActie({ status: 'Geblokkeerd', statusToelichting: '  ' }),
      message: M.toelichtingGeblokkeerd,
      path: 'statusToelichting',
    },
    { label: 'transition', issues: transition('Loopt', 'Geblokkeerd'), message: M.toelichtingGeblokkeerd },
  ],
  toelichtingNietOvergenomen: [
    {
      label: 'action',
      issues: withActie({ status: 'Niet overgenomen', statusToelichting: null }),
      message: M.toelichtingNietOvergenomen,
      path: 'statusToelichting',
    },
    {
      label: 'transition',
      issues: transition('Niet gestart', 'Niet overgenomen', ''),
      message: M.toelichtingNietOvergenomen,
    },
  ],
  toelichtingHeropenen: [
    { label: 'Afgerond → Loopt', issues: transition('Afgerond', 'Loopt'), message: M.toelichtingHeropenen },
  ],
  toelichtingHeroverwegen: [
    {
      label: 'Niet overgenomen → Niet gestart',
      issues: transition('Niet overgenomen', 'Niet gestart'),
      message: M.toelichtingHeroverwegen,
    },
  ],
  lopendTrajectVerplicht: [
    {
      label: 'Belegd without track',
      issues: withActie({ status: 'Belegd in lopend traject' }),
      message: M.lopendTrajectVerplicht,
      path: 'lopendTraject',
    },
  ],
  lopendTrajectTeLang: [
    {
      label: '256',
      issues: withActie({ lopendTraject: 't'.repeat(256) }),
      message: M.lopendTrajectTeLang,
      path: 'lopendTraject',
    },
  ],
  planningTeLang: [
    { label: '256', issues: withActie({ planning: 'p'.repeat(256) }), message: M.planningTeLang, path: 'planning' },
  ],
  deadlineOngeldig: [
    {
      label: '30 February',
      issues: withActie({ deadline: '2025-02-30' }),
      message: M.deadlineOngeldig,
      path: 'deadline',
    },
    {
      label: 'Dutch notation',
      issues: withActie({ deadline: '31-12-2025' }),
      message: M.deadlineOngeldig,
      path: 'deadline',
    },
    {
      label: 'an instant',
      issues: withActie({ deadline: '2025-12-30T23:00:00Z' }),
      message: M.deadlineOngeldig,
      path: 'deadline',
    },
    {
      label: 'a Date',
      issues: withActie({ deadline: new Date('2025-12-31') }),
      message: M.deadlineOngeldig,
      path: 'deadline',
    },
  ],
  deadlineVoorStart: [
    {
      label: 'deadline a day early',
      issues: withActie({ start: '2026-01-01', deadline: '2025-12-31' }),
      message: M.deadlineVoorStart,
      path: 'deadline',
    },
    {
      label: 'next to a wrong start',
      issues: withActie({ start: '2026-02-30', deadline: '2025-12-31', titel: '' }),
      message: M.startOngeldig,
      path: 'start',
    },
  ],
  afhankelijkhedenGeenLijst: [
    {
      label: 'text',
      issues: withActie({ afhankelijkVan: '2.1' }),
      message: M.afhankelijkhedenGeenLijst,
      path: 'afhankelijkVan',
    },
  ],
  afhankelijkheidVorm: [
    {
      label: 'bare number',
      issues: withActie({ afhankelijkVan: ['2'] }),
      message: M.afhankelijkheidVorm,
      path: 'afhankelijkVan.0',
    },
  ],
  afhankelijkVanZichzelf: [
    {
      label: 'self',
      issues: withActie({ afhankelijkVan: ['11.4', '11.5'] }),
      message: M.afhankelijkVanZichzelf,
      path: 'afhankelijkVan.1',
    },
  ],
  afhankelijkheidDubbel: [
    {
      label: 'twice',
      issues: withActie({ afhankelijkVan: ['2.1', '2.1'] }),
      message: M.afhankelijkheidDubbel,
      path: 'afhankelijkVan.1',
    },
  ],
  bevindingenGeenLijst: [
    { label: 'a number', issues: withActie({ bevindingen: 9 }), message: M.bevindingenGeenLijst, path: 'bevindingen' },
  ],
  bevindingVerwijzingOngeldig: [
    {
      label: 'zero',
      issues: withActie({ bevindingen: [0] }),
      message: M.bevindingVerwijzingOngeldig,
      path: 'bevindingen.0',
    },
    {
      label: 'text',
      issues: withActie({ bevindingen: [9, '3'] }),
      message: M.bevindingVerwijzingOngeldig,
      path: 'bevindingen.1',
    },
  ],
  bevindingDubbel: [
    {
      label: 'twice',
      issues: withActie({ bevindingen: [9, 3, 9] }),
      message: M.bevindingDubbel,
      path: 'bevindingen.2',
    },
  ],

  adviesnummerOngeldig: [
    { label: 'negative', issues: withAdvies({ nummer: -1 }), message: M.adviesnummerOngeldig, path: 'nummer' },
    {
      label: 'theme lists a fraction',
      issues: withPlan({ themas: [{ code: 'C', naam: 'Continu leren', adviezen: [1.5] }] }),
      message: M.adviesnummerOngeldig,
      path: 'themas.0.adviezen.0',
    },
  ],
  themaOngeldig: [
    { label: 'D', issues: withAdvies({ thema: 'D' }), message: M.themaOngeldig, path: 'thema' },
    { label: 'lower case', issues: withAdvies({ thema: 'a' }), message: M.themaOngeldig, path: 'thema' },
  ],
  statusToelichtingTeLang: [
    {
      label: '1001 characters',
      issues: withActie({ statusToelichting: 't'.repeat(1001) }),
      message: M.statusToelichtingTeLang,
      path: 'statusToelichting',
    },
    {
      label: 'portfolio, 1001',
      issues: withItem({ statusToelichting: 't'.repeat(1001) }),
      message: M.statusToelichtingTeLang,
      path: 'statusToelichting',
    },
  ],
  samenhangGeenLijst: [
    {
      label: 'a text',
      issues: withAdvies({ samenhangMet: '3 en 5' }),
      message: M.samenhangGeenLijst,
      path: 'samenhangMet',
    },
  ],
  samenhangVerwijzingOngeldig: [
    {
      label: '0',
      issues: withAdvies({ samenhangMet: [0] }),
      message: M.samenhangVerwijzingOngeldig,
      path: 'samenhangMet.0',
    },
  ],
  samenhangDubbel: [
    {
      label: '3 twice',
      issues: withAdvies({ samenhangMet: [3, 3] }),
      message: M.samenhangDubbel,
      path: 'samenhangMet.1',
    },
  ],
  samenhangMetZichzelf: [
    {
      label: 'itself',
      issues: withPlan({ adviezen: [{ ...(advies as Plan['adviezen'][number]), samenhangMet: [11] }] }),
      message: M.samenhangMetZichzelf,
      path: 'adviezen.0.samenhangMet.0',
    },
  ],
  samenhangOnbekend: [
    {
      label: 'advies 3 absent',
      issues: withPlan({ adviezen: [{ ...(advies as Plan['adviezen'][number]), samenhangMet: [3] }] }),
      message: M.samenhangOnbekend(11, 3),
      path: 'adviezen.0.samenhangMet.0',
    },
  ],
  collegeReactieTeLang: [
    {
      label: '2001',
      issues: withAdvies({ collegeReactie: 'r'.repeat(2001) }),
      message: M.collegeReactieTeLang,
      path: 'collegeReactie',
    },
  ],
  bevindingToelichtingTeLang: [
    {
      label: '2001',
      issues: withBevinding({ toelichting: 'b'.repeat(2001) }),
      message: M.bevindingToelichtingTeLang,
      path: 'toelichting',
    },
  ],
  omschrijvingTeLang: [
    {
      label: '2001',
      issues: withItem({ omschrijving: 'o'.repeat(2001) }),
      message: M.omschrijvingTeLang,
      path: 'omschrijving',
    },
  ],
  doelTeLang: [{ label: '501', issues: withDoel({ doel: 'd'.repeat(501) }), message: M.doelTeLang, path: 'doel' }],
  redenTeLang: [
    {
      label: '1001',
      issues: withDoel({ behaald: 'nee', reden: 'r'.repeat(1001) }),
      message: M.redenTeLang,
      path: 'reden',
    },
  ],
  collegePlanningTeLang: [
    {
      label: '256',
      issues: withAdvies({ collegePlanning: 'p'.repeat(256) }),
      message: M.collegePlanningTeLang,
      path: 'collegePlanning',
    },
  ],

  bevindingnummerOngeldig: [
    { label: 'text', issues: withBevinding({ nummer: 'negen' }), message: M.bevindingnummerOngeldig, path: 'nummer' },
  ],

  faseOngeldig: [{ label: 'unknown', issues: withItem({ fase: 'Bouw' }), message: M.faseOngeldig, path: 'fase' }],
  portfolioStatusOngeldig: [
    {
      label: 'an action status',
      issues: withItem({ status: 'Loopt' }),
      message: M.portfolioStatusOngeldig,
      path: 'status',
    },
  ],
  toelichtingKritiek: [
    {
      label: 'Kritiek without reason',
      issues: withItem({ status: 'Kritiek' }),
      message: M.toelichtingKritiek,
      path: 'statusToelichting',
    },
  ],
  prioriteitOngeldig: [
    { label: 'zero', issues: withItem({ prioriteit: 0 }), message: M.prioriteitOngeldig, path: 'prioriteit' },
    { label: 'fraction', issues: withItem({ prioriteit: 2.5 }), message: M.prioriteitOngeldig, path: 'prioriteit' },
    { label: 'text', issues: withItem({ prioriteit: 'hoog' }), message: M.prioriteitOngeldig, path: 'prioriteit' },
  ],
  ditKwartaalOngeldig: [
    { label: 'ja', issues: withItem({ ditKwartaal: 'ja' }), message: M.ditKwartaalOngeldig, path: 'ditKwartaal' },
    { label: 'boolean', issues: withItem({ ditKwartaal: true }), message: M.ditKwartaalOngeldig, path: 'ditKwartaal' },
  ],
  eindeOngeldig: [
    { label: '31 June', issues: withItem({ einde: '2026-06-31' }), message: M.eindeOngeldig, path: 'einde' },
  ],
  eindeVoorStart: [
    {
      label: 'end before start',
      issues: withItem({ start: '2026-07-01', einde: '2026-06-30' }),
      message: M.eindeVoorStart,
      path: 'einde',
    },
  ],
  gekoppeldeActiesGeenLijst: [
    { label: 'text', issues: withItem({ acties: '6.1' }), message: M.gekoppeldeActiesGeenLijst, path: 'acties' },
  ],
  gekoppeldeActieVorm: [
    {
      label: 'bad number',
      issues: withItem({ acties: ['6.1', 'zes'] }),
      message: M.gekoppeldeActieVorm,
      path: 'acties.1',
    },
  ],
  gekoppeldeActieDubbel: [
    {
      label: 'twice',
      issues: withItem({ acties: ['6.1', '6.1'] }),
      message: M.gekoppeldeActieDubbel,
      path: 'acties.1',
    },
  ],

  kwartaaldoelPortfolioVerplicht: [
    {
      label: 'missing',
      issues: withDoel({ portfolioKey: undefined }),
      message: M.kwartaaldoelPortfolioVerplicht,
      path: 'portfolioKey',
    },
  ],
  kwartaalVorm: [
    { label: 'Q5', issues: withDoel({ kwartaal: '2026-Q5' }), message: M.kwartaalVorm, path: 'kwartaal' },
    { label: 'Dutch', issues: withDoel({ kwartaal: 'Q3 2026' }), message: M.kwartaalVorm, path: 'kwartaal' },
    { label: 'missing', issues: withDoel({ kwartaal: undefined }), message: M.kwartaalVorm, path: 'kwartaal' },
  ],
  doelVerplicht: [{ label: 'blank', issues: withDoel({ doel: ' ' }), message: M.doelVerplicht, path: 'doel' }],
  behaaldOngeldig: [
    { label: 'misschien', issues: withDoel({ behaald: 'misschien' }), message: M.behaaldOngeldig, path: 'behaald' },
  ],
  behaaldTeVroeg: [
    {
      label: 'ja, for the quarter after the current one',
      issues: () => kwartaaldoelOutcomeIssues({ kwartaal: '2027-Q1', behaald: 'ja' }, DECEMBER_2026),
      message: M.behaaldTeVroeg,
      path: 'behaald',
    },
  ],
  redenVerplicht: [
    { label: 'deels', issues: withDoel({ behaald: 'deels' }), message: M.redenVerplicht, path: 'reden' },
    {
      label: 'nee, blank reason',
      issues: withDoel({ behaald: 'nee', reden: '' }),
      message: M.redenVerplicht,
      path: 'reden',
    },
  ],

  mtNaamVerplicht: [{ label: 'blank', issues: withMT({ naam: '' }), message: M.mtNaamVerplicht, path: 'naam' }],
  mtNaamTeLang: [{ label: '256', issues: withMT({ naam: 'm'.repeat(256) }), message: M.mtNaamTeLang, path: 'naam' }],
  schemaOngeldig: [
    { label: 'prose', issues: withMT({ schema: 'elke dinsdag om 9 uur' }), message: M.schemaOngeldig, path: 'schema' },
    { label: 'yearly', issues: withMT({ schema: 'FREQ=YEARLY;BYHOUR=9' }), message: M.schemaOngeldig, path: 'schema' },
    {
      label: 'hour 24',
      issues: withMT({ schema: 'FREQ=WEEKLY;BYDAY=TU;BYHOUR=24' }),
      message: M.schemaOngeldig,
      path: 'schema',
    },
    {
      label: 'UTC start',
      issues: withMT({ schema: 'DTSTART:20260106T080000Z\nRRULE:FREQ=WEEKLY;BYDAY=TU' }),
      message: M.schemaOngeldig,
      path: 'schema',
    },
  ],
  schemaZonderStart: [
    {
      label: 'every other week',
      issues: withMT({ schema: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=9;BYMINUTE=30' }),
      message: M.schemaZonderStart,
      path: 'schema',
    },
    {
      label: 'weekly without a day',
      issues: withMT({ schema: 'FREQ=WEEKLY;BYHOUR=9' }),
      message: M.schemaZonderStart,
      path: 'schema',
    },
  ],
  schemaZonderTijd: [
    {
      label: 'no hour',
      issues: withMT({ schema: 'FREQ=WEEKLY;BYDAY=TU' }),
      message: M.schemaZonderTijd,
      path: 'schema',
    },
  ],
  voorlooptijdOngeldig: [
    {
      label: 'negative',
      issues: withMT({ voorlooptijdMinuten: -5 }),
      message: M.voorlooptijdOngeldig,
      path: 'voorlooptijdMinuten',
    },
    {
      label: 'text',
      issues: withMT({ voorlooptijdMinuten: '1 dag' }),
      message: M.voorlooptijdOngeldig,
      path: 'voorlooptijdMinuten',
    },
  ],
  actiefOngeldig: [{ label: 'text', issues: withMT({ actief: 'ja' }), message: M.actiefOngeldig, path: 'actief' }],

  zelfdeStatus: [{ label: 'Loopt → Loopt', issues: transition('Loopt', 'Loopt'), message: M.zelfdeStatus('Loopt') }],
  overgangNietToegestaan: [
    {
      label: 'Afgerond → Geblokkeerd',
      issues: transition('Afgerond', 'Geblokkeerd', 'x'),
      message: M.overgangNietToegestaan('Afgerond', 'Geblokkeerd', ['Loopt']),
    },
  ],

  actienummerDubbel: [
    {
      label: 'two 11.5',
      issues: withPlan({ acties: [actie, { ...actie }] }),
      message: M.actienummerDubbel('11.5'),
      path: 'acties.1.nummer',
    },
  ],
  adviesnummerDubbel: [
    {
      label: 'two 11',
      issues: withPlan({ adviezen: [plan.adviezen[0]!, plan.adviezen[0]!] }),
      message: M.adviesnummerDubbel(11),
      path: 'adviezen.1.nummer',
    },
  ],
  bevindingnummerDubbel: [
    {
      label: 'two 9',
      issues: withPlan({ bevindingen: [bevinding, bevinding] }),
      message: M.bevindingnummerDubbel(9),
      path: 'bevindingen.1.nummer',
    },
  ],
  adviesOnbekend: [
    {
      label: 'advies 12',
      issues: withPlan({ acties: [{ ...actie, nummer: '12.1', advies: 12 }] }),
      message: M.adviesOnbekend('12.1', 12),
      path: 'acties.0.advies',
    },
  ],
  afhankelijkheidOnbekend: [
    {
      label: 'depends on 11.9',
      issues: withPlan({ acties: [{ ...actie, afhankelijkVan: ['11.9'] }] }),
      message: M.afhankelijkheidOnbekend('11.5', '11.9'),
      path: 'acties.0.afhankelijkVan.0',
    },
  ],
  bevindingOnbekend: [
    {
      label: 'finding 10',
      issues: withPlan({ acties: [{ ...actie, bevindingen: [9, 10] }] }),
      message: M.bevindingOnbekend('11.5', 10),
      path: 'acties.0.bevindingen.1',
    },
  ],
  afhankelijkheidsKring: [
    {
      label: 'three actions in a ring',
      issues: withPlan({
        acties: [
          { ...actie, nummer: '11.6', afhankelijkVan: ['11.4'] },
          { ...actie, nummer: '11.4', afhankelijkVan: ['11.5'] },
          { ...actie, nummer: '11.5', afhankelijkVan: ['11.6'] },
        ],
      }),
      message: M.afhankelijkheidsKring(['11.4', '11.5', '11.6', '11.4']),
      path: 'acties.1.afhankelijkVan',
    },
  ],
  vervallenRedenVerplicht: [
    {
      label: 'retired without a reason',
      issues: withActie({ vervallen: true }),
      message: M.vervallenRedenVerplicht,
      path: 'vervallenReden',
    },
    {
      label: 'retired with a blank reason',
      issues: withActie({ vervallen: true, vervallenReden: '  ' }),
      message: M.vervallenRedenVerplicht,
      path: 'vervallenReden',
    },
    {
      label: 'checkVervallen without a reason',
      issues: () => {
        const r = checkVervallen(actie, ' ');
        return r.ok ? [] : [{ path: 'vervallenReden', message: r.message }];
      },
      message: M.vervallenRedenVerplicht,
    },
  ],
  vervallenGeenJaNee: [
    {
      label: 'a text',
      issues: withActie({ vervallen: 'ja', vervallenReden: 'x' }),
      message: M.vervallenGeenJaNee,
      path: 'vervallen',
    },
  ],
  alVervallen: [
    {
      label: 'retiring twice',
      issues: () => {
        const r = checkVervallen({ ...actie, vervallen: true }, 'nogmaals');
        return r.ok ? [] : [{ path: 'vervallen', message: r.message }];
      },
      message: M.alVervallen('11.5'),
    },
  ],
  sleutelDubbel: [
    {
      label: 'two burgerportaal',
      issues: () => issuesOf(validatePortfolio({ items: [item, item], kwartaaldoelen: [] })),
      message: M.sleutelDubbel('burgerportaal'),
      path: 'items.1.key',
    },
  ],
  gekoppeldeActieOnbekend: [
    {
      label: 'linked to 6.3',
      issues: () => issuesOf(validatePortfolio({ items: [{ ...item, acties: ['6.3'] }] }, [{ nummer: '6.1' }])),
      message: M.gekoppeldeActieOnbekend('burgerportaal', '6.3'),
      path: 'items.0.acties.0',
    },
  ],
  kwartaaldoelPortfolioOnbekend: [
    {
      label: 'goal of a missing item',
      issues: () =>
        issuesOf(validatePortfolio({ items: [item], kwartaaldoelen: [{ ...doel, portfolioKey: 'zaaksysteem' }] })),
      message: M.kwartaaldoelPortfolioOnbekend('zaaksysteem'),
      path: 'kwartaaldoelen.0.portfolioKey',
    },
  ],
};

describe('every validation message is reachable', () => {
  it('each message has at least one input that produces it', () => {
    const keys = Object.keys(M)
      .filter((k) => !(STORE_KEYS as readonly string[]).includes(k) && !isOtherModuleKey(k))
      .sort();
    expect(Object.keys(TRIGGERS).sort()).toEqual(keys);
    for (const k of keys) expect(TRIGGERS[k as ValidationMessageKey].length, k).toBeGreaterThan(0);
  });

  const rows = Object.entries(TRIGGERS).flatMap(([key, triggers]) => triggers.map((t) => [key, t.label, t] as const));
  it.each(rows)('%s (%s)', (_key, _label, t) => {
    const issues = t.issues();
    const match = issues.find(
      (i) => isDeepStrictEqual(i.message, t.message) && (t.path === undefined || i.path === t.path),
    );
    expect(match, JSON.stringify(issues)).toBeDefined();
  });
});

describe('the messages', () => {
  it('are Dutch sentences that end with a full stop or question mark', () => {
    for (const key of Object.keys(TRIGGERS) as ValidationMessageKey[]) {
      // Each message is checked as rendered in Dutch from its first trigger.
      const first = TRIGGERS[key][0];
      const text = first ? messageText(first.message) : '';
      expect(text, key).toMatch(/[.?]$/);
      expect(text, key).not.toMatch(/\b(Invalid|Required|Expected|must)\b/);
    }
  });

  it('no English zod default leaks out of garbage input', () => {
    const known = new Set<string>(Object.keys(messageTemplatesNl));
    const garbage: unknown[] = [
      null,
      undefined,
      0,
      'x',
      [],
      {},
      { nummer: {}, titel: [], domeinen: {}, status: 1, eigenaar: 5, deadline: 5 },
    ];
    for (const g of garbage) {
      const validators: ((v: unknown) => ValidationResult<unknown>)[] = [
        validateActie,
        validateAdvies,
        validateBevinding,
        validatePortfolioItem,
        validateKwartaaldoel,
        validateMT,
        validatePlan,
      ];
      for (const validate of validators) {
        for (const issue of issuesOf(validate(g))) expect(known.has(issue.message.key), issue.message.key).toBe(true);
      }
    }
  });
});

describe('valid input passes, tidied', () => {
  it('a complete action passes unchanged', () => {
    expect(validateActie(actie)).toEqual({ ok: true, value: actie });
  });

  it('each entity passes', () => {
    expect(validateAdvies(advies).ok).toBe(true);
    expect(validateBevinding(bevinding).ok).toBe(true);
    expect(validatePortfolioItem(item)).toEqual({ ok: true, value: item });
    expect(validateKwartaaldoel(doel)).toEqual({ ok: true, value: doel });
    expect(validateMT(mt)).toEqual({ ok: true, value: mt });
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('null and blank optional fields count as absent, as SharePoint returns empty columns', () => {
    const r = validateActie({
      ...actie,
      deadline: null,
      start: '',
      statusToelichting: '  ',
      eigenaar: null,
      planning: null,
      lopendTraject: '',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.deadline).toBeUndefined();
    expect(r.value.start).toBeUndefined();
    expect(r.value.statusToelichting).toBeUndefined();
    expect(r.value.eigenaar).toBeUndefined();
    expect(r.value.planning).toBeUndefined();
    expect(r.value.lopendTraject).toBeUndefined();
  });

  it('missing link lists mean no links', () => {
    const { afhankelijkVan: _a, bevindingen: _b, ...rest } = actie;
    const r = validateActie(rest);
    expect(r.ok && r.value.afhankelijkVan).toEqual([]);
    expect(r.ok && r.value.bevindingen).toEqual([]);
  });

  it('text is trimmed and unknown properties are dropped', () => {
    const r = validateActie({
      ...actie,
      titel: '  Digitalisering als vast thema  ',
      nummer: ' 11.5 ',
      extra: 'weg',
      ClientKey: 'x',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.titel).toBe('Digitalisering als vast thema');
    expect(r.value.nummer).toBe('11.5');
    expect(r.value).not.toHaveProperty('extra');
  });

  it('a title of exactly 255 characters is allowed', () => {
    expect(validateActie({ ...actie, titel: 'x'.repeat(255) }).ok).toBe(true);
  });

  it('a deadline on the start date is allowed', () => {
    expect(validateActie({ ...actie, start: '2025-12-31', deadline: '2025-12-31' }).ok).toBe(true);
  });

  it('a blocked action with a reason, and a rejected one with a rationale, pass', () => {
    expect(validateActie({ ...actie, status: 'Geblokkeerd', statusToelichting: 'Wacht op 1.1' }).ok).toBe(true);
    expect(validateActie({ ...actie, status: 'Niet overgenomen', statusToelichting: 'Zie collegereactie' }).ok).toBe(
      true,
    );
  });

  it('a goal met (ja) or not yet judged needs no reason', () => {
    expect(validateKwartaaldoel({ ...doel, behaald: 'ja' }).ok).toBe(true);
    expect(validateKwartaaldoel({ ...doel, behaald: undefined }).ok).toBe(true);
    expect(validateKwartaaldoel({ ...doel, behaald: null }).ok).toBe(true);
  });

  it('an MT meeting every other week passes with a DTSTART in Amsterdam time', () => {
    expect(
      validateMT({
        ...mt,
        schema: 'DTSTART;TZID=Europe/Amsterdam:20260108T093000\nRRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TH',
      }).ok,
    ).toBe(true);
    expect(validateMT({ ...mt, schema: undefined, voorlooptijdMinuten: 0, actief: false }).ok).toBe(true);
  });

  it('reports several problems at once, each with its field', () => {
    const r = validateActie({ ...actie, titel: '', status: 'Klaar', deadline: '2025-02-30', domeinen: [] });
    expect(
      issuesOf(r)
        .map((i) => i.path)
        .sort(),
    ).toEqual(['deadline', 'domeinen', 'status', 'titel']);
  });

  it("a portfolio item's rules between fields are named together with another field's type error", () => {
    // The form hands a priority typed as text ("2,5") on as text; before, that type error held back the end before
    // the start (and Kritiek without a reason) until the priority was mended, one Opslaan later.
    const r = validatePortfolioItem({
      ...item,
      prioriteit: '2,5',
      status: 'Kritiek',
      start: '2025-04-01',
      einde: '2025-03-31',
    });
    expect(issuesOf(r)).toEqual([
      { path: 'prioriteit', message: M.prioriteitOngeldig },
      { path: 'statusToelichting', message: M.toelichtingKritiek },
      { path: 'einde', message: M.eindeVoorStart },
    ]);
  });

  it("a portfolio item's rule waits for its own fields: a bad start or status names only that field", () => {
    expect(issuesOf(validatePortfolioItem({ ...item, start: 42, einde: '2025-03-31' }))).toEqual([
      { path: 'start', message: M.startOngeldig },
    ]);
    expect(
      issuesOf(validatePortfolioItem({ ...item, status: 'Loopt', prioriteit: 'hoog' })).map((i) => i.path),
    ).toEqual(['status', 'prioriteit']);
    expect(issuesOf(validatePortfolioItem(null)).map((i) => i.path)).toEqual(['']);
  });

  it('a plan without dependency cycles passes, one with a self-loop through two actions does not', () => {
    const two = validatePlan({
      ...plan,
      acties: [
        { ...actie, nummer: '11.4', afhankelijkVan: ['11.5'] },
        { ...actie, nummer: '11.5', afhankelijkVan: ['11.4'] },
      ],
    });
    expect(issuesOf(two)).toEqual([
      { path: 'acties.0.afhankelijkVan', message: M.afhankelijkheidsKring(['11.4', '11.5', '11.4']) },
    ]);
  });
});

describe('an outcome before its quarter (kwartaaldoelOutcomeIssues)', () => {
  const at = (kwartaal: string, behaald?: Kwartaaldoel['behaald'], now = DECEMBER_2026) =>
    kwartaaldoelOutcomeIssues({ kwartaal, ...(behaald ? { behaald } : {}) }, now);

  it('refuses an outcome for a later quarter, in the next year too', () => {
    for (const behaald of ['ja', 'deels', 'nee'] as const) {
      expect(at('2027-Q1', behaald)).toEqual([{ path: 'behaald', message: M.behaaldTeVroeg }]);
      expect(at('2028-Q4', behaald)).toEqual([{ path: 'behaald', message: M.behaaldTeVroeg }]);
    }
  });

  it("allows the current quarter's outcome and an earlier one's, and a later goal without an outcome", () => {
    expect(at('2026-Q4', 'ja')).toEqual([]);
    expect(at('2026-Q3', 'nee')).toEqual([]);
    expect(at('2025-Q4', 'deels')).toEqual([]);
    expect(at('2027-Q1')).toEqual([]);
  });

  it("takes the quarter of Amsterdam's date: 31 December 23:30 UTC is 1 January there", () => {
    // 2026-12-31T23:30Z is 00:30 on 1 January 2027 in Amsterdam: Q1 2027 has begun.
    expect(at('2027-Q1', 'ja', new Date('2026-12-31T23:30:00Z'))).toEqual([]);
    expect(at('2027-Q1', 'ja', new Date('2026-12-31T22:59:00Z'))).toEqual([
      { path: 'behaald', message: M.behaaldTeVroeg },
    ]);
  });
});

describe('validation never throws', () => {
  const weird: unknown[] = [
    undefined,
    null,
    '',
    ' ',
    'x',
    '2025-02-30',
    '2025-06-30',
    0,
    -1,
    1.5,
    1,
    Number.NaN,
    true,
    [],
    ['x'],
    [null],
    {},
    { displayName: 1 },
  ];
  const known = new Set<string>(Object.keys(messageTemplatesNl));
  const bases: [string, Record<string, unknown>, (v: unknown) => ValidationResult<unknown>][] = [
    ['actie', { ...actie, start: '2025-01-01' }, validateActie],
    ['portfolio-item', { ...item }, validatePortfolioItem],
    ['kwartaaldoel', { ...doel }, validateKwartaaldoel],
    ['MT', { ...mt }, validateMT],
    ['advies', { ...advies }, validateAdvies],
    ['bevinding', { ...bevinding }, validateBevinding],
  ];
  it.each(bases)(
    'a %s with any odd value in any one or two fields gives issues, not an exception',
    (_name, base, validate) => {
      const fields = Object.keys(base);
      for (const f of fields) {
        for (const v of weird) {
          for (const g of fields) {
            const input = { ...base, [f]: v, [g]: weird[(fields.indexOf(g) * 7) % weird.length] };
            const r = validate(input);
            for (const issue of issuesOf(r))
              expect(known.has(issue.message.key), `${f}=${String(v)}: ${issue.message.key}`).toBe(true);
          }
        }
      }
    },
  );
});
