import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem } from './list-definition.js';

/**
 * The reminder log: one item per MT meeting occurrence. Its unique `Sleutel` (MT + occurrence
 * start) is what makes a reminder exactly-once across timers and instances.
 */
export const HERINNERING_FIELDS = {
  titel: 'Title',
  sleutel: 'Sleutel',
  mt: 'MT',
  moment: 'Moment',
  status: 'Status',
  berichtId: 'BerichtId',
  snapshot: 'Snapshot',
  besprokenDoor: 'BesprokenDoor',
  besprokenOp: 'BesprokenOp',
  claim: 'Claim',
  fout: 'Fout',
} as const;

export const HERINNERING_STATUSES = ['geclaimd', 'verzonden', 'mislukt'] as const;

export const herinneringenList: ListDefinition = {
  name: 'Herinneringen',
  description: 'Logboek van verstuurde agendapunten digitalisering: één regel per MT-vergadering.',
  titleDisplayName: 'Omschrijving',
  columns: [
    {
      name: HERINNERING_FIELDS.sleutel,
      displayName: 'Sleutel',
      text: { maxLength: 255 },
      required: true,
      indexed: true,
      enforceUniqueValues: true,
    },
    { name: HERINNERING_FIELDS.mt, displayName: 'MT', lookup: { listName: 'MTs', columnName: 'Title' }, indexed: true },
    { name: HERINNERING_FIELDS.moment, displayName: 'Vergadermoment', dateTime: { format: 'dateTime' }, indexed: true },
    {
      name: HERINNERING_FIELDS.status,
      displayName: 'Status',
      choice: { choices: HERINNERING_STATUSES, displayAs: 'dropDownMenu' },
    },
    { name: HERINNERING_FIELDS.berichtId, displayName: 'Bericht-id', text: { maxLength: 255 } },
    { name: HERINNERING_FIELDS.snapshot, displayName: 'Momentopname', text: { allowMultipleLines: true } },
    {
      name: HERINNERING_FIELDS.besprokenDoor,
      displayName: 'Besproken door',
      personOrGroup: { chooseFromType: 'peopleOnly' },
    },
    { name: HERINNERING_FIELDS.besprokenOp, displayName: 'Besproken op', dateTime: { format: 'dateTime' } },
    // Which job run claimed the occurrence: tells "my claim landed" from "another run got it" after a lost answer.
    { name: HERINNERING_FIELDS.claim, displayName: 'Claim', text: { maxLength: 64 } },
    { name: HERINNERING_FIELDS.fout, displayName: 'Fout', text: { allowMultipleLines: true } },
  ],
};

export type HerinneringStatus = (typeof HERINNERING_STATUSES)[number];

/** One MT meeting's reminder as logged. */
export type Herinnering = {
  sleutel: string;
  mtId?: string;
  moment: string;
  status?: HerinneringStatus;
  claim?: string;
  berichtId?: string;
  snapshot?: string;
  besprokenDoorId?: string;
  besprokenOp?: string;
  fout?: string;
};

export const herinneringFieldNames = [
  HERINNERING_FIELDS.titel,
  HERINNERING_FIELDS.sleutel,
  lookupIdField(HERINNERING_FIELDS.mt),
  HERINNERING_FIELDS.moment,
  HERINNERING_FIELDS.status,
  HERINNERING_FIELDS.claim,
  HERINNERING_FIELDS.berichtId,
  HERINNERING_FIELDS.snapshot,
  lookupIdField(HERINNERING_FIELDS.besprokenDoor),
  HERINNERING_FIELDS.besprokenOp,
  HERINNERING_FIELDS.fout,
];

export function toHerinnering(item: ListItem): Loaded<Herinnering> {
  const read = new FieldReader(item.fields);
  const value: Herinnering = {
    sleutel: read.text(HERINNERING_FIELDS.sleutel, { required: true }) ?? '',
    moment: read.text(HERINNERING_FIELDS.moment, { required: true }) ?? '',
  };
  withOptional(value, {
    mtId: read.lookupId(HERINNERING_FIELDS.mt),
    status: read.choice(HERINNERING_FIELDS.status, HERINNERING_STATUSES),
    claim: read.text(HERINNERING_FIELDS.claim),
    berichtId: read.text(HERINNERING_FIELDS.berichtId),
    snapshot: read.text(HERINNERING_FIELDS.snapshot),
    besprokenDoorId: read.lookupId(HERINNERING_FIELDS.besprokenDoor),
    besprokenOp: read.text(HERINNERING_FIELDS.besprokenOp),
    fout: read.text(HERINNERING_FIELDS.fout),
  });
  return {
    id: item.id,
    eTag: item.eTag,
    modified: item.lastModifiedDateTime,
    ...(item.createdDateTime ? { created: item.createdDateTime } : {}),
    value,
    problems: read.problems,
  };
}

/** Fields for a claim: the occurrence, its MT and who claims it. */
export function claimFields(claim: {
  sleutel: string;
  mtId: string;
  mtNaam: string;
  moment: string;
  claimant: string;
}): Record<string, unknown> {
  return {
    [HERINNERING_FIELDS.titel]: `${claim.mtNaam} ${claim.moment}`.slice(0, 255),
    [HERINNERING_FIELDS.sleutel]: claim.sleutel,
    [lookupIdField(HERINNERING_FIELDS.mt)]: claim.mtId,
    [HERINNERING_FIELDS.moment]: claim.moment,
    [HERINNERING_FIELDS.status]: 'geclaimd',
    [HERINNERING_FIELDS.claim]: claim.claimant,
  };
}

export function sentFields(berichtId: string, snapshot: string): Record<string, unknown> {
  return {
    [HERINNERING_FIELDS.status]: 'verzonden',
    [HERINNERING_FIELDS.berichtId]: berichtId,
    [HERINNERING_FIELDS.snapshot]: snapshot,
    [HERINNERING_FIELDS.fout]: null,
  };
}

export function failedFields(error: string): Record<string, unknown> {
  return { [HERINNERING_FIELDS.status]: 'mislukt', [HERINNERING_FIELDS.fout]: error.slice(0, 2000) };
}

export function discussedFields(doorId: string, op: string): Record<string, unknown> {
  return { [lookupIdField(HERINNERING_FIELDS.besprokenDoor)]: doorId, [HERINNERING_FIELDS.besprokenOp]: op };
}
