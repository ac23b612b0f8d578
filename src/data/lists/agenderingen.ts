import { concernDomein, type Inrichting } from '../../domain/inrichting-basis.js';
import type { Agendering } from '../../domain/agendering.js';
import { DOMEINEN, type PersonRef } from '../../domain/model.js';
import { caml, LINK_TITLE } from './caml.js';
import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem } from './list-definition.js';

/** Internal field names of the Agenderingen list: the only place they are spelled. */
export const AGENDERING_FIELDS = {
  titel: 'Title',
  actie: 'Actie',
  actieNummer: 'ActieNummer',
  domein: 'Domein',
  door: 'Door',
  reden: 'Reden',
  op: 'Op',
  besproken: 'Besproken',
  besprokenDoor: 'BesprokenDoor',
  besprokenOp: 'BesprokenOp',
  besluit: 'Besluit',
  clientKey: 'ClientKey',
} as const;

const F = AGENDERING_FIELDS;

/**
 * Escalations to the CMT (issue 12, point 6): an action a domain MT put on the CMT's agenda, with its reason, until
 * the CMT ticks it as discussed (optionally with a decision). Items are never deleted: the list is the record of what
 * was escalated and what the CMT decided. ClientKey (unique) makes a create after a lost answer land once.
 * `ActieNummer` keeps the number as text next to the lookup, so the item still says which action it was about when
 * someone clears the lookup in SharePoint.
 */
export const agenderingenList: ListDefinition = {
  name: 'Agenderingen',
  description:
    'Acties die het MT van een domein in het CMT heeft geagendeerd, met reden, tot het CMT ze als besproken afvinkt.',
  titleDisplayName: 'Actie en domein',
  columns: [
    { name: F.actie, displayName: 'Actie', lookup: { listName: 'Acties', columnName: 'Nummer' }, required: true },
    { name: F.actieNummer, displayName: 'Actienummer', text: { maxLength: 16 }, required: true, indexed: true },
    {
      name: F.domein,
      displayName: 'Domein',
      choicesFrom: 'domeinen',
      choice: { choices: DOMEINEN, displayAs: 'dropDownMenu' },
      required: true,
      indexed: true,
    },
    {
      name: F.door,
      displayName: 'Geagendeerd door',
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
    },
    { name: F.reden, displayName: 'Reden', text: { allowMultipleLines: true }, required: true },
    { name: F.op, displayName: 'Geagendeerd op', dateTime: { format: 'dateTime' }, required: true, indexed: true },
    { name: F.besproken, displayName: 'Besproken in CMT', boolean: {}, indexed: true },
    {
      name: F.besprokenDoor,
      displayName: 'Afgevinkt door',
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
    },
    { name: F.besprokenOp, displayName: 'Afgevinkt op', dateTime: { format: 'dateTime' } },
    { name: F.besluit, displayName: 'Besluit CMT', text: { maxLength: 255 } },
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
      title: 'Open in CMT',
      query: caml.where(caml.eq(F.besproken, 'Boolean', '0')) + caml.orderBy(F.op),
      fields: [LINK_TITLE, F.domein, F.door, F.reden, F.op],
    },
  ],
};

/** Fields to select when reading escalations; lookups and people come back as `<Name>LookupId`. */
export const agenderingFieldNames = [
  F.titel,
  lookupIdField(F.actie),
  F.actieNummer,
  F.domein,
  lookupIdField(F.door),
  F.reden,
  F.op,
  F.besproken,
  lookupIdField(F.besprokenDoor),
  F.besprokenOp,
  F.besluit,
  F.clientKey,
];

/** The read of the whole list (one sub-request of a `$batch`). */
export const AGENDERINGEN_READ = { list: 'Agenderingen', fields: agenderingFieldNames } as const;

/**
 * The read of the escalations still open (on the indexed Besproken column): what the CMT's agenda lists and its tick
 * acts on. Years of ticked items stay in the list without slowing the card.
 */
export const AGENDERINGEN_OPEN_READ = { ...AGENDERINGEN_READ, filter: `fields/${F.besproken} eq false` } as const;

/** `toAgendering`'s context when the actions are not at hand: the number then comes from the ActieNummer column. */
export function agenderingReadContext(
  users: ReadonlyMap<string, PersonRef>,
  inrichting: Inrichting,
  acties: readonly { id: string; value: { nummer: string } }[] = [],
): AgenderingReadContext {
  return { actieNummerById: new Map(acties.map((a) => [a.id, a.value.nummer])), users, inrichting };
}

/** What `toAgendering` reads against: the actions' numbers, the site users and the site's set-up (its domains). */
export type AgenderingReadContext = {
  actieNummerById: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, PersonRef>;
  inrichting: Inrichting;
};

/**
 * An escalation as the domain knows it, read tolerantly: the number comes from the lookup, or from ActieNummer when
 * the lookup points nowhere; a missing reason reads as empty with a problem.
 */
export function toAgendering(item: ListItem, context: AgenderingReadContext): Loaded<Agendering> {
  const read = new FieldReader(item.fields);
  const actieId = read.lookupId(F.actie);
  const viaLookup = actieId === undefined ? undefined : context.actieNummerById.get(actieId);
  const value: Agendering = {
    actie: viaLookup ?? read.text(F.actieNummer, { required: true }) ?? '',
    domein:
      read.setupChoice(F.domein, context.inrichting, 'domeinen', { required: true }) ??
      concernDomein(context.inrichting),
    reden: read.text(F.reden, { required: true }) ?? '',
    op: read.text(F.op, { required: true }) ?? '',
    besproken: read.flag(F.besproken),
  };
  withOptional(value, {
    door: read.person(F.door, context.users),
    besprokenDoor: read.person(F.besprokenDoor, context.users),
    besprokenOp: read.text(F.besprokenOp),
    besluit: read.text(F.besluit),
  });
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

/** The fields of a new escalation (the ClientKey is added by the list store). */
export function agenderingToFields(
  a: Pick<Agendering, 'actie' | 'domein' | 'reden' | 'op'> & { doorId?: string },
  actieId: string,
): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    [F.titel]: `${a.actie} ${a.domein}`,
    [lookupIdField(F.actie)]: Number(actieId),
    [F.actieNummer]: a.actie,
    [F.domein]: a.domein,
    [F.reden]: a.reden,
    [F.op]: a.op,
    [F.besproken]: false,
  };
  if (a.doorId !== undefined) fields[lookupIdField(F.door)] = Number(a.doorId);
  return fields;
}

/** The fields of the CMT's tick: discussed, by whom, when, and the decision when there is one. */
export function afhandelingToFields(a: { doorId?: string; op: string; besluit?: string }): Record<string, unknown> {
  const fields: Record<string, unknown> = { [F.besproken]: true, [F.besprokenOp]: a.op };
  if (a.doorId !== undefined) fields[lookupIdField(F.besprokenDoor)] = Number(a.doorId);
  if (a.besluit !== undefined) fields[F.besluit] = a.besluit;
  return fields;
}
