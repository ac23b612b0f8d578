import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem, type ListName } from './list-definition.js';

/**
 * The decision log of MT meetings (issue 6, item 3): one item per agenda item ticked as discussed and/or given a short
 * decision in the meeting's side panel. `Vergadering` holds the occurrence key (`<mt.key>|<start ISO>`, the same key as
 * the reminder log's Sleutel), so the next meeting's agenda can list what the previous one decided.
 */
export const BESLUIT_FIELDS = {
  tekst: 'Title',
  vergadering: 'Vergadering',
  mt: 'MT',
  actie: 'Actie',
  portfolioItem: 'PortfolioItem',
  besproken: 'Besproken',
  door: 'Door',
  doorNaam: 'DoorNaam',
  op: 'Op',
  clientKey: 'ClientKey',
} as const;

/**
 * SharePoint requires Title; an item only ticked as discussed carries this marker instead of a decision text, and
 * reads back as an empty text.
 */
export const ONLY_BESPROKEN = '—';

/** Not (yet) one of the `ListName`s the other modules know; addressed by its display name like the others. */
export const BESLUITEN_LIST: ListName = 'Besluiten';

export const besluitenList: ListDefinition = {
  name: BESLUITEN_LIST,
  description: 'Besluiten en besproken agendapunten digitalisering per MT-vergadering.',
  titleDisplayName: 'Besluit',
  columns: [
    {
      name: BESLUIT_FIELDS.vergadering,
      displayName: 'Vergadering',
      text: { maxLength: 255 },
      required: true,
      indexed: true,
    },
    { name: BESLUIT_FIELDS.mt, displayName: 'MT', lookup: { listName: 'MTs', columnName: 'Title' }, indexed: true },
    { name: BESLUIT_FIELDS.actie, displayName: 'Actie', lookup: { listName: 'Acties', columnName: 'Title' } },
    {
      name: BESLUIT_FIELDS.portfolioItem,
      displayName: 'Portfolio-item',
      lookup: { listName: 'Portfolio', columnName: 'Title' },
    },
    { name: BESLUIT_FIELDS.besproken, displayName: 'Besproken', boolean: {} },
    { name: BESLUIT_FIELDS.door, displayName: 'Door', personOrGroup: { chooseFromType: 'peopleOnly' } },
    { name: BESLUIT_FIELDS.op, displayName: 'Op', dateTime: { format: 'dateTime' } },
    // Schema version 8: the name Teams gave for a decision recorded by the app for a person (the card), also for
    // someone the site does not know, whom the Door column cannot hold (issue 14, point 4).
    { name: BESLUIT_FIELDS.doorNaam, displayName: 'Door (naam)', text: { maxLength: 255 } },
    {
      name: BESLUIT_FIELDS.clientKey,
      displayName: 'Client-sleutel',
      text: { maxLength: 255 },
      indexed: true,
      enforceUniqueValues: true,
    },
  ],
};

/** One recorded tick or decision. */
export type Besluit = {
  /** The decision text; empty when the item was only ticked as discussed. */
  tekst: string;
  /** The occurrence key `<mt.key>|<start ISO>`. */
  vergadering: string;
  mtId?: string;
  actieId?: string;
  portfolioItemId?: string;
  besproken: boolean;
  doorId?: string;
  /** The name of the person as Teams gave it (decisions from the card); the log's fallback when `doorId` is absent. */
  doorNaam?: string;
  op?: string;
  clientKey: string;
};

export const besluitFieldNames = [
  BESLUIT_FIELDS.tekst,
  BESLUIT_FIELDS.vergadering,
  lookupIdField(BESLUIT_FIELDS.mt),
  lookupIdField(BESLUIT_FIELDS.actie),
  lookupIdField(BESLUIT_FIELDS.portfolioItem),
  BESLUIT_FIELDS.besproken,
  lookupIdField(BESLUIT_FIELDS.door),
  BESLUIT_FIELDS.doorNaam,
  BESLUIT_FIELDS.op,
  BESLUIT_FIELDS.clientKey,
];

function decisionText(title: string | undefined): string {
  const t = (title ?? '').trim();
  return t === ONLY_BESPROKEN ? '' : t;
}

export function toBesluit(item: ListItem): Loaded<Besluit> {
  const read = new FieldReader(item.fields);
  const value: Besluit = {
    tekst: decisionText(read.text(BESLUIT_FIELDS.tekst)),
    vergadering: read.text(BESLUIT_FIELDS.vergadering, { required: true }) ?? '',
    besproken: item.fields[BESLUIT_FIELDS.besproken] === true,
    clientKey: read.text(BESLUIT_FIELDS.clientKey) ?? '',
  };
  withOptional(value, {
    mtId: read.lookupId(BESLUIT_FIELDS.mt),
    actieId: read.lookupId(BESLUIT_FIELDS.actie),
    portfolioItemId: read.lookupId(BESLUIT_FIELDS.portfolioItem),
    doorId: read.lookupId(BESLUIT_FIELDS.door),
    doorNaam: read.text(BESLUIT_FIELDS.doorNaam),
    op: read.text(BESLUIT_FIELDS.op),
  });
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

/** The fields of a new decision (the ClientKey is added by the list store). */
export function besluitToFields(b: Omit<Besluit, 'clientKey'>): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    [BESLUIT_FIELDS.tekst]: b.tekst.trim() === '' ? ONLY_BESPROKEN : b.tekst.trim().slice(0, 255),
    [BESLUIT_FIELDS.vergadering]: b.vergadering,
    [BESLUIT_FIELDS.besproken]: b.besproken,
  };
  if (b.mtId !== undefined) fields[lookupIdField(BESLUIT_FIELDS.mt)] = Number(b.mtId);
  if (b.actieId !== undefined) fields[lookupIdField(BESLUIT_FIELDS.actie)] = Number(b.actieId);
  if (b.portfolioItemId !== undefined) fields[lookupIdField(BESLUIT_FIELDS.portfolioItem)] = Number(b.portfolioItemId);
  if (b.doorId !== undefined) fields[lookupIdField(BESLUIT_FIELDS.door)] = Number(b.doorId);
  if (b.doorNaam !== undefined) fields[BESLUIT_FIELDS.doorNaam] = b.doorNaam.replace(/\s+/g, ' ').trim().slice(0, 255);
  if (b.op !== undefined) fields[BESLUIT_FIELDS.op] = b.op;
  return fields;
}
