import { usableInrichting, ZOETERMEER_INRICHTING, type Inrichting } from '../../domain/inrichting-basis.js';
import { caml, LINK_TITLE } from './caml.js';
import { FieldReader } from './field-reader.js';
import type { ListDefinition, ListItem } from './list-definition.js';

/** Internal field names of the Inrichting list: the only place they are spelled. */
export const INRICHTING_FIELDS = {
  naam: 'Title',
  soort: 'Soort',
  code: 'Code',
  adviezen: 'Adviezen',
  heleOrganisatie: 'HeleOrganisatie',
  volgorde: 'Volgorde',
  sleutel: 'Sleutel',
} as const;

const F = INRICHTING_FIELDS;

export const INRICHTING_KINDS = ['Gemeente', 'Domein', 'Thema', 'Plateau'] as const;
export type InrichtingKind = (typeof INRICHTING_KINDS)[number];

/**
 * The municipality's own set-up (issue 12, point 8): one item per value, so a Beheerder can read and change it in
 * SharePoint: the municipality's name (one item of Soort Gemeente), each domain (HeleOrganisatie on the one the CMT
 * carries, Zoetermeer's "Concern"), each theme (its Code and the numbers of its adviezen) and each plateau, in
 * Volgorde. The app reads it whole and validates it (`checkInrichting`); an empty list means Zoetermeer's set-up.
 * Sleutel (unique: soort and position) makes a create after a lost answer land once.
 */
export const inrichtingList: ListDefinition = {
  name: 'Inrichting',
  description:
    'De inrichting van het actieplan voor deze gemeente: de naam van de gemeente, de domeinen, de thema’s en de plateaus.',
  titleDisplayName: 'Naam',
  columns: [
    { name: F.soort, displayName: 'Soort', choice: { choices: INRICHTING_KINDS }, required: true },
    { name: F.code, displayName: 'Code (thema)', text: { maxLength: 8 } },
    { name: F.adviezen, displayName: 'Adviezen (thema)', text: { maxLength: 255 } },
    { name: F.heleOrganisatie, displayName: 'Hele organisatie (domein van het CMT)', boolean: {} },
    { name: F.volgorde, displayName: 'Volgorde', number: { decimalPlaces: 'none', minimum: 0 }, required: true },
    {
      name: F.sleutel,
      displayName: 'Sleutel',
      text: { maxLength: 64 },
      indexed: true,
      enforceUniqueValues: true,
    },
  ],
  views: [
    {
      title: 'Per soort',
      query: caml.orderBy(F.soort, F.volgorde),
      fields: [F.soort, F.volgorde, LINK_TITLE, F.code, F.adviezen, F.heleOrganisatie],
    },
  ],
};

export const inrichtingFieldNames = Object.values(INRICHTING_FIELDS);

/** One item's fields as the store writes them. */
export type InrichtingItem = Record<string, unknown>;

/** The items that hold a set-up, in order: the municipality, then domains, themes and plateaus. */
export function inrichtingToItems(inrichting: Inrichting): { sleutel: string; fields: InrichtingItem }[] {
  const item = (soort: InrichtingKind, volgorde: number, naam: string, extra: InrichtingItem = {}) => ({
    sleutel: `${soort.toLowerCase()}:${volgorde}`,
    fields: { [F.soort]: soort, [F.volgorde]: volgorde, [F.naam]: naam, ...extra },
  });
  return [
    item('Gemeente', 1, inrichting.gemeente),
    ...inrichting.domeinen.map((d, i) => item('Domein', i + 1, d.naam, { [F.heleOrganisatie]: d.concern })),
    ...inrichting.themas.map((t, i) =>
      item('Thema', i + 1, t.naam, { [F.code]: t.code, [F.adviezen]: t.adviezen.join(', ') }),
    ),
    ...inrichting.plateaus.map((p, i) => item('Plateau', i + 1, p)),
  ];
}

/**
 * The raw set-up the items hold, for `checkInrichting` to validate: the municipality's name (two items of Soort
 * Gemeente give a list, which the check names), every other soort in Volgorde. A theme whose Adviezen is no list
 * of numbers keeps that text, so the check names it instead of reading it as no adviezen.
 */
export function itemsToRawInrichting(items: readonly ListItem[]): Record<string, unknown> {
  const rows = items.map((item) => {
    const read = new FieldReader(item.fields);
    const adviezen = read.text(F.adviezen);
    return {
      soort: read.text(F.soort),
      naam: read.text(F.naam) ?? '',
      volgorde: read.number(F.volgorde) ?? Number.MAX_SAFE_INTEGER,
      code: read.text(F.code) ?? '',
      adviezen:
        adviezen === undefined
          ? []
          : /^\s*\d+(\s*[,;]\s*\d+)*\s*$/.test(adviezen)
            ? adviezen.split(/[,;]/).map((n) => Number(n.trim()))
            : [adviezen],
      concern: read.flag(F.heleOrganisatie),
    };
  });
  const of = (soort: InrichtingKind) => rows.filter((r) => r.soort === soort).sort((a, b) => a.volgorde - b.volgorde);
  const gemeenten = of('Gemeente');
  return {
    gemeente: gemeenten.length > 1 ? gemeenten.map((g) => g.naam) : (gemeenten[0]?.naam ?? ''),
    domeinen: of('Domein').map((r) => ({ naam: r.naam, concern: r.concern })),
    themas: of('Thema').map((r) => ({ code: r.code, naam: r.naam, adviezen: r.adviezen })),
    plateaus: of('Plateau').map((r) => r.naam),
  };
}

/**
 * The set-up the Inrichting list's items make: Zoetermeer's for none; for items that make no usable set-up also
 * Zoetermeer's, flagged, so the plan stays readable while a Beheerder repairs the list. The quick structural test
 * keeps the validator's texts out of the tab's first view. Every reader of the list's items uses it (the plan, the
 * MTs, the portfolio, the escalations), so they all read the same set-up.
 */
export function inrichtingFromItems(items: readonly ListItem[]): { inrichting: Inrichting; ongeldig?: true } {
  if (items.length === 0) return { inrichting: ZOETERMEER_INRICHTING };
  const inrichting = usableInrichting(itemsToRawInrichting(items));
  return inrichting ? { inrichting } : { inrichting: ZOETERMEER_INRICHTING, ongeldig: true };
}

/**
 * The Inrichting list as one optional read of a `$batch` (list-batch.ts): a site from before schema version 12 has no
 * such list, and its 404 is an empty list, which is Zoetermeer's set-up (`inrichtingFromItems`).
 */
export const INRICHTING_READ = { list: 'Inrichting', fields: inrichtingFieldNames, optional: true } as const;
