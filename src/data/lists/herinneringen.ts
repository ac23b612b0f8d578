import type { ListDefinition } from './list-definition.js';

/**
 * The reminder log: one item per MT meeting occurrence. Its unique `Sleutel` (MT + occurrence
 * start) is what makes a reminder exactly-once across timers and instances. The reminder
 * feature (a later issue) adds the mappers; the schema is provisioned from the start.
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
} as const;

export const HERINNERING_STATUSSEN = ['geclaimd', 'verzonden', 'mislukt'] as const;

export const herinneringenList: ListDefinition = {
  name: 'Herinneringen',
  description: 'Logboek van verstuurde agendapunten digitalisering: één regel per MT-vergadering.',
  titleDisplayName: 'Omschrijving',
  columns: [
    { name: HERINNERING_FIELDS.sleutel, displayName: 'Sleutel', text: { maxLength: 255 }, required: true, indexed: true, enforceUniqueValues: true },
    { name: HERINNERING_FIELDS.mt, displayName: 'MT', lookup: { listName: 'MTs', columnName: 'Title' } },
    { name: HERINNERING_FIELDS.moment, displayName: 'Vergadermoment', dateTime: { format: 'dateTime' }, indexed: true },
    { name: HERINNERING_FIELDS.status, displayName: 'Status', choice: { choices: HERINNERING_STATUSSEN, displayAs: 'dropDownMenu' } },
    { name: HERINNERING_FIELDS.berichtId, displayName: 'Bericht-id', text: { maxLength: 255 } },
    { name: HERINNERING_FIELDS.snapshot, displayName: 'Momentopname', text: { allowMultipleLines: true } },
    { name: HERINNERING_FIELDS.besprokenDoor, displayName: 'Besproken door', personOrGroup: { chooseFromType: 'peopleOnly' } },
    { name: HERINNERING_FIELDS.besprokenOp, displayName: 'Besproken op', dateTime: { format: 'dateTime' } },
  ],
};
