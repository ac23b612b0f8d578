import type { Inrichting } from '../../domain/inrichting-basis.js';
import { THEMA_CODES, type Bevinding } from '../../domain/model.js';
import { FieldReader, type Loaded } from './field-reader.js';
import type { ListDefinition, ListItem } from './list-definition.js';

export const BEVINDING_FIELDS = {
  titel: 'Title',
  nummer: 'Nummer',
  toelichting: 'Toelichting',
  thema: 'Thema',
} as const;

export const bevindingenList: ListDefinition = {
  name: 'Bevindingen',
  description: 'De 9 bevindingen uit het onderzoek digitaal leiderschap.',
  titleDisplayName: 'Bevinding',
  columns: [
    {
      name: BEVINDING_FIELDS.nummer,
      displayName: 'Nummer',
      number: { decimalPlaces: 'none', minimum: 1 },
      required: true,
      indexed: true,
      enforceUniqueValues: true,
    },
    { name: BEVINDING_FIELDS.toelichting, displayName: 'Toelichting', text: { allowMultipleLines: true } },
    // Schema version 9: the theme the report's appendix discusses the finding under (issue 13, point 7).
    {
      name: BEVINDING_FIELDS.thema,
      displayName: 'Thema',
      choicesFrom: 'themas',
      choice: { choices: THEMA_CODES, displayAs: 'dropDownMenu' },
    },
  ],
};

export const bevindingFieldNames = Object.values(BEVINDING_FIELDS);

/** Reads a finding against the site's set-up (its theme codes). */
export function toBevinding(item: ListItem, inrichting: Inrichting): Loaded<Bevinding> {
  const read = new FieldReader(item.fields);
  const value: Bevinding = {
    nummer: read.number(BEVINDING_FIELDS.nummer, { required: true }) ?? 0,
    titel: read.text(BEVINDING_FIELDS.titel, { required: true }) ?? '',
    toelichting: read.text(BEVINDING_FIELDS.toelichting) ?? '',
  };
  const thema = read.setupChoice(BEVINDING_FIELDS.thema, inrichting, 'themas') as Bevinding['thema'];
  if (thema !== undefined) value.thema = thema;
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

export function bevindingToFields(bevinding: Bevinding): Record<string, unknown> {
  return {
    [BEVINDING_FIELDS.titel]: bevinding.titel,
    [BEVINDING_FIELDS.nummer]: bevinding.nummer,
    [BEVINDING_FIELDS.toelichting]: bevinding.toelichting,
    [BEVINDING_FIELDS.thema]: bevinding.thema ?? null,
  };
}
