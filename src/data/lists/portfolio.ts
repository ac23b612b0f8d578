import { concernDomein, type Inrichting } from '../../domain/inrichting-basis.js';
import { calendarDateToInstant } from '../../domain/dates.js';
import {
  DOMEINEN,
  KWARTAAL_KEUZES,
  PORTFOLIO_FASEN,
  PORTFOLIO_STATUSES,
  type PersonRef,
  type PortfolioItem,
} from '../../domain/model.js';
import { FieldReader, withOptional, type Loaded } from './field-reader.js';
import { caml, LINK_TITLE } from './caml.js';
import { lookupIdField, type ListDefinition, type ListItem, type ViewDefinition } from './list-definition.js';

export const PORTFOLIO_FIELDS = {
  titel: 'Title',
  omschrijving: 'Omschrijving',
  domein: 'Domein',
  opdrachtgever: 'Opdrachtgever',
  informatiemanager: 'Informatiemanager',
  iaContact: 'IAContact',
  fase: 'Fase',
  status: 'Status',
  statusToelichting: 'StatusToelichting',
  prioriteit: 'Prioriteit',
  ditKwartaal: 'DitKwartaal',
  start: 'Start',
  einde: 'Einde',
  acties: 'Acties',
  clientKey: 'ClientKey',
} as const;

export const portfolioList: ListDefinition = {
  name: 'Portfolio',
  description: 'Het ICT-portfolio: initiatieven per domein met fase, status, IMO-prioriteit en kwartaalplanning.',
  titleDisplayName: 'Initiatief',
  columns: [
    { name: PORTFOLIO_FIELDS.omschrijving, displayName: 'Omschrijving', text: { allowMultipleLines: true } },
    {
      name: PORTFOLIO_FIELDS.domein,
      displayName: 'Domein',
      choicesFrom: 'domeinen',
      choice: { choices: DOMEINEN, displayAs: 'dropDownMenu' },
      required: true,
      indexed: true,
    },
    {
      name: PORTFOLIO_FIELDS.opdrachtgever,
      displayName: 'Opdrachtgever',
      personOrGroup: { chooseFromType: 'peopleOnly' },
    },
    {
      name: PORTFOLIO_FIELDS.informatiemanager,
      displayName: 'Informatiemanager',
      personOrGroup: { chooseFromType: 'peopleOnly' },
    },
    {
      name: PORTFOLIO_FIELDS.iaContact,
      displayName: 'Contactpersoon I&A',
      personOrGroup: { chooseFromType: 'peopleOnly' },
    },
    {
      name: PORTFOLIO_FIELDS.fase,
      displayName: 'Fase',
      choice: { choices: PORTFOLIO_FASEN, displayAs: 'dropDownMenu' },
      required: true,
      indexed: true,
    },
    {
      name: PORTFOLIO_FIELDS.status,
      displayName: 'Status',
      choice: { choices: PORTFOLIO_STATUSES, displayAs: 'dropDownMenu' },
      required: true,
    },
    { name: PORTFOLIO_FIELDS.statusToelichting, displayName: 'Toelichting status', text: { allowMultipleLines: true } },
    {
      name: PORTFOLIO_FIELDS.prioriteit,
      displayName: 'Prioriteit (IMO)',
      number: { decimalPlaces: 'none', minimum: 1 },
      indexed: true,
    },
    {
      name: PORTFOLIO_FIELDS.ditKwartaal,
      displayName: 'Dit kwartaal',
      choice: { choices: KWARTAAL_KEUZES, displayAs: 'radioButtons' },
    },
    { name: PORTFOLIO_FIELDS.start, displayName: 'Start', dateTime: { format: 'dateOnly' } },
    { name: PORTFOLIO_FIELDS.einde, displayName: 'Einde', dateTime: { format: 'dateOnly' } },
    {
      name: PORTFOLIO_FIELDS.acties,
      displayName: 'Acties',
      lookup: { listName: 'Acties', columnName: 'Nummer', allowMultipleValues: true },
    },
    {
      name: PORTFOLIO_FIELDS.clientKey,
      displayName: 'Sleutel',
      text: { maxLength: 64 },
      required: true,
      indexed: true,
      enforceUniqueValues: true,
    },
  ],
  views: portfolioViews(),
};

/** SharePoint views for the portfolio board: per domain and per phase, by IMO priority. */
function portfolioViews(): ViewDefinition[] {
  const f = PORTFOLIO_FIELDS;
  const byPriority = caml.orderBy(f.prioriteit, 'ID');
  return [
    {
      title: 'Per domein',
      query: caml.groupBy(f.domein) + byPriority,
      fields: [
        LINK_TITLE,
        f.fase,
        f.status,
        f.prioriteit,
        f.ditKwartaal,
        f.opdrachtgever,
        f.informatiemanager,
        f.einde,
      ],
    },
    {
      title: 'Per fase',
      query: caml.groupBy(f.fase) + byPriority,
      fields: [LINK_TITLE, f.domein, f.status, f.prioriteit, f.ditKwartaal, f.opdrachtgever, f.einde],
    },
    {
      title: 'Dit kwartaal',
      query: caml.where(caml.eq(f.ditKwartaal, 'Choice', 'wel')) + byPriority,
      fields: [LINK_TITLE, f.domein, f.fase, f.status, f.statusToelichting, f.prioriteit],
    },
  ];
}

export const portfolioFieldNames = [
  PORTFOLIO_FIELDS.titel,
  PORTFOLIO_FIELDS.omschrijving,
  PORTFOLIO_FIELDS.domein,
  lookupIdField(PORTFOLIO_FIELDS.opdrachtgever),
  lookupIdField(PORTFOLIO_FIELDS.informatiemanager),
  lookupIdField(PORTFOLIO_FIELDS.iaContact),
  PORTFOLIO_FIELDS.fase,
  PORTFOLIO_FIELDS.status,
  PORTFOLIO_FIELDS.statusToelichting,
  PORTFOLIO_FIELDS.prioriteit,
  PORTFOLIO_FIELDS.ditKwartaal,
  PORTFOLIO_FIELDS.start,
  PORTFOLIO_FIELDS.einde,
  PORTFOLIO_FIELDS.acties,
  PORTFOLIO_FIELDS.clientKey,
];

/**
 * Reads a portfolio item against the site's set-up: a domain outside it is reported and read as the set-up's concern
 * domain (the organisation's), so the item still shows.
 */
export function toPortfolioItem(
  item: ListItem,
  users: ReadonlyMap<string, PersonRef>,
  inrichting: Inrichting,
): Loaded<PortfolioItem> {
  const read = new FieldReader(item.fields);
  const value: PortfolioItem = {
    key: read.text(PORTFOLIO_FIELDS.clientKey, { required: true }) ?? `item-${item.id}`,
    titel: read.text(PORTFOLIO_FIELDS.titel, { required: true }) ?? '',
    omschrijving: read.text(PORTFOLIO_FIELDS.omschrijving) ?? '',
    domein:
      read.setupChoice(PORTFOLIO_FIELDS.domein, inrichting, 'domeinen', { required: true }) ??
      concernDomein(inrichting),
    fase: read.choice(PORTFOLIO_FIELDS.fase, PORTFOLIO_FASEN, { required: true }) ?? 'Idee',
    status: read.choice(PORTFOLIO_FIELDS.status, PORTFOLIO_STATUSES, { required: true }) ?? 'Op koers',
    ditKwartaal: read.choice(PORTFOLIO_FIELDS.ditKwartaal, KWARTAAL_KEUZES) ?? 'niet',
    acties: read
      .multiLookup(PORTFOLIO_FIELDS.acties)
      .map((l) => l.value)
      .filter((v) => v !== ''),
  };
  const optional: Partial<PortfolioItem> = {
    opdrachtgever: read.person(PORTFOLIO_FIELDS.opdrachtgever, users),
    informatiemanager: read.person(PORTFOLIO_FIELDS.informatiemanager, users),
    iaContact: read.person(PORTFOLIO_FIELDS.iaContact, users),
    statusToelichting: read.text(PORTFOLIO_FIELDS.statusToelichting),
    prioriteit: read.number(PORTFOLIO_FIELDS.prioriteit),
    start: read.date(PORTFOLIO_FIELDS.start),
    einde: read.date(PORTFOLIO_FIELDS.einde),
  };
  withOptional(value, optional);
  return { id: item.id, eTag: item.eTag, modified: item.lastModifiedDateTime, value, problems: read.problems };
}

export function portfolioItemToFields(
  item: PortfolioItem,
  actieIdByNummer: ReadonlyMap<string, string>,
): Record<string, unknown> {
  return {
    [PORTFOLIO_FIELDS.titel]: item.titel,
    [PORTFOLIO_FIELDS.omschrijving]: item.omschrijving,
    [PORTFOLIO_FIELDS.domein]: item.domein,
    [lookupIdField(PORTFOLIO_FIELDS.opdrachtgever)]: item.opdrachtgever?.id ?? null,
    [lookupIdField(PORTFOLIO_FIELDS.informatiemanager)]: item.informatiemanager?.id ?? null,
    [lookupIdField(PORTFOLIO_FIELDS.iaContact)]: item.iaContact?.id ?? null,
    [PORTFOLIO_FIELDS.fase]: item.fase,
    [PORTFOLIO_FIELDS.status]: item.status,
    [PORTFOLIO_FIELDS.statusToelichting]: item.statusToelichting ?? null,
    [PORTFOLIO_FIELDS.prioriteit]: item.prioriteit ?? null,
    [PORTFOLIO_FIELDS.ditKwartaal]: item.ditKwartaal,
    [PORTFOLIO_FIELDS.start]: item.start ? calendarDateToInstant(item.start) : null,
    [PORTFOLIO_FIELDS.einde]: item.einde ? calendarDateToInstant(item.einde) : null,
    [`${lookupIdField(PORTFOLIO_FIELDS.acties)}@odata.type`]: 'Collection(Edm.Int32)',
    [lookupIdField(PORTFOLIO_FIELDS.acties)]: item.acties
      .map((n) => actieIdByNummer.get(n))
      .filter((id): id is string => id !== undefined)
      .map(Number),
    [PORTFOLIO_FIELDS.clientKey]: item.key,
  };
}
