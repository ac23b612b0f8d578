import { AGENDA_KEUZES, type AgendaKeuze } from '../../domain/agenda-keuze.js';
import { caml, LINK_TITLE } from './caml.js';
import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem } from './list-definition.js';

/** Internal field names of the Agendakeuzes list: the only place they are spelled. */
export const AGENDAKEUZE_FIELDS = {
  titel: 'Title',
  vergadering: 'Vergadering',
  vergadermoment: 'Vergadermoment',
  actie: 'Actie',
  actieNummer: 'ActieNummer',
  keuze: 'Keuze',
  reden: 'Reden',
  door: 'Door',
  doorNaam: 'DoorNaam',
  op: 'Op',
  clientKey: 'ClientKey',
} as const;

const F = AGENDAKEUZE_FIELDS;

/**
 * The secretary's choices for one MT meeting's agenda (issue 14, point 3): one item per meeting and action, "Ook
 * bespreken" or "Niet nodig" with a reason. `Vergadering` is the reminder log's occurrence key (`<mt>|<start>`), so a
 * choice belongs to exactly one meeting; `Vergadermoment` (indexed) lets the reminder job read only the coming
 * meetings' choices in its one `$batch`. ClientKey (unique) is `agendakeuze:<vergadering>|<actie id>`: one item per
 * action and meeting, so a repeated create lands once and a change is an If-Match update of that item.
 */
export const agendakeuzesList: ListDefinition = {
  name: 'Agendakeuzes',
  description:
    'Keuzes van de secretaris voor de agenda van één MT-vergadering: een actie ook bespreken, of niet nodig (met reden).',
  titleDisplayName: 'Actie en keuze',
  columns: [
    { name: F.vergadering, displayName: 'Vergadering', text: { maxLength: 255 }, required: true, indexed: true },
    {
      name: F.vergadermoment,
      displayName: 'Vergadermoment',
      dateTime: { format: 'dateTime' },
      required: true,
      indexed: true,
    },
    { name: F.actie, displayName: 'Actie', lookup: { listName: 'Acties', columnName: 'Nummer' }, required: true },
    { name: F.actieNummer, displayName: 'Actienummer', text: { maxLength: 16 }, required: true },
    {
      name: F.keuze,
      displayName: 'Keuze',
      choice: { choices: AGENDA_KEUZES, displayAs: 'dropDownMenu' },
      required: true,
    },
    { name: F.reden, displayName: 'Reden', text: { allowMultipleLines: true } },
    {
      name: F.door,
      displayName: 'Gekozen door',
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
    },
    { name: F.doorNaam, displayName: 'Gekozen door (naam)', text: { maxLength: 255 } },
    { name: F.op, displayName: 'Gekozen op', dateTime: { format: 'dateTime' }, required: true },
    {
      name: F.clientKey,
      displayName: 'Client-sleutel',
      text: { maxLength: 255 },
      indexed: true,
      enforceUniqueValues: true,
    },
  ],
  views: [
    {
      title: 'Per vergadering',
      query: caml.orderBy(F.vergadermoment),
      fields: [LINK_TITLE, F.vergadering, F.keuze, F.reden, F.doorNaam, F.op],
    },
  ],
};

/** Fields to select when reading choices; lookups and people come back as `<Name>LookupId`. */
export const agendakeuzeFieldNames = [
  F.titel,
  F.vergadering,
  F.vergadermoment,
  lookupIdField(F.actie),
  F.actieNummer,
  F.keuze,
  F.reden,
  lookupIdField(F.door),
  F.doorNaam,
  F.op,
  F.clientKey,
];

/** The ClientKey of the one item per meeting and action. */
export function agendakeuzeClientKey(vergadering: string, actieId: string): string {
  return `agendakeuze:${vergadering}|${actieId}`;
}

/** A choice as the domain knows it, read tolerantly (a missing field reads as empty, with a problem). */
export function toAgendaKeuze(item: ListItem): Loaded<AgendaKeuze> {
  const read = new FieldReader(item.fields);
  const value: AgendaKeuze = {
    vergadering: read.text(F.vergadering, { required: true }) ?? '',
    actieId: read.lookupId(F.actie) ?? '',
    keuze: read.choice(F.keuze, AGENDA_KEUZES, { required: true }) ?? 'Ook bespreken',
  };
  withOptional(value, { reden: read.text(F.reden), doorNaam: read.text(F.doorNaam), op: read.text(F.op) });
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

/** The fields a choice writes (all of them, in one create or one If-Match update: never half an item). */
export function agendaKeuzeToFields(k: {
  vergadering: string;
  vergadermoment: string;
  actieId: string;
  actieNummer: string;
  keuze: AgendaKeuze['keuze'];
  reden?: string;
  doorId?: string;
  doorNaam?: string;
  op: string;
}): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    [F.titel]: `${k.actieNummer} ${k.keuze}`,
    [F.vergadering]: k.vergadering,
    [F.vergadermoment]: k.vergadermoment,
    [lookupIdField(F.actie)]: Number(k.actieId),
    [F.actieNummer]: k.actieNummer,
    [F.keuze]: k.keuze,
    [F.reden]: k.reden?.trim() || null,
    [F.doorNaam]: k.doorNaam ?? null,
    [F.op]: k.op,
  };
  if (k.doorId !== undefined) fields[lookupIdField(F.door)] = Number(k.doorId);
  return fields;
}
