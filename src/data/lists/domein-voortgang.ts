import { calendarDateToInstant } from '../../domain/dates.js';
import { domeinVoortgangKey, type DomeinVoortgang, type DomeinVoortgangChange } from '../../domain/domein-voortgang.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from '../../domain/inrichting-basis.js';
import { ACTIE_STATUSES, DOMEINEN, type Domein, type PersonRef } from '../../domain/model.js';
import { caml, LINK_TITLE } from './caml.js';
import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem } from './list-definition.js';

/** Internal field names of the DomeinVoortgang list: the only place they are spelled. */
export const DOMEIN_VOORTGANG_FIELDS = {
  titel: 'Title',
  sleutel: 'Sleutel',
  actie: 'Actie',
  domein: 'Domein',
  status: 'Status',
  statusToelichting: 'StatusToelichting',
  eigenaar: 'Eigenaar',
  deadline: 'Deadline',
  notitie: 'Notitie',
  // Schema version 11: the person a write under the app's identity was made for (a card button), as on Acties; the
  // same internal names, so `onBehalfToFields` and `onBehalfOf` of the acties list serve both lists.
  bijgewerktDoor: 'BijgewerktDoor',
  bijgewerktNaam: 'BijgewerktNaam',
  bijgewerktOp: 'BijgewerktOp',
} as const;

const F = DOMEIN_VOORTGANG_FIELDS;

/**
 * Progress per domain on an action that several domains carry (issue 12, point 4): one item per action and domain,
 * enforced by the unique Sleutel ("1.1|Sociaal Domein"), which is also the create's de-duplication key.
 */
export const domeinVoortgangList: ListDefinition = {
  name: 'DomeinVoortgang',
  description:
    'Voortgang per domein op acties die meerdere domeinen dragen: status, eigenaar, deadline en notitie van elk domein.',
  titleDisplayName: 'Actie en domein',
  columns: [
    {
      name: F.sleutel,
      displayName: 'Sleutel',
      text: { maxLength: 64 },
      required: true,
      indexed: true,
      enforceUniqueValues: true,
    },
    { name: F.actie, displayName: 'Actie', lookup: { listName: 'Acties', columnName: 'Nummer' }, required: true },
    {
      name: F.domein,
      displayName: 'Domein',
      choicesFrom: 'domeinen',
      choice: { choices: DOMEINEN, displayAs: 'dropDownMenu' },
      required: true,
      indexed: true,
    },
    {
      name: F.status,
      displayName: 'Status',
      choice: { choices: ACTIE_STATUSES, displayAs: 'dropDownMenu' },
      required: true,
      indexed: true,
    },
    { name: F.statusToelichting, displayName: 'Toelichting status', text: { allowMultipleLines: true } },
    {
      name: F.eigenaar,
      displayName: 'Eigenaar',
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
      indexed: true,
    },
    { name: F.deadline, displayName: 'Deadline', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: F.notitie, displayName: 'Notitie', text: { allowMultipleLines: true } },
    // Schema version 11: who a card's write of the row was made for (issue 14, point 4, on the rows of issue 12.4).
    {
      name: F.bijgewerktDoor,
      displayName: 'Bijgewerkt namens',
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
    },
    { name: F.bijgewerktNaam, displayName: 'Bijgewerkt namens (naam)', text: { maxLength: 255 } },
    { name: F.bijgewerktOp, displayName: 'Bijgewerkt namens op', dateTime: { format: 'dateTime' } },
  ],
  views: [
    {
      title: 'Per domein',
      query: caml.groupBy(F.domein) + caml.orderBy('ID'),
      fields: [LINK_TITLE, F.status, F.eigenaar, F.deadline, F.notitie],
    },
    {
      title: 'Mijn domeinacties',
      query: caml.where(caml.isMe(F.eigenaar)) + caml.orderBy(F.deadline),
      fields: [LINK_TITLE, F.status, F.deadline, F.statusToelichting, F.notitie],
    },
  ],
};

/** Fields to select when reading rows; the action and the owner come back as `<Name>LookupId`. */
export const domeinVoortgangFieldNames = [
  F.sleutel,
  lookupIdField(F.actie),
  F.domein,
  F.status,
  F.statusToelichting,
  lookupIdField(F.eigenaar),
  F.deadline,
  F.notitie,
];

/** The read of the whole list, for the loaders that batch several lists (report, add-in agenda). */
export const DOMEIN_VOORTGANG_READ = { list: 'DomeinVoortgang', fields: domeinVoortgangFieldNames } as const;

export type DomeinVoortgangReadContext = {
  actieNummerById: ReadonlyMap<string, string>;
  users: ReadonlyMap<string, PersonRef>;
  /** The site's set-up: the domains a row's domain is read against (Zoetermeer's when absent). */
  inrichting?: Inrichting;
};

/**
 * A row as the domain knows it. Read tolerantly like every list: the action comes from the lookup, or from the key
 * when the lookup is empty (someone cleared it in SharePoint); an unknown status reads as Niet gestart with a problem.
 */
export function toDomeinVoortgang(item: ListItem, context: DomeinVoortgangReadContext): Loaded<DomeinVoortgang> {
  const read = new FieldReader(item.fields);
  const sleutel = read.text(F.sleutel, { required: true }) ?? '';
  const actieId = read.lookupId(F.actie);
  let actie = actieId === undefined ? undefined : context.actieNummerById.get(actieId);
  if (actieId !== undefined && actie === undefined) read.missingTarget(F.actie, actieId);
  actie ??= sleutel.split('|')[0] ?? '';
  const inrichting = context.inrichting ?? ZOETERMEER_INRICHTING;
  const domein: Domein =
    read.setupChoice(F.domein, inrichting, 'domeinen', { required: true }) ??
    inrichting.domeinen.map((d) => d.naam).find((d) => sleutel.endsWith(`|${d}`)) ??
    concernDomein(inrichting);
  const value: DomeinVoortgang = {
    actie,
    domein,
    status: read.choice(F.status, ACTIE_STATUSES, { required: true }) ?? 'Niet gestart',
  };
  withOptional(value, {
    statusToelichting: read.text(F.statusToelichting),
    eigenaar: read.person(F.eigenaar, context.users),
    deadline: read.date(F.deadline),
    notitie: read.text(F.notitie),
  });
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

/** The fields of a new row; `actieId` is the action's item id (the lookup). */
export function domeinVoortgangToFields(rij: DomeinVoortgang, actieId: string): Record<string, unknown> {
  return {
    [F.titel]: `${rij.actie} ${rij.domein}`,
    [F.sleutel]: domeinVoortgangKey(rij.actie, rij.domein),
    [lookupIdField(F.actie)]: actieId,
    [F.domein]: rij.domein,
    ...domeinVoortgangChangeToFields(rij),
  };
}

/** The SharePoint fields of a change: only the keys present, so nobody else's edit is touched. */
export function domeinVoortgangChangeToFields(change: DomeinVoortgangChange): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if ('status' in change && change.status !== undefined) fields[F.status] = change.status;
  if ('statusToelichting' in change) fields[F.statusToelichting] = change.statusToelichting ?? null;
  if ('eigenaar' in change) fields[lookupIdField(F.eigenaar)] = change.eigenaar?.id ?? null;
  if ('deadline' in change) fields[F.deadline] = change.deadline ? calendarDateToInstant(change.deadline) : null;
  if ('notitie' in change) fields[F.notitie] = change.notitie ?? null;
  return fields;
}

export function domeinVoortgangClientKeyField(): string {
  return F.sleutel;
}
