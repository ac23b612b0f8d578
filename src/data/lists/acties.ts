import { calendarDateToInstant } from '../../domain/dates.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../../domain/inrichting-basis.js';
import {
  ACTIE_STATUSES,
  DOMEINEN,
  PLATEAUS,
  type Actie,
  type ActieStatus,
  type PersonRef,
} from '../../domain/model.js';
import { caml, LINK_TITLE } from './caml.js';
import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { lookupIdField, type ListDefinition, type ListItem, type ViewDefinition } from './list-definition.js';

/** Internal field names of the Acties list: the only place they are spelled. */
export const ACTIE_FIELDS = {
  titel: 'Title',
  nummer: 'Nummer',
  advies: 'Advies',
  plateau: 'Plateau',
  domeinen: 'Domeinen',
  status: 'Status',
  statusToelichting: 'StatusToelichting',
  eigenaar: 'Eigenaar',
  deadline: 'Deadline',
  start: 'Start',
  planning: 'Planning',
  lopendTraject: 'LopendTraject',
  afhankelijkVan: 'AfhankelijkVan',
  bevindingen: 'Bevindingen',
  clientKey: 'ClientKey',
  vervallen: 'Vervallen',
  vervallenReden: 'VervallenReden',
  omschrijving: 'Omschrijving',
  bijgewerktDoor: 'BijgewerktDoor',
  bijgewerktNaam: 'BijgewerktNaam',
  bijgewerktOp: 'BijgewerktOp',
} as const;

export const actiesList: ListDefinition = {
  name: 'Acties',
  description: 'De 33 acties van het actieplan digitaal leiderschap: status, eigenaar, deadline en planning.',
  titleDisplayName: 'Actie',
  columns: [
    {
      name: ACTIE_FIELDS.nummer,
      displayName: 'Nummer',
      text: { maxLength: 16 },
      required: true,
      indexed: true,
      enforceUniqueValues: true,
    },
    { name: ACTIE_FIELDS.advies, displayName: 'Advies', lookup: { listName: 'Adviezen', columnName: 'Title' } },
    {
      name: ACTIE_FIELDS.plateau,
      displayName: 'Plateau',
      choicesFrom: 'plateaus',
      choice: { choices: PLATEAUS, displayAs: 'dropDownMenu' },
      required: true,
      indexed: true,
    },
    {
      name: ACTIE_FIELDS.domeinen,
      displayName: 'Domeinen',
      choicesFrom: 'domeinen',
      choice: { choices: DOMEINEN, displayAs: 'checkBoxes' },
    },
    {
      name: ACTIE_FIELDS.status,
      displayName: 'Status',
      choice: { choices: ACTIE_STATUSES, displayAs: 'dropDownMenu' },
      required: true,
      indexed: true,
      customFormatter: statusFormat(),
    },
    { name: ACTIE_FIELDS.statusToelichting, displayName: 'Toelichting status', text: { allowMultipleLines: true } },
    {
      name: ACTIE_FIELDS.eigenaar,
      displayName: 'Eigenaar',
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
      indexed: true,
    },
    { name: ACTIE_FIELDS.deadline, displayName: 'Deadline', dateTime: { format: 'dateOnly' }, indexed: true },
    { name: ACTIE_FIELDS.start, displayName: 'Start', dateTime: { format: 'dateOnly' } },
    { name: ACTIE_FIELDS.planning, displayName: 'Planning', text: { maxLength: 255 } },
    { name: ACTIE_FIELDS.lopendTraject, displayName: 'Lopend traject', text: { maxLength: 255 } },
    {
      name: ACTIE_FIELDS.afhankelijkVan,
      displayName: 'Afhankelijk van',
      lookup: { listName: 'Acties', columnName: 'Nummer', allowMultipleValues: true },
    },
    {
      name: ACTIE_FIELDS.bevindingen,
      displayName: 'Bevindingen',
      lookup: { listName: 'Bevindingen', columnName: 'Title', allowMultipleValues: true },
    },
    {
      name: ACTIE_FIELDS.clientKey,
      displayName: 'Sleutel',
      text: { maxLength: 64 },
      indexed: true,
      enforceUniqueValues: true,
    },
    // Schema version 2: retiring instead of deleting (the item, its number and its history stay).
    { name: ACTIE_FIELDS.vervallen, displayName: 'Vervallen', boolean: {} },
    { name: ACTIE_FIELDS.vervallenReden, displayName: 'Reden vervallen', text: { allowMultipleLines: true } },
    // Schema version 7: what the action is, in the report's words (issue 12, point 5).
    { name: ACTIE_FIELDS.omschrijving, displayName: 'Omschrijving', text: { allowMultipleLines: true } },
    // Schema version 8: the person a write made under the app's own identity was made for (issue 14, point 4).
    {
      name: ACTIE_FIELDS.bijgewerktDoor,
      displayName: 'Bijgewerkt namens',
      personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' },
    },
    { name: ACTIE_FIELDS.bijgewerktNaam, displayName: 'Bijgewerkt namens (naam)', text: { maxLength: 255 } },
    { name: ACTIE_FIELDS.bijgewerktOp, displayName: 'Bijgewerkt namens op', dateTime: { format: 'dateTime' } },
  ],
  views: actieViews(),
};

/**
 * SharePoint views for people who open the list directly. Their filters use indexed columns
 * (Status, Eigenaar, Deadline, Plateau), so they keep working past 5,000 items.
 */
function actieViews(): ViewDefinition[] {
  const f = ACTIE_FIELDS;
  const status = (s: ActieStatus) => s;
  return [
    {
      title: 'Per plateau',
      query: caml.groupBy(f.plateau) + caml.orderBy('ID'),
      fields: [f.nummer, LINK_TITLE, f.status, f.eigenaar, f.deadline, f.domeinen],
    },
    {
      title: 'Mijn acties',
      query: caml.where(caml.isMe(f.eigenaar)) + caml.orderBy(f.deadline),
      fields: [f.nummer, LINK_TITLE, f.status, f.deadline, f.plateau, f.statusToelichting],
    },
    {
      title: 'Achterstallig',
      query:
        caml.where(
          caml.and(
            caml.beforeToday(f.deadline),
            caml.neq(f.status, 'Choice', status('Afgerond')),
            caml.neq(f.status, 'Choice', status('Niet overgenomen')),
          ),
        ) + caml.orderBy(f.deadline),
      fields: [f.nummer, LINK_TITLE, f.eigenaar, f.deadline, f.status, f.plateau],
    },
    {
      title: 'Geblokkeerd',
      query: caml.where(caml.eq(f.status, 'Choice', status('Geblokkeerd'))) + caml.orderBy('ID'),
      fields: [f.nummer, LINK_TITLE, f.eigenaar, f.statusToelichting, f.deadline],
    },
  ];
}

/**
 * Column formatting of Status in SharePoint: a coloured pill per status, with SharePoint's theme
 * classes (never raw colours) so it follows the site theme and high contrast.
 */
function statusFormat(): Record<string, unknown> {
  const classes: Record<ActieStatus, string> = {
    'Niet gestart': 'sp-css-backgroundColor-BgLightGray sp-css-color-BlackText',
    Loopt: 'sp-css-backgroundColor-BgCornflowerBlue sp-css-color-WhiteText',
    Geblokkeerd: 'sp-css-backgroundColor-BgRed sp-css-color-WhiteText',
    Afgerond: 'sp-css-backgroundColor-BgMintGreen sp-css-color-MintGreenFont',
    'Belegd in lopend traject': 'sp-css-backgroundColor-BgLightPurple sp-css-color-LightPurpleFont',
    'Niet overgenomen': 'sp-css-backgroundColor-BgGold sp-css-color-GoldFont',
  };
  const classExpression = ACTIE_STATUSES.reduceRight<string>(
    (otherwise, s) => `if(@currentField == '${s}', '${classes[s]}', ${otherwise})`,
    "''",
  );
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/sp/v2/column-formatting.schema.json',
    elmType: 'div',
    style: { 'flex-wrap': 'wrap', display: 'flex' },
    children: [
      {
        elmType: 'div',
        style: {
          'box-sizing': 'border-box',
          padding: '4px 8px 5px 8px',
          overflow: 'hidden',
          'text-overflow': 'ellipsis',
          display: 'flex',
          'border-radius': '16px',
          height: '24px',
          'align-items': 'center',
          'white-space': 'nowrap',
          margin: '4px 4px 4px 4px',
        },
        attributes: { class: `=${classExpression}` },
        txtContent: '@currentField',
      },
    ],
  };
}

/** Fields to select for reading actions; lookups and persons come back as `<Name>LookupId`. */
export const actieFieldNames = [
  ACTIE_FIELDS.titel,
  ACTIE_FIELDS.nummer,
  lookupIdField(ACTIE_FIELDS.advies),
  ACTIE_FIELDS.plateau,
  ACTIE_FIELDS.domeinen,
  ACTIE_FIELDS.status,
  ACTIE_FIELDS.statusToelichting,
  lookupIdField(ACTIE_FIELDS.eigenaar),
  ACTIE_FIELDS.deadline,
  ACTIE_FIELDS.start,
  ACTIE_FIELDS.planning,
  ACTIE_FIELDS.lopendTraject,
  ACTIE_FIELDS.afhankelijkVan,
  ACTIE_FIELDS.bevindingen,
  ACTIE_FIELDS.vervallen,
  ACTIE_FIELDS.vervallenReden,
  ACTIE_FIELDS.omschrijving,
];

export type ActieReadContext = {
  adviesNummerById: ReadonlyMap<string, number>;
  bevindingNummerById: ReadonlyMap<string, number>;
  users: ReadonlyMap<string, PersonRef>;
  /** The site's set-up: the domains and plateaus a value is read against (Zoetermeer's when absent). */
  inrichting?: Inrichting;
};

export type ActieWriteContext = {
  adviesIdByNummer: ReadonlyMap<number, string>;
  bevindingIdByNummer: ReadonlyMap<number, string>;
  actieIdByNummer: ReadonlyMap<string, string>;
};

export function toActie(item: ListItem, context: ActieReadContext): Loaded<Actie> {
  const read = new FieldReader(item.fields);
  const inrichting = context.inrichting ?? ZOETERMEER_INRICHTING;
  const nummer = read.text(ACTIE_FIELDS.nummer, { required: true }) ?? '';
  const adviesId = read.lookupId(ACTIE_FIELDS.advies);
  let advies = adviesId === undefined ? undefined : context.adviesNummerById.get(adviesId);
  if (adviesId !== undefined && advies === undefined) read.missingTarget(ACTIE_FIELDS.advies, adviesId);
  // The action number starts with its recommendation's number; use it when the lookup is empty.
  advies ??= Number.parseInt(nummer.split('.')[0] ?? '', 10) || 0;

  const bevindingen: number[] = [];
  for (const { id } of read.multiLookup(ACTIE_FIELDS.bevindingen)) {
    const n = context.bevindingNummerById.get(id);
    if (n === undefined) read.missingTarget(ACTIE_FIELDS.bevindingen, id);
    else bevindingen.push(n);
  }

  const value: Actie = {
    nummer,
    titel: read.text(ACTIE_FIELDS.titel, { required: true }) ?? '',
    advies,
    // Read against the site's own set-up: another municipality's domains and plateaus are values, not typos.
    plateau:
      read.setupChoice(ACTIE_FIELDS.plateau, inrichting, 'plateaus', { required: true }) ??
      inrichting.plateaus[0] ??
      '',
    domeinen: read.setupMultiChoice(ACTIE_FIELDS.domeinen, inrichting),
    status: read.choice(ACTIE_FIELDS.status, ACTIE_STATUSES, { required: true }) ?? 'Niet gestart',
    afhankelijkVan: read
      .multiLookup(ACTIE_FIELDS.afhankelijkVan)
      .map((l) => l.value)
      .filter((v) => v !== ''),
    bevindingen,
  };
  const optional: Partial<Actie> = {
    statusToelichting: read.text(ACTIE_FIELDS.statusToelichting),
    eigenaar: read.person(ACTIE_FIELDS.eigenaar, context.users),
    deadline: read.date(ACTIE_FIELDS.deadline),
    start: read.date(ACTIE_FIELDS.start),
    planning: read.text(ACTIE_FIELDS.planning),
    lopendTraject: read.text(ACTIE_FIELDS.lopendTraject),
    ...(read.flag(ACTIE_FIELDS.vervallen) ? { vervallen: true } : {}),
    vervallenReden: read.text(ACTIE_FIELDS.vervallenReden),
    omschrijving: read.text(ACTIE_FIELDS.omschrijving),
  };
  withOptional(value, optional);
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

/**
 * The SharePoint fields for an action. Dependencies whose target has no item yet are left out
 * and returned, so the caller can set them once the target exists.
 */
export function actieToFields(
  actie: Actie,
  context: ActieWriteContext,
): { fields: Record<string, unknown>; unresolved: string[] } {
  const unresolved: string[] = [];
  const dependencyIds: number[] = [];
  for (const nummer of actie.afhankelijkVan) {
    const id = context.actieIdByNummer.get(nummer);
    if (id === undefined) unresolved.push(nummer);
    else dependencyIds.push(Number(id));
  }
  const bevindingIds = actie.bevindingen
    .map((n) => context.bevindingIdByNummer.get(n))
    .filter((id): id is string => id !== undefined)
    .map(Number);
  const adviesId = context.adviesIdByNummer.get(actie.advies);
  const fields: Record<string, unknown> = {
    [ACTIE_FIELDS.titel]: actie.titel,
    [ACTIE_FIELDS.nummer]: actie.nummer,
    [lookupIdField(ACTIE_FIELDS.advies)]: adviesId ?? null,
    [ACTIE_FIELDS.plateau]: actie.plateau,
    [`${ACTIE_FIELDS.domeinen}@odata.type`]: 'Collection(Edm.String)',
    [ACTIE_FIELDS.domeinen]: actie.domeinen,
    [ACTIE_FIELDS.status]: actie.status,
    [ACTIE_FIELDS.statusToelichting]: actie.statusToelichting ?? null,
    [lookupIdField(ACTIE_FIELDS.eigenaar)]: actie.eigenaar?.id ?? null,
    [ACTIE_FIELDS.deadline]: actie.deadline ? calendarDateToInstant(actie.deadline) : null,
    [ACTIE_FIELDS.start]: actie.start ? calendarDateToInstant(actie.start) : null,
    [ACTIE_FIELDS.planning]: actie.planning ?? null,
    [ACTIE_FIELDS.lopendTraject]: actie.lopendTraject ?? null,
    [`${lookupIdField(ACTIE_FIELDS.afhankelijkVan)}@odata.type`]: 'Collection(Edm.Int32)',
    [lookupIdField(ACTIE_FIELDS.afhankelijkVan)]: dependencyIds,
    [`${lookupIdField(ACTIE_FIELDS.bevindingen)}@odata.type`]: 'Collection(Edm.Int32)',
    [lookupIdField(ACTIE_FIELDS.bevindingen)]: bevindingIds,
    [ACTIE_FIELDS.vervallen]: actie.vervallen === true,
    [ACTIE_FIELDS.vervallenReden]: actie.vervallenReden ?? null,
    [ACTIE_FIELDS.omschrijving]: actie.omschrijving ?? null,
  };
  return { fields, unresolved };
}

/** The fields that set an action's dependencies, once all targets exist. */
export function dependencyFields(
  afhankelijkVan: readonly string[],
  actieIdByNummer: ReadonlyMap<string, string>,
): Record<string, unknown> {
  return {
    [`${lookupIdField(ACTIE_FIELDS.afhankelijkVan)}@odata.type`]: 'Collection(Edm.Int32)',
    [lookupIdField(ACTIE_FIELDS.afhankelijkVan)]: afhankelijkVan
      .map((n) => actieIdByNummer.get(n))
      .filter((id): id is string => id !== undefined)
      .map(Number),
  };
}

export function actieClientKeyField(): string {
  return ACTIE_FIELDS.clientKey;
}

/**
 * The action fields a user may change. Number and recommendation are the action's identity; its links (dependencies,
 * findings) and retirement are changed too, checked against the whole plan by the store.
 */
export type ActieChange = Partial<
  Pick<
    Actie,
    | 'titel'
    | 'plateau'
    | 'domeinen'
    | 'status'
    | 'statusToelichting'
    | 'eigenaar'
    | 'deadline'
    | 'start'
    | 'planning'
    | 'lopendTraject'
    | 'afhankelijkVan'
    | 'bevindingen'
    | 'vervallen'
    | 'vervallenReden'
  >
>;

const CHANGE_WIRE_KEYS: Record<keyof ActieChange, readonly string[]> = {
  titel: [ACTIE_FIELDS.titel],
  plateau: [ACTIE_FIELDS.plateau],
  domeinen: [`${ACTIE_FIELDS.domeinen}@odata.type`, ACTIE_FIELDS.domeinen],
  status: [ACTIE_FIELDS.status],
  statusToelichting: [ACTIE_FIELDS.statusToelichting],
  eigenaar: [lookupIdField(ACTIE_FIELDS.eigenaar)],
  deadline: [ACTIE_FIELDS.deadline],
  start: [ACTIE_FIELDS.start],
  planning: [ACTIE_FIELDS.planning],
  lopendTraject: [ACTIE_FIELDS.lopendTraject],
  afhankelijkVan: [
    `${lookupIdField(ACTIE_FIELDS.afhankelijkVan)}@odata.type`,
    lookupIdField(ACTIE_FIELDS.afhankelijkVan),
  ],
  bevindingen: [`${lookupIdField(ACTIE_FIELDS.bevindingen)}@odata.type`, lookupIdField(ACTIE_FIELDS.bevindingen)],
  vervallen: [ACTIE_FIELDS.vervallen],
  vervallenReden: [ACTIE_FIELDS.vervallenReden],
};

/** The SharePoint fields for a change: only the changed columns, so nobody else's edit is touched. */
export function actieChangeToFields(
  merged: Actie,
  change: ActieChange,
  context: ActieWriteContext,
): Record<string, unknown> {
  const { fields } = actieToFields(merged, context);
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(change) as (keyof ActieChange)[]) {
    for (const wireKey of CHANGE_WIRE_KEYS[key]) result[wireKey] = fields[wireKey];
  }
  return result;
}

/** Fields compared between versions for an action's history, with their Dutch labels. */
export const ACTIE_HISTORY_FIELDS: readonly { key: keyof ActieChange; label: string }[] = [
  { key: 'titel', label: 'Titel' },
  { key: 'status', label: 'Status' },
  { key: 'statusToelichting', label: 'Toelichting status' },
  { key: 'eigenaar', label: 'Eigenaar' },
  { key: 'deadline', label: 'Deadline' },
  { key: 'start', label: 'Start' },
  { key: 'plateau', label: 'Plateau' },
  { key: 'domeinen', label: 'Domeinen' },
  { key: 'planning', label: 'Planning' },
  { key: 'lopendTraject', label: 'Lopend traject' },
  { key: 'afhankelijkVan', label: 'Afhankelijk van' },
  { key: 'bevindingen', label: 'Bevindingen' },
  { key: 'vervallen', label: 'Vervallen' },
  { key: 'vervallenReden', label: 'Reden vervallen' },
];

/**
 * The person a write made under the app's own identity is made for (the card's buttons: the bot writes with its
 * app-only token, so SharePoint's Editor and the version's author are the app). `naam` is the name Teams gave, also
 * for someone the site does not know; `door` the site user when there is one; `op` the moment of this write, which
 * changes on every such write, so the history can tell which version it belongs to.
 */
export type OnBehalf = { naam: string; door?: { id: string }; op: string };

/** The fields that record {@link OnBehalf} on an action, next to the change itself. */
export function onBehalfToFields(namens: OnBehalf): Record<string, unknown> {
  return {
    [ACTIE_FIELDS.bijgewerktNaam]: namens.naam.replace(/\s+/g, ' ').trim().slice(0, 255) || 'onbekend',
    [lookupIdField(ACTIE_FIELDS.bijgewerktDoor)]: namens.door ? Number(namens.door.id) : null,
    [ACTIE_FIELDS.bijgewerktOp]: namens.op,
  };
}

/** {@link OnBehalf} as a version's fields carry it (the site user's id only), or undefined when none was recorded. */
export function onBehalfOf(fields: Record<string, unknown>): OnBehalf | undefined {
  const read = new FieldReader(fields);
  const naam = read.text(ACTIE_FIELDS.bijgewerktNaam);
  const op = read.text(ACTIE_FIELDS.bijgewerktOp);
  if (naam === undefined || op === undefined) return undefined;
  const id = read.lookupId(ACTIE_FIELDS.bijgewerktDoor);
  return { naam, op, ...(id !== undefined ? { door: { id } } : {}) };
}
