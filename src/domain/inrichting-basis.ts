/**
 * The municipality's set-up as the whole app reads it (issue 12, point 8): its type, Zoetermeer's values as the
 * default, and the questions the consumers ask of it (which domain is the organisation's, a theme's name). Kept apart
 * from the validator (`inrichting.ts`, with every Dutch refusal) so that the tab's first view, which reads a set-up
 * but never checks one, does not carry that code.
 */
import { DOMEINEN, PLATEAUS } from './model.js';
import { THEMAS } from './themas.js';

/** A domain of the municipality. `concern`: the organisation as a whole (the CMT's), exactly one per set-up. */
export type DomeinInrichting = { naam: string; concern: boolean };
/** A theme: its short code (on the adviezen), its name, and the numbers of its adviezen in report order. */
export type ThemaInrichting = { code: string; naam: string; adviezen: readonly number[] };

export type Inrichting = {
  /** As the report names it: "Gemeente Zoetermeer". */
  gemeente: string;
  /** In the order the tab, the card and the report list them; business domains first is the custom, not a rule. */
  domeinen: readonly DomeinInrichting[];
  themas: readonly ThemaInrichting[];
  /** In the order of the roadmap: the first is what must be done before the next moves (the plateau gate). */
  plateaus: readonly string[];
};

/**
 * Zoetermeer's set-up: the municipality of the 213a research (001), its four business domains and Concern
 * (docs/decisions.md, "Domeinen"), the report's three themes (001, "11 Adviezen") and the roadmap's four plateaus.
 */
export const ZOETERMEER_INRICHTING: Inrichting = {
  gemeente: 'Gemeente Zoetermeer',
  domeinen: DOMEINEN.map((naam) => ({ naam, concern: naam === 'Concern' })),
  themas: THEMAS.map((t) => ({ code: t.code, naam: t.naam, adviezen: [...t.adviezen] })),
  plateaus: [...PLATEAUS],
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** SharePoint's separator between the values of a multi-choice column: no name may hold it. */
export const SCHEIDINGSTEKEN = ';#';

/**
 * A set-up as read with the plan, when it is usable as it is: a municipality, named domains of which exactly one is
 * the organisation's, themes with a code and a name, plateaus, and no name twice. A quick structural test without
 * texts, for the tab's first view; `checkInrichting` says what is wrong (the report and the CLI use it). Undefined:
 * not usable.
 */
export function usableInrichting(raw: unknown): Inrichting | undefined {
  if (!isRecord(raw) || typeof raw.gemeente !== 'string' || raw.gemeente.trim() === '') return undefined;
  const { domeinen, themas, plateaus } = raw;
  if (!Array.isArray(domeinen) || !Array.isArray(themas) || !Array.isArray(plateaus)) return undefined;
  const naam = (v: unknown) =>
    typeof v === 'string' && v.trim() !== '' && !v.includes(SCHEIDINGSTEKEN) ? v.trim() : '';
  const d = domeinen.map((x: unknown) => ({
    naam: naam(isRecord(x) ? x.naam : x),
    concern: isRecord(x) && x.concern === true,
  }));
  const t = themas.map((x: unknown) => {
    const r = isRecord(x) ? x : {};
    const adviezen = Array.isArray(r.adviezen)
      ? r.adviezen.filter((n) => typeof n === 'number' && Number.isInteger(n) && n > 0)
      : [];
    return { code: naam(r.code), naam: naam(r.naam), adviezen: adviezen as number[] };
  });
  const p = plateaus.map(naam);
  const uniek = (namen: string[]) => new Set(namen.map((n) => n.toLocaleLowerCase('nl'))).size === namen.length;
  const ok =
    d.length > 1 &&
    d.every((x) => x.naam !== '') &&
    d.filter((x) => x.concern).length === 1 &&
    uniek(d.map((x) => x.naam)) &&
    t.length > 0 &&
    t.every((x) => x.code !== '' && x.naam !== '') &&
    uniek(t.map((x) => x.code)) &&
    p.length > 0 &&
    p.every((x) => x !== '') &&
    uniek(p);
  return ok ? { gemeente: raw.gemeente.trim(), domeinen: d, themas: t, plateaus: p } : undefined;
}

/** The three kinds of value a set-up gives the lists' choice columns (the schema's `choicesFrom`). */
export type InrichtingValueKind = 'domeinen' | 'themas' | 'plateaus';

/**
 * The values of one kind, in the set-up's order: domain names, theme codes (as the adviezen and findings hold them)
 * or plateaus. The one rule for a set-up's choice column: provisioning sets the column's choices to exactly these,
 * and the list mappers read a stored value against exactly these (`FieldReader.setupChoice`).
 */
export function inrichtingValues(inrichting: Inrichting, soort: InrichtingValueKind): string[] {
  if (soort === 'domeinen') return inrichting.domeinen.map((d) => d.naam);
  if (soort === 'themas') return inrichting.themas.map((t) => t.code);
  return [...inrichting.plateaus];
}

/** The domain of the organisation as a whole (Zoetermeer's "Concern"); the set-up is assumed checked. */
export function concernDomein(inrichting: Inrichting): string {
  return inrichting.domeinen.find((d) => d.concern)?.naam ?? '';
}

/** The business domains, in the set-up's order. */
export function businessDomeinen(inrichting: Inrichting): string[] {
  return inrichting.domeinen.filter((d) => !d.concern).map((d) => d.naam);
}

/** A theme's name by its code; the code itself for a code the set-up does not know. */
export function themaNameIn(inrichting: Inrichting, code: string): string {
  return inrichting.themas.find((t) => t.code === code)?.naam ?? code;
}
