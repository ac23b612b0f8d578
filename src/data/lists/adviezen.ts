import { ZOETERMEER_INRICHTING, type Inrichting } from '../../domain/inrichting-basis.js';
import { PLATEAUS, THEMA_CODES, type Advies } from '../../domain/model.js';
import { FieldReader, type Loaded } from './field-reader.js';
import type { ListDefinition, ListItem } from './list-definition.js';

/** Internal field names of the Adviezen list: the only place they are spelled. */
export const ADVIES_FIELDS = {
  titel: 'Title',
  nummer: 'Nummer',
  thema: 'Thema',
  plateau: 'Plateau',
  collegeReactie: 'CollegeReactie',
  collegePlanning: 'CollegePlanning',
  omschrijving: 'Omschrijving',
  samenhangMet: 'SamenhangMet',
} as const;

export const adviezenList: ListDefinition = {
  name: 'Adviezen',
  description:
    'De 11 adviezen uit het 213a-onderzoek digitaal leiderschap, met de reactie en planning van het college.',
  titleDisplayName: 'Advies',
  columns: [
    {
      name: ADVIES_FIELDS.nummer,
      displayName: 'Nummer',
      number: { decimalPlaces: 'none', minimum: 1 },
      required: true,
      indexed: true,
      enforceUniqueValues: true,
    },
    {
      name: ADVIES_FIELDS.thema,
      displayName: 'Thema',
      choicesFrom: 'themas',
      choice: { choices: THEMA_CODES, displayAs: 'dropDownMenu' },
      required: true,
    },
    {
      name: ADVIES_FIELDS.plateau,
      displayName: 'Plateau',
      choicesFrom: 'plateaus',
      choice: { choices: PLATEAUS, displayAs: 'dropDownMenu' },
      required: true,
    },
    { name: ADVIES_FIELDS.collegeReactie, displayName: 'Reactie college', text: { allowMultipleLines: true } },
    { name: ADVIES_FIELDS.collegePlanning, displayName: 'Planning college', text: { maxLength: 255 } },
    // Schema version 7: the report's own words for the advies (issue 12, point 5).
    { name: ADVIES_FIELDS.omschrijving, displayName: 'Omschrijving', text: { allowMultipleLines: true } },
    // Schema version 9: the adviezen the college takes up together with this one, as numbers ("3, 5") (issue 13, point 7).
    { name: ADVIES_FIELDS.samenhangMet, displayName: 'In samenhang met advies', text: { maxLength: 255 } },
  ],
};

export const adviesFieldNames = Object.values(ADVIES_FIELDS);

/** Reads an advies against the site's set-up (its theme codes and plateaus; Zoetermeer's when not given). */
export function toAdvies(item: ListItem, inrichting: Inrichting = ZOETERMEER_INRICHTING): Loaded<Advies> {
  const read = new FieldReader(item.fields);
  const value: Advies = {
    nummer: read.number(ADVIES_FIELDS.nummer, { required: true }) ?? 0,
    titel: read.text(ADVIES_FIELDS.titel, { required: true }) ?? '',
    thema:
      read.setupChoice(ADVIES_FIELDS.thema, inrichting, 'themas', { required: true }) ??
      inrichting.themas[0]?.code ??
      '',
    plateau:
      read.setupChoice(ADVIES_FIELDS.plateau, inrichting, 'plateaus', { required: true }) ??
      inrichting.plateaus[0] ??
      '',
    collegeReactie: read.text(ADVIES_FIELDS.collegeReactie) ?? '',
    collegePlanning: read.text(ADVIES_FIELDS.collegePlanning) ?? '',
  };
  const omschrijving = read.text(ADVIES_FIELDS.omschrijving);
  if (omschrijving !== undefined) value.omschrijving = omschrijving;
  const samenhangMet = read.numberList(ADVIES_FIELDS.samenhangMet);
  if (samenhangMet.length > 0) value.samenhangMet = samenhangMet;
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

export function adviesToFields(advies: Advies): Record<string, unknown> {
  return {
    [ADVIES_FIELDS.titel]: advies.titel,
    [ADVIES_FIELDS.nummer]: advies.nummer,
    [ADVIES_FIELDS.thema]: advies.thema,
    [ADVIES_FIELDS.plateau]: advies.plateau,
    [ADVIES_FIELDS.collegeReactie]: advies.collegeReactie,
    [ADVIES_FIELDS.collegePlanning]: advies.collegePlanning,
    [ADVIES_FIELDS.omschrijving]: advies.omschrijving ?? null,
    [ADVIES_FIELDS.samenhangMet]: formatSamenhang(advies.samenhangMet),
  };
}

/** Related advies numbers as the column holds them: "3, 5"; `null` (empty) for none. */
export function formatSamenhang(nummers: readonly number[] | undefined): string | null {
  return nummers && nummers.length > 0 ? nummers.join(', ') : null;
}
