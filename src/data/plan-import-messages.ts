/**
 * The plan workbook's own problems (a missing sheet or column, an unknown person, theme, domain or status, a row
 * twice), as keys with their values, never as sentences: the tab says them in the UI's language through its plan
 * import catalogue (`planXlsxTexts`, `problem.<key>`), the CLI through `planImportMessageText` in Dutch. The domain's
 * rules broken by a row are the domain's own messages (`DomainMessage`). Kept out of the domain's messages because
 * only the import, in its lazy chunk, says them. Sheet names, column headers and cell values are the file's own
 * words, in both languages.
 */
import {
  inrichtingMessageText,
  inrichtingMessageValues,
  inrichtingTemplatesNl,
  type InrichtingMessage,
  type InrichtingMessageKey,
} from '../domain/inrichting.js';
import { fillTemplate } from '../domain/messages.js';

/** The Dutch words of every problem of the import's own; `{name}` is filled from the problem's values. */
const ownTemplatesNl = {
  planTabbladOntbreekt: 'Het tabblad "{tabblad}" ontbreekt; het importformaat heeft de tabbladen {tabbladen}.',
  planKolomOntbreekt: 'De kolom "{kolom}" ontbreekt op tabblad "{tabblad}".',
  planKolomOnbekend: 'Onbekende kolom "{kolom}" op tabblad "{tabblad}"; de kolommen zijn: {kolommen}.',
  planPersoonOnbekend:
    'Onbekende persoon "{naam}": kies iemand die op de SharePoint-site bekend is, of laat de cel leeg.',
  planThemaOnbekend: 'Onbekend thema "{code}": deze versie kent de thema\'s {themas}.',
  planThemaNaam: 'Thema {code} heet in deze versie "{naam}"; andere themanamen kan de app nog niet opslaan.',
  planThemaDubbel: 'Thema {code} staat twee keer op het tabblad.',
  planThemaNietOpTabblad: 'Thema {code} staat niet op het tabblad "Themas".',
  planAdviesDubbel: 'Advies {nummer} staat ook op rij {rij}; maak elk nummer uniek.',
  planBevindingDubbel: 'Bevinding {nummer} staat ook op rij {rij}; maak elk nummer uniek.',
  planActieDubbel: 'Actie {nummer} staat ook op rij {rij}; maak elk nummer uniek.',
  planActienummerLeeg: 'Vul het actienummer in.',
  planActieNietOpTabblad: 'Actie {actie} staat niet (zonder fouten) op het tabblad "Acties".',
  planDomeinOnbekend: 'Onbekend domein "{waarde}": kies uit {domeinen}.',
  planActieNietVanDomein: 'Actie {actie} hoort niet bij {waarde} (wel bij {domeinen}).',
  planStatusOnbekend: 'Onbekende status "{waarde}": kies uit {statussen}.',
  planToelichtingVerplicht: 'Bij de status {waarde} hoort een toelichting.',
  planDatumOngeldig: '"{waarde}" is geen datum; gebruik bijvoorbeeld 31-12-2026.',
  planDomeinRijDubbel: 'Actie {actie} heeft voor {waarde} al een rij (rij {rij}); één rij per actie en domein.',
  planGeenAdviezen: 'Het plan heeft geen adviezen.',
  planGeenActies: 'Het plan heeft geen acties.',
  // The workbook's Inrichting sheet and the plan's rows against it (issue 12.8); the set-up's own faults are
  // checkInrichting's messages (inrichtingTemplatesNl, below).
  planInrichtingSoort: 'Onbekende soort "{waarde}": kies uit {soorten}.',
  planInrichtingJaNee: 'Vul bij "Hele organisatie" ja of nee in.',
  planInrichtingConcernSoort:
    'Alleen een domein kan de hele organisatie omvatten; laat "Hele organisatie" leeg bij een {soort}.',
  planAdviesAnderThema: "Advies {nummer} staat in de inrichting bij thema '{code}', niet bij '{waarde}'.",
  planAdviesThemaNietIngericht: "Advies {nummer} hoort bij thema '{waarde}', dat niet is ingericht.",
  planBevindingThemaNietIngericht: "Bevinding {nummer} hoort bij thema '{waarde}', dat niet is ingericht.",
  planAdviesPlateauNietIngericht: "Advies {nummer} staat op plateau '{waarde}', dat niet is ingericht.",
  planActiePlateauNietIngericht: "Actie {nummer} staat op plateau '{waarde}', dat niet is ingericht.",
  planActieDomeinNietIngericht: "Actie {nummer} noemt het domein '{waarde}', dat niet is ingericht.",
} as const;

/**
 * The Dutch of every problem the import names: its own, and the set-up's faults on the Inrichting sheet
 * (`checkInrichting`'s messages, keys `inrichting…`).
 */
export const planImportTemplatesNl = { ...ownTemplatesNl, ...inrichtingTemplatesNl } as const;

/** The name of one problem of the import's own. */
type OwnMessageKey = keyof typeof ownTemplatesNl;

/** The name of one problem the import names (its own or the set-up's). */
export type PlanImportMessageKey = OwnMessageKey | InrichtingMessageKey;

const withParams = {
  planTabbladOntbreekt: (tabblad: string, tabbladen: readonly string[]) =>
    ({ key: 'planTabbladOntbreekt', params: { tabblad, tabbladen: tabbladen.join(', ') } }) as const,
  planKolomOntbreekt: (kolom: string, tabblad: string) =>
    ({ key: 'planKolomOntbreekt', params: { kolom, tabblad } }) as const,
  planKolomOnbekend: (kolom: string, tabblad: string, kolommen: readonly string[]) =>
    ({ key: 'planKolomOnbekend', params: { kolom, tabblad, kolommen: kolommen.join(', ') } }) as const,
  planPersoonOnbekend: (naam: string) => ({ key: 'planPersoonOnbekend', params: { naam } }) as const,
  /** `themas`: the themes this version knows, as "A (name)". */
  planThemaOnbekend: (code: string, themas: readonly string[]) =>
    ({ key: 'planThemaOnbekend', params: { code, themas: themas.join(', ') } }) as const,
  planThemaNaam: (code: string, naam: string) => ({ key: 'planThemaNaam', params: { code, naam } }) as const,
  planThemaDubbel: (code: string) => ({ key: 'planThemaDubbel', params: { code } }) as const,
  planThemaNietOpTabblad: (code: string) => ({ key: 'planThemaNietOpTabblad', params: { code } }) as const,
  planAdviesDubbel: (nummer: number, rij: number) => ({ key: 'planAdviesDubbel', params: { nummer, rij } }) as const,
  planBevindingDubbel: (nummer: number, rij: number) =>
    ({ key: 'planBevindingDubbel', params: { nummer, rij } }) as const,
  planActieDubbel: (nummer: string, rij: number) => ({ key: 'planActieDubbel', params: { nummer, rij } }) as const,
  planActieNietOpTabblad: (actie: string) => ({ key: 'planActieNietOpTabblad', params: { actie } }) as const,
  planDomeinOnbekend: (waarde: string, domeinen: readonly string[]) =>
    ({ key: 'planDomeinOnbekend', params: { waarde, domeinen: domeinen.join(', ') } }) as const,
  /** `waarde`: the domain as the file names it; `domeinen`: the action's own domains. */
  planActieNietVanDomein: (actie: string, waarde: string, domeinen: readonly string[]) =>
    ({ key: 'planActieNietVanDomein', params: { actie, waarde, domeinen: domeinen.join(', ') } }) as const,
  planStatusOnbekend: (waarde: string, statussen: readonly string[]) =>
    ({ key: 'planStatusOnbekend', params: { waarde, statussen: statussen.join(', ') } }) as const,
  planToelichtingVerplicht: (waarde: string) => ({ key: 'planToelichtingVerplicht', params: { waarde } }) as const,
  planDatumOngeldig: (waarde: string) => ({ key: 'planDatumOngeldig', params: { waarde } }) as const,
  planDomeinRijDubbel: (actie: string, waarde: string, rij: number) =>
    ({ key: 'planDomeinRijDubbel', params: { actie, waarde, rij } }) as const,
  planInrichtingSoort: (waarde: string, soorten: readonly string[]) =>
    ({ key: 'planInrichtingSoort', params: { waarde, soorten: soorten.join(', ') } }) as const,
  planInrichtingConcernSoort: (soort: string) => ({ key: 'planInrichtingConcernSoort', params: { soort } }) as const,
  planAdviesAnderThema: (nummer: number, code: string, waarde: string) =>
    ({ key: 'planAdviesAnderThema', params: { nummer, code, waarde } }) as const,
  /** A value of the plan that the set-up lacks; `nummer` is the row's own number as the file gives it. */
  planAdviesThemaNietIngericht: (nummer: string, waarde: string) =>
    ({ key: 'planAdviesThemaNietIngericht', params: { nummer, waarde } }) as const,
  planBevindingThemaNietIngericht: (nummer: string, waarde: string) =>
    ({ key: 'planBevindingThemaNietIngericht', params: { nummer, waarde } }) as const,
  planAdviesPlateauNietIngericht: (nummer: string, waarde: string) =>
    ({ key: 'planAdviesPlateauNietIngericht', params: { nummer, waarde } }) as const,
  planActiePlateauNietIngericht: (nummer: string, waarde: string) =>
    ({ key: 'planActiePlateauNietIngericht', params: { nummer, waarde } }) as const,
  planActieDomeinNietIngericht: (nummer: string, waarde: string) =>
    ({ key: 'planActieDomeinNietIngericht', params: { nummer, waarde } }) as const,
} satisfies { [K in OwnMessageKey]?: (...args: never[]) => { key: K; params: object } };

type ParamKey = keyof typeof withParams;
type FixedKey = Exclude<OwnMessageKey, ParamKey>;

/**
 * One problem the import names: its key and, for those that take them, its values (text and numbers; a set-up
 * fault's list of theme codes is a list, see `inrichtingMessageValues`).
 */
export type PlanImportMessage =
  { [K in FixedKey]: { key: K } }[FixedKey] | ReturnType<(typeof withParams)[ParamKey]> | InrichtingMessage;

const isInrichtingMessage = (message: PlanImportMessage): message is InrichtingMessage =>
  message.key in inrichtingTemplatesNl;

/** Every problem of the import's own by name: a fixed one is its value, one with values a function that makes it. */
export const planImportMessages = {
  planActienummerLeeg: { key: 'planActienummerLeeg' },
  planGeenAdviezen: { key: 'planGeenAdviezen' },
  planGeenActies: { key: 'planGeenActies' },
  planInrichtingJaNee: { key: 'planInrichtingJaNee' },
  ...withParams,
} as const satisfies { [K in FixedKey]: { key: K } } & typeof withParams;

/** A problem of the import's own in Dutch (the CLI, the rollback report). */
export function planImportMessageText(message: PlanImportMessage): string {
  if (isInrichtingMessage(message)) return inrichtingMessageText(message);
  return fillTemplate(planImportTemplatesNl[message.key], 'params' in message ? message.params : {});
}

/** The values of a problem as text for its template in `locale` (the tab's catalogue, `problem.<key>`). */
export function planImportMessageValues(message: PlanImportMessage, locale: string): Record<string, string | number> {
  if (isInrichtingMessage(message)) return inrichtingMessageValues(message, locale);
  return 'params' in message ? message.params : {};
}
