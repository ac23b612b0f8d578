import { BEHAALD_VALUES, type Kwartaaldoel } from '../../domain/model.js';
import { FieldReader, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem } from './list-definition.js';

export const KWARTAALDOEL_FIELDS = {
  titel: 'Title',
  portfolio: 'Portfolio',
  kwartaal: 'Kwartaal',
  doel: 'Doel',
  behaald: 'Behaald',
  reden: 'Reden',
} as const;

export const kwartaaldoelenList: ListDefinition = {
  name: 'Kwartaaldoelen',
  description: 'Kwartaaldoelen per portfolio-initiatief en of ze behaald zijn (terugkoppeling IMO, advies 3.3).',
  titleDisplayName: 'Omschrijving',
  columns: [
    {
      name: KWARTAALDOEL_FIELDS.portfolio,
      displayName: 'Initiatief',
      lookup: { listName: 'Portfolio', columnName: 'Title' },
      required: true,
    },
    {
      name: KWARTAALDOEL_FIELDS.kwartaal,
      displayName: 'Kwartaal',
      text: { maxLength: 7 },
      required: true,
      indexed: true,
    },
    { name: KWARTAALDOEL_FIELDS.doel, displayName: 'Doel', text: { allowMultipleLines: true }, required: true },
    {
      name: KWARTAALDOEL_FIELDS.behaald,
      displayName: 'Behaald',
      choice: { choices: BEHAALD_VALUES, displayAs: 'radioButtons' },
    },
    { name: KWARTAALDOEL_FIELDS.reden, displayName: 'Reden (als niet behaald)', text: { allowMultipleLines: true } },
  ],
};

export const kwartaaldoelFieldNames = [
  KWARTAALDOEL_FIELDS.titel,
  lookupIdField(KWARTAALDOEL_FIELDS.portfolio),
  KWARTAALDOEL_FIELDS.kwartaal,
  KWARTAALDOEL_FIELDS.doel,
  KWARTAALDOEL_FIELDS.behaald,
  KWARTAALDOEL_FIELDS.reden,
];

export function toKwartaaldoel(item: ListItem, portfolioKeyById: ReadonlyMap<string, string>): Loaded<Kwartaaldoel> {
  const read = new FieldReader(item.fields);
  const portfolioId = read.lookupId(KWARTAALDOEL_FIELDS.portfolio);
  const portfolioKey = portfolioId === undefined ? undefined : portfolioKeyById.get(portfolioId);
  if (portfolioId !== undefined && portfolioKey === undefined)
    read.missingTarget(KWARTAALDOEL_FIELDS.portfolio, portfolioId);
  const value: Kwartaaldoel = {
    portfolioKey: portfolioKey ?? '',
    kwartaal: read.text(KWARTAALDOEL_FIELDS.kwartaal, { required: true }) ?? '',
    doel: read.text(KWARTAALDOEL_FIELDS.doel, { required: true }) ?? '',
  };
  const behaald = read.choice(KWARTAALDOEL_FIELDS.behaald, BEHAALD_VALUES);
  if (behaald) value.behaald = behaald;
  const reden = read.text(KWARTAALDOEL_FIELDS.reden);
  if (reden) value.reden = reden;
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

export function kwartaaldoelToFields(doel: Kwartaaldoel, portfolioId: string): Record<string, unknown> {
  return {
    [KWARTAALDOEL_FIELDS.titel]: `${doel.kwartaal}: ${doel.doel}`.slice(0, 255),
    [lookupIdField(KWARTAALDOEL_FIELDS.portfolio)]: portfolioId,
    [KWARTAALDOEL_FIELDS.kwartaal]: doel.kwartaal,
    [KWARTAALDOEL_FIELDS.doel]: doel.doel,
    [KWARTAALDOEL_FIELDS.behaald]: doel.behaald ?? null,
    [KWARTAALDOEL_FIELDS.reden]: doel.reden ?? null,
  };
}
