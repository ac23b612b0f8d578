/**
 * The municipality's own set-up of the plan (issue 12, point 8): its name, its domains (one of which is the
 * organisation as a whole, Zoetermeer's "Concern", carried by the CMT), its themes and its plateaus. These are data,
 * read from the site, so another municipality runs the app with five domains of other names, two themes or three
 * plateaus without a change of code. Zoetermeer's values, as the seeds give them, are the default: a site that holds
 * no set-up of its own gets them.
 *
 * Pure: `checkInrichting` validates anything read from a site or a file and names every problem (a key with values,
 * and its Dutch sentence);
 * `checkPlanInrichting` says which parts of a plan use a domain, theme or plateau the set-up does not have.
 */
import { SCHEIDINGSTEKEN, type DomeinInrichting, type Inrichting, type ThemaInrichting } from './inrichting-basis.js';
import { fillTemplate } from './messages.js';
import type { Plan } from './model.js';
import { TEXT_MAX } from './text-limits.js';

export {
  usableInrichting,
  businessDomeinen,
  concernDomein,
  themaNameIn,
  ZOETERMEER_INRICHTING,
  type DomeinInrichting,
  type Inrichting,
  type ThemaInrichting,
} from './inrichting-basis.js';

/** Which part of the set-up a problem is about, so a form or an import can show it at its field. */
export type InrichtingField = 'gemeente' | 'domeinen' | 'themas' | 'plateaus';
/** The property of one value a problem is about: its name, a theme's code or adviezen, a domain's concern flag. */
export type InrichtingProperty = 'naam' | 'code' | 'adviezen' | 'concern';
/** The Dutch words of every problem `checkInrichting` names; `{name}` is filled from the problem's values. */
export const inrichtingTemplatesNl = {
  inrichtingGeenObject: 'De inrichting is geen geldige lijst van gemeente, domeinen, thema’s en plateaus.',
  inrichtingGemeenteOntbreekt: 'De naam van de gemeente ontbreekt.',
  inrichtingGemeenteMeerdere: 'De inrichting noemt meer dan één gemeente ({namen}); er hoort er één te zijn.',
  inrichtingGemeenteTeLang: 'De naam van de gemeente mag maximaal {max} tekens lang zijn.',
  inrichtingDomeinenGeenLijst: 'De domeinen ontbreken of zijn geen lijst.',
  inrichtingThemasGeenLijst: 'De thema’s ontbreken of zijn geen lijst.',
  inrichtingPlateausGeenLijst: 'De plateaus ontbreken of zijn geen lijst.',
  inrichtingDomeinZonderNaam: 'Domein {nr} heeft geen naam.',
  inrichtingThemaZonderNaam: 'Thema {nr} heeft geen naam.',
  inrichtingPlateauZonderNaam: 'Plateau {nr} heeft geen naam.',
  inrichtingDomeinNaamTeLang: "De naam van domein '{naam}' mag maximaal {max} tekens lang zijn.",
  inrichtingThemaNaamTeLang: "De naam van thema '{naam}' mag maximaal {max} tekens lang zijn.",
  inrichtingPlateauNaamTeLang: "De naam van plateau '{naam}' mag maximaal {max} tekens lang zijn.",
  inrichtingDomeinScheidingsteken:
    "De naam van domein '{naam}' bevat ';#'; SharePoint gebruikt dat als scheidingsteken tussen keuzes.",
  inrichtingThemaScheidingsteken:
    "De naam van thema '{naam}' bevat ';#'; SharePoint gebruikt dat als scheidingsteken tussen keuzes.",
  inrichtingPlateauScheidingsteken:
    "De naam van plateau '{naam}' bevat ';#'; SharePoint gebruikt dat als scheidingsteken tussen keuzes.",
  inrichtingDomeinDubbel: "Domein '{naam}' staat meer dan één keer in de inrichting.",
  inrichtingThemaCodeDubbel: "Thema-code '{naam}' staat meer dan één keer in de inrichting.",
  inrichtingThemaDubbel: "Thema '{naam}' staat meer dan één keer in de inrichting.",
  inrichtingPlateauDubbel: "Plateau '{naam}' staat meer dan één keer in de inrichting.",
  inrichtingConcernAantal:
    "Precies één domein moet de hele organisatie omvatten (het domein van het CMT, in Zoetermeer 'Concern'); nu zijn het er {aantal}.",
  inrichtingGeenBusinessdomein: 'Naast het domein van de hele organisatie is minstens één ander domein nodig.',
  inrichtingGeenThema: 'Er is geen enkel thema ingericht.',
  inrichtingThemaCodeOntbreekt: 'Thema {nr} heeft geen code.',
  inrichtingThemaCodeTeLang: "De code van thema '{code}' mag maximaal {max} tekens lang zijn.",
  inrichtingThemaAdviezen:
    "Thema '{code}' noemt een advies dat geen geheel getal van 1 of meer is; geef de adviesnummers als 1, 2, 3.",
  inrichtingAdviesInTweeThemas:
    'Advies {advies} staat bij meer dan één thema ({codes}); een advies hoort bij één thema.',
  inrichtingGeenPlateau: 'Er is geen enkel plateau ingericht.',
} as const;

/** The name of one problem of the set-up. */
export type InrichtingMessageKey = keyof typeof inrichtingTemplatesNl;

/**
 * One problem of the set-up as a key with its values (text and numbers), never a sentence: the tab says it in the
 * UI's language (the plan import's and the set-up warning's catalogues, `problem.<key>`), the CLI and the stores'
 * errors in Dutch (`inrichtingMessageText`). `codes` (the themes of one advies) is a list, said in each language's
 * words.
 */
export type InrichtingMessage = {
  key: InrichtingMessageKey;
  params?: Readonly<Record<string, string | number | readonly string[]>>;
};

/** Each kind of named value of the set-up with its own keys: one sentence per kind, so each language can say it. */
const SOORT_KEYS = {
  domeinen: {
    geenLijst: 'inrichtingDomeinenGeenLijst',
    zonderNaam: 'inrichtingDomeinZonderNaam',
    teLang: 'inrichtingDomeinNaamTeLang',
    scheidingsteken: 'inrichtingDomeinScheidingsteken',
    dubbel: 'inrichtingDomeinDubbel',
  },
  themas: {
    geenLijst: 'inrichtingThemasGeenLijst',
    zonderNaam: 'inrichtingThemaZonderNaam',
    teLang: 'inrichtingThemaNaamTeLang',
    scheidingsteken: 'inrichtingThemaScheidingsteken',
    dubbel: 'inrichtingThemaDubbel',
  },
  plateaus: {
    geenLijst: 'inrichtingPlateausGeenLijst',
    zonderNaam: 'inrichtingPlateauZonderNaam',
    teLang: 'inrichtingPlateauNaamTeLang',
    scheidingsteken: 'inrichtingPlateauScheidingsteken',
    dubbel: 'inrichtingPlateauDubbel',
  },
} as const satisfies Record<
  Exclude<InrichtingField, 'gemeente'>,
  Record<'geenLijst' | 'zonderNaam' | 'teLang' | 'scheidingsteken' | 'dubbel', InrichtingMessageKey>
>;

/**
 * The values of a set-up problem as text for its template: a list (`codes`) joined in the locale's words, in Dutch
 * as "A en B" (the sentence the check always gave), otherwise with `Intl.ListFormat`.
 */
export function inrichtingMessageValues(message: InrichtingMessage, locale = 'nl'): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.params ?? {}))
    values[name] =
      typeof value === 'string' || typeof value === 'number'
        ? value
        : locale === 'nl'
          ? value.join(' en ')
          : new Intl.ListFormat(locale, { type: 'conjunction' }).format(value);
  return values;
}

/** A problem of the set-up in Dutch: the CLI, the stores' errors. */
export function inrichtingMessageText(message: InrichtingMessage): string {
  return fillTemplate(inrichtingTemplatesNl[message.key], inrichtingMessageValues(message));
}

/**
 * One problem: the part, and when it is about one value, that value's position in its part (`nr`, from 1: the third
 * domain is nr 3) and property (`kenmerk`), so an import names the row and column and a form the field. `bericht` is
 * the problem as a key with values (for the UI's language); `melding` the same in Dutch.
 */
export type InrichtingProblem = {
  veld: InrichtingField;
  bericht: InrichtingMessage;
  melding: string;
  nr?: number;
  kenmerk?: InrichtingProperty;
};

export type InrichtingCheck = { ok: true; inrichting: Inrichting } | { ok: false; problemen: InrichtingProblem[] };

/** Limits of the set-up: a name is one SharePoint line (a choice value); a theme code is short, as 'A'. */
export const INRICHTING_MAX = { naam: TEXT_MAX.regel, code: 8 } as const;

/** A problem at its place, with its Dutch sentence. */
function probleem(
  at: Omit<InrichtingProblem, 'bericht' | 'melding'>,
  key: InrichtingMessageKey,
  params?: InrichtingMessage['params'],
): InrichtingProblem {
  const bericht: InrichtingMessage = params ? { key, params } : { key };
  return { ...at, bericht, melding: inrichtingMessageText(bericht) };
}

/** The Dutch sentences of `checkPlanInrichting`. */
export const inrichtingMessages = {
  planDomein: (waar: string, domein: string) => `${waar} noemt het domein '${domein}', dat niet is ingericht.`,
  planThema: (advies: number, thema: string) => `Advies ${advies} hoort bij thema '${thema}', dat niet is ingericht.`,
  planPlateau: (waar: string, plateau: string) => `${waar} staat op plateau '${plateau}', dat niet is ingericht.`,
} as const;

const M = inrichtingMessages;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function trimmed(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** Checks one name: present, one line long, no `;#`; a problem is pushed and undefined returned when it is not. */
function checkNaam(
  value: unknown,
  nr: number,
  veld: Exclude<InrichtingField, 'gemeente'>,
  problemen: InrichtingProblem[],
): string | undefined {
  const naam = trimmed(value);
  const at = { veld, nr, kenmerk: 'naam' } as const;
  const keys = SOORT_KEYS[veld];
  if (naam === '') {
    problemen.push(probleem(at, keys.zonderNaam, { nr }));
    return undefined;
  }
  if (naam.length > INRICHTING_MAX.naam) {
    problemen.push(probleem(at, keys.teLang, { naam: `${naam.slice(0, 40)}…`, max: INRICHTING_MAX.naam }));
    return undefined;
  }
  if (naam.includes(SCHEIDINGSTEKEN)) {
    problemen.push(probleem(at, keys.scheidingsteken, { naam }));
    return undefined;
  }
  return naam;
}

/**
 * Pushes a problem for every name that occurs twice (compared without case, as SharePoint's choices are), at its
 * second occurrence; `nrs` gives each name's position in its part.
 */
function checkDubbel(
  namen: readonly string[],
  nrs: readonly number[],
  key: InrichtingMessageKey,
  at: { veld: InrichtingField; kenmerk: InrichtingProperty },
  problemen: InrichtingProblem[],
) {
  const gezien = new Set<string>();
  const gemeld = new Set<string>();
  namen.forEach((naam, i) => {
    const lower = naam.toLocaleLowerCase('nl');
    if (gezien.has(lower) && !gemeld.has(lower)) {
      problemen.push(probleem({ ...at, nr: nrs[i] }, key, { naam }));
      gemeld.add(lower);
    }
    gezien.add(lower);
  });
}

/**
 * Validates a set-up as read from a site or a file (anything: missing parts, wrong types). Names are trimmed. Every
 * problem is returned, each with the part it is about and a message (key and values, and its Dutch sentence) that
 * names the value, so nothing has to be fixed one error at a time.
 */
export function checkInrichting(input: unknown): InrichtingCheck {
  if (!isRecord(input)) return { ok: false, problemen: [probleem({ veld: 'gemeente' }, 'inrichtingGeenObject')] };
  const problemen: InrichtingProblem[] = [];

  // Several names (several Gemeente items in the site's list) cannot be chosen between.
  const gemeente = Array.isArray(input.gemeente) ? '' : trimmed(input.gemeente);
  if (Array.isArray(input.gemeente))
    problemen.push(
      probleem({ veld: 'gemeente' }, 'inrichtingGemeenteMeerdere', {
        namen: input.gemeente.map((n) => trimmed(n)).join(', '),
      }),
    );
  else if (gemeente === '') problemen.push(probleem({ veld: 'gemeente' }, 'inrichtingGemeenteOntbreekt'));
  else if (gemeente.length > INRICHTING_MAX.naam)
    problemen.push(probleem({ veld: 'gemeente' }, 'inrichtingGemeenteTeLang', { max: INRICHTING_MAX.naam }));

  const domeinen: DomeinInrichting[] = [];
  const domeinNrs: number[] = [];
  if (!Array.isArray(input.domeinen)) problemen.push(probleem({ veld: 'domeinen' }, SOORT_KEYS.domeinen.geenLijst));
  else {
    input.domeinen.forEach((raw: unknown, i) => {
      const naam = checkNaam(isRecord(raw) ? raw.naam : raw, i + 1, 'domeinen', problemen);
      if (naam !== undefined) {
        domeinen.push({ naam, concern: isRecord(raw) && raw.concern === true });
        domeinNrs.push(i + 1);
      }
    });
    checkDubbel(
      domeinen.map((d) => d.naam),
      domeinNrs,
      SOORT_KEYS.domeinen.dubbel,
      { veld: 'domeinen', kenmerk: 'naam' },
      problemen,
    );
    const concern = domeinen.filter((d) => d.concern).length;
    // Two or more: the second is where it goes wrong; none has no place of its own.
    const tweede = domeinNrs.filter((_, i) => domeinen[i]?.concern)[1];
    if (concern !== 1)
      problemen.push(
        probleem(
          { veld: 'domeinen', ...(tweede !== undefined ? { nr: tweede, kenmerk: 'concern' as const } : {}) },
          'inrichtingConcernAantal',
          { aantal: concern },
        ),
      );
    if (domeinen.filter((d) => !d.concern).length === 0 && input.domeinen.length > 0)
      problemen.push(probleem({ veld: 'domeinen' }, 'inrichtingGeenBusinessdomein'));
  }

  const themas: ThemaInrichting[] = [];
  const themaNrs: number[] = [];
  if (!Array.isArray(input.themas)) problemen.push(probleem({ veld: 'themas' }, SOORT_KEYS.themas.geenLijst));
  else {
    if (input.themas.length === 0) problemen.push(probleem({ veld: 'themas' }, 'inrichtingGeenThema'));
    input.themas.forEach((raw: unknown, i) => {
      const record = isRecord(raw) ? raw : {};
      const code = trimmed(record.code);
      const nr = i + 1;
      if (code === '') {
        problemen.push(probleem({ veld: 'themas', nr, kenmerk: 'code' }, 'inrichtingThemaCodeOntbreekt', { nr }));
        return;
      }
      if (code.length > INRICHTING_MAX.code) {
        problemen.push(
          probleem({ veld: 'themas', nr, kenmerk: 'code' }, 'inrichtingThemaCodeTeLang', {
            code,
            max: INRICHTING_MAX.code,
          }),
        );
        return;
      }
      const naam = checkNaam(record.naam, nr, 'themas', problemen);
      const adviezen = Array.isArray(record.adviezen) ? record.adviezen : undefined;
      if (!adviezen || adviezen.some((n) => typeof n !== 'number' || !Number.isInteger(n) || n < 1)) {
        problemen.push(probleem({ veld: 'themas', nr, kenmerk: 'adviezen' }, 'inrichtingThemaAdviezen', { code }));
        return;
      }
      if (naam !== undefined) {
        themas.push({ code, naam, adviezen: adviezen as number[] });
        themaNrs.push(nr);
      }
    });
    checkDubbel(
      themas.map((t) => t.code),
      themaNrs,
      'inrichtingThemaCodeDubbel',
      { veld: 'themas', kenmerk: 'code' },
      problemen,
    );
    checkDubbel(
      themas.map((t) => t.naam),
      themaNrs,
      SOORT_KEYS.themas.dubbel,
      { veld: 'themas', kenmerk: 'naam' },
      problemen,
    );
    const themaVan = new Map<number, number[]>();
    themas.forEach((t, i) => {
      for (const n of t.adviezen) themaVan.set(n, [...(themaVan.get(n) ?? []), i]);
    });
    for (const [advies, indexen] of [...themaVan].sort(([a], [b]) => a - b))
      if (indexen.length > 1)
        problemen.push(
          probleem(
            { veld: 'themas', nr: themaNrs[indexen[1] as number], kenmerk: 'adviezen' },
            'inrichtingAdviesInTweeThemas',
            { advies, codes: indexen.map((i) => themas[i]?.code ?? '') },
          ),
        );
  }

  const plateaus: string[] = [];
  const plateauNrs: number[] = [];
  if (!Array.isArray(input.plateaus)) problemen.push(probleem({ veld: 'plateaus' }, SOORT_KEYS.plateaus.geenLijst));
  else {
    if (input.plateaus.length === 0) problemen.push(probleem({ veld: 'plateaus' }, 'inrichtingGeenPlateau'));
    input.plateaus.forEach((raw: unknown, i) => {
      const naam = checkNaam(raw, i + 1, 'plateaus', problemen);
      if (naam !== undefined) {
        plateaus.push(naam);
        plateauNrs.push(i + 1);
      }
    });
    checkDubbel(plateaus, plateauNrs, SOORT_KEYS.plateaus.dubbel, { veld: 'plateaus', kenmerk: 'naam' }, problemen);
  }

  return problemen.length > 0
    ? { ok: false, problemen }
    : { ok: true, inrichting: { gemeente, domeinen, themas, plateaus } };
}

/**
 * Where a plan uses what its set-up lacks: an action's or a portfolio item's domain, an advies' theme, an advies'
 * or action's plateau. Each problem is one Dutch sentence naming the item and the value; an empty list means the
 * plan fits. Retired actions count too: they stay in the list and in the reports for the dates they were active.
 */
export function checkPlanInrichting(
  plan: Pick<Plan, 'adviezen' | 'acties'>,
  inrichting: Inrichting,
  portfolio: readonly { titel: string; domein: string }[] = [],
): string[] {
  const domeinen = new Set(inrichting.domeinen.map((d) => d.naam));
  const themas = new Set(inrichting.themas.map((t) => t.code));
  const plateaus = new Set(inrichting.plateaus);
  const problemen: string[] = [];
  for (const advies of plan.adviezen) {
    if (!themas.has(advies.thema)) problemen.push(M.planThema(advies.nummer, advies.thema));
    if (!plateaus.has(advies.plateau)) problemen.push(M.planPlateau(`Advies ${advies.nummer}`, advies.plateau));
  }
  for (const actie of plan.acties) {
    for (const domein of actie.domeinen)
      if (!domeinen.has(domein)) problemen.push(M.planDomein(`Actie ${actie.nummer}`, domein));
    if (!plateaus.has(actie.plateau)) problemen.push(M.planPlateau(`Actie ${actie.nummer}`, actie.plateau));
  }
  for (const item of portfolio)
    if (!domeinen.has(item.domein)) problemen.push(M.planDomein(`Project '${item.titel}'`, item.domein));
  return problemen;
}
