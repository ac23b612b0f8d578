/**
 * The municipality's own set-up of the plan (issue 12, point 8): its name, its domains (one of which is the
 * organisation as a whole, Zoetermeer's "Concern", carried by the CMT), its themes and its plateaus. These are data,
 * read from the site, so another municipality runs the app with five domains of other names, two themes or three
 * plateaus without a change of code. Zoetermeer's values, as the seeds give them, are the default: a site that holds
 * no set-up of its own gets them.
 *
 * Pure: `checkInrichting` validates anything read from a site or a file and names every problem in Dutch;
 * `checkPlanInrichting` says which parts of a plan use a domain, theme or plateau the set-up does not have.
 */
import { SCHEIDINGSTEKEN, type DomeinInrichting, type Inrichting, type ThemaInrichting } from './inrichting-basis.js';
import type { Plan } from './model.js';
import { TEKST_MAX } from './text-limits.js';

export {
  bruikbareInrichting,
  businessDomeinen,
  concernDomein,
  themaNaamIn,
  ZOETERMEER_INRICHTING,
  type DomeinInrichting,
  type Inrichting,
  type ThemaInrichting,
} from './inrichting-basis.js';

/** Which part of the set-up a problem is about, so a form or an import can show it at its field. */
export type InrichtingVeld = 'gemeente' | 'domeinen' | 'themas' | 'plateaus';
/** The property of one value a problem is about: its name, a theme's code or adviezen, a domain's concern flag. */
export type InrichtingKenmerk = 'naam' | 'code' | 'adviezen' | 'concern';
/**
 * One problem: the part, and when it is about one value, that value's position in its part (`nr`, from 1: the third
 * domain is nr 3) and property (`kenmerk`), so an import names the row and column and a form the field.
 */
export type InrichtingProbleem = { veld: InrichtingVeld; melding: string; nr?: number; kenmerk?: InrichtingKenmerk };

export type InrichtingCheck = { ok: true; inrichting: Inrichting } | { ok: false; problemen: InrichtingProbleem[] };

/** Limits of the set-up: a name is one SharePoint line (a choice value); a theme code is short, as 'A'. */
export const INRICHTING_MAX = { naam: TEKST_MAX.regel, code: 8 } as const;

/** Every Dutch sentence of this module, in one place. */
export const inrichtingMessages = {
  geenObject: 'De inrichting is geen geldige lijst van gemeente, domeinen, thema’s en plateaus.',
  gemeenteOntbreekt: 'De naam van de gemeente ontbreekt.',
  gemeenteMeerdere: (namen: readonly string[]) =>
    `De inrichting noemt meer dan één gemeente (${namen.join(', ')}); er hoort er één te zijn.`,
  gemeenteTeLang: `De naam van de gemeente mag maximaal ${INRICHTING_MAX.naam} tekens lang zijn.`,
  geenLijst: (wat: string) => `De ${wat} ontbreken of zijn geen lijst.`,
  naamOntbreekt: (wat: string, nr: number) => `${wat} ${nr} heeft geen naam.`,
  naamTeLang: (wat: string, naam: string) =>
    `De naam van ${wat} '${naam}' mag maximaal ${INRICHTING_MAX.naam} tekens lang zijn.`,
  naamScheidingsteken: (wat: string, naam: string) =>
    `De naam van ${wat} '${naam}' bevat ';#'; SharePoint gebruikt dat als scheidingsteken tussen keuzes.`,
  dubbel: (wat: string, naam: string) => `${wat} '${naam}' staat meer dan één keer in de inrichting.`,
  concernAantal: (aantal: number) =>
    `Precies één domein moet de hele organisatie omvatten (het domein van het CMT, in Zoetermeer 'Concern'); nu zijn het er ${aantal}.`,
  geenBusinessdomein: 'Naast het domein van de hele organisatie is minstens één ander domein nodig.',
  geenThema: 'Er is geen enkel thema ingericht.',
  themaCodeOntbreekt: (nr: number) => `Thema ${nr} heeft geen code.`,
  themaCodeTeLang: (code: string) =>
    `De code van thema '${code}' mag maximaal ${INRICHTING_MAX.code} tekens lang zijn.`,
  themaAdviezen: (code: string) =>
    `Thema '${code}' noemt een advies dat geen geheel getal van 1 of meer is; geef de adviesnummers als 1, 2, 3.`,
  adviesInTweeThemas: (advies: number, codes: readonly string[]) =>
    `Advies ${advies} staat bij meer dan één thema (${codes.join(' en ')}); een advies hoort bij één thema.`,
  geenPlateau: 'Er is geen enkel plateau ingericht.',
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
  wat: { enkelvoud: string; lidwoord: string },
  nr: number,
  veld: InrichtingVeld,
  problemen: InrichtingProbleem[],
): string | undefined {
  const naam = trimmed(value);
  const at = { veld, nr, kenmerk: 'naam' } as const;
  if (naam === '') {
    problemen.push({ ...at, melding: M.naamOntbreekt(wat.enkelvoud, nr) });
    return undefined;
  }
  if (naam.length > INRICHTING_MAX.naam) {
    problemen.push({ ...at, melding: M.naamTeLang(wat.lidwoord, `${naam.slice(0, 40)}…`) });
    return undefined;
  }
  if (naam.includes(SCHEIDINGSTEKEN)) {
    problemen.push({ ...at, melding: M.naamScheidingsteken(wat.lidwoord, naam) });
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
  wat: string,
  at: { veld: InrichtingVeld; kenmerk: InrichtingKenmerk },
  problemen: InrichtingProbleem[],
) {
  const gezien = new Set<string>();
  const gemeld = new Set<string>();
  namen.forEach((naam, i) => {
    const key = naam.toLocaleLowerCase('nl');
    if (gezien.has(key) && !gemeld.has(key)) {
      problemen.push({ ...at, nr: nrs[i], melding: M.dubbel(wat, naam) });
      gemeld.add(key);
    }
    gezien.add(key);
  });
}

/**
 * Validates a set-up as read from a site or a file (anything: missing parts, wrong types). Names are trimmed. Every
 * problem is returned, each with the part it is about and a Dutch sentence that names the value, so nothing has to be
 * fixed one error at a time.
 */
export function checkInrichting(input: unknown): InrichtingCheck {
  if (!isRecord(input)) return { ok: false, problemen: [{ veld: 'gemeente', melding: M.geenObject }] };
  const problemen: InrichtingProbleem[] = [];

  // Several names (several Gemeente items in the site's list) cannot be chosen between.
  const gemeente = Array.isArray(input.gemeente) ? '' : trimmed(input.gemeente);
  if (Array.isArray(input.gemeente))
    problemen.push({ veld: 'gemeente', melding: M.gemeenteMeerdere(input.gemeente.map((n) => trimmed(n))) });
  else if (gemeente === '') problemen.push({ veld: 'gemeente', melding: M.gemeenteOntbreekt });
  else if (gemeente.length > INRICHTING_MAX.naam) problemen.push({ veld: 'gemeente', melding: M.gemeenteTeLang });

  const domeinen: DomeinInrichting[] = [];
  const domeinNrs: number[] = [];
  if (!Array.isArray(input.domeinen)) problemen.push({ veld: 'domeinen', melding: M.geenLijst('domeinen') });
  else {
    input.domeinen.forEach((raw: unknown, i) => {
      const naam = checkNaam(
        isRecord(raw) ? raw.naam : raw,
        { enkelvoud: 'Domein', lidwoord: 'domein' },
        i + 1,
        'domeinen',
        problemen,
      );
      if (naam !== undefined) {
        domeinen.push({ naam, concern: isRecord(raw) && raw.concern === true });
        domeinNrs.push(i + 1);
      }
    });
    checkDubbel(
      domeinen.map((d) => d.naam),
      domeinNrs,
      'Domein',
      { veld: 'domeinen', kenmerk: 'naam' },
      problemen,
    );
    const concern = domeinen.filter((d) => d.concern).length;
    // Two or more: the second is where it goes wrong; none has no place of its own.
    const tweede = domeinNrs.filter((_, i) => domeinen[i]?.concern)[1];
    if (concern !== 1)
      problemen.push({
        veld: 'domeinen',
        melding: M.concernAantal(concern),
        ...(tweede !== undefined ? { nr: tweede, kenmerk: 'concern' as const } : {}),
      });
    if (domeinen.filter((d) => !d.concern).length === 0 && input.domeinen.length > 0)
      problemen.push({ veld: 'domeinen', melding: M.geenBusinessdomein });
  }

  const themas: ThemaInrichting[] = [];
  const themaNrs: number[] = [];
  if (!Array.isArray(input.themas)) problemen.push({ veld: 'themas', melding: M.geenLijst('thema’s') });
  else {
    if (input.themas.length === 0) problemen.push({ veld: 'themas', melding: M.geenThema });
    input.themas.forEach((raw: unknown, i) => {
      const record = isRecord(raw) ? raw : {};
      const code = trimmed(record.code);
      const nr = i + 1;
      if (code === '') {
        problemen.push({ veld: 'themas', nr, kenmerk: 'code', melding: M.themaCodeOntbreekt(nr) });
        return;
      }
      if (code.length > INRICHTING_MAX.code) {
        problemen.push({ veld: 'themas', nr, kenmerk: 'code', melding: M.themaCodeTeLang(code) });
        return;
      }
      const naam = checkNaam(record.naam, { enkelvoud: 'Thema', lidwoord: 'thema' }, nr, 'themas', problemen);
      const adviezen = Array.isArray(record.adviezen) ? record.adviezen : undefined;
      if (!adviezen || adviezen.some((n) => typeof n !== 'number' || !Number.isInteger(n) || n < 1)) {
        problemen.push({ veld: 'themas', nr, kenmerk: 'adviezen', melding: M.themaAdviezen(code) });
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
      'Thema-code',
      { veld: 'themas', kenmerk: 'code' },
      problemen,
    );
    checkDubbel(
      themas.map((t) => t.naam),
      themaNrs,
      'Thema',
      { veld: 'themas', kenmerk: 'naam' },
      problemen,
    );
    const themaVan = new Map<number, number[]>();
    themas.forEach((t, i) => {
      for (const n of t.adviezen) themaVan.set(n, [...(themaVan.get(n) ?? []), i]);
    });
    for (const [advies, indexen] of [...themaVan].sort(([a], [b]) => a - b))
      if (indexen.length > 1)
        problemen.push({
          veld: 'themas',
          nr: themaNrs[indexen[1] as number],
          kenmerk: 'adviezen',
          melding: M.adviesInTweeThemas(
            advies,
            indexen.map((i) => themas[i]?.code ?? ''),
          ),
        });
  }

  const plateaus: string[] = [];
  const plateauNrs: number[] = [];
  if (!Array.isArray(input.plateaus)) problemen.push({ veld: 'plateaus', melding: M.geenLijst('plateaus') });
  else {
    if (input.plateaus.length === 0) problemen.push({ veld: 'plateaus', melding: M.geenPlateau });
    input.plateaus.forEach((raw: unknown, i) => {
      const naam = checkNaam(raw, { enkelvoud: 'Plateau', lidwoord: 'plateau' }, i + 1, 'plateaus', problemen);
      if (naam !== undefined) {
        plateaus.push(naam);
        plateauNrs.push(i + 1);
      }
    });
    checkDubbel(plateaus, plateauNrs, 'Plateau', { veld: 'plateaus', kenmerk: 'naam' }, problemen);
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
