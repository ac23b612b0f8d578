import type { Kwartaaldoel, PersonRef, PortfolioItem } from '../domain/model.js';
import { messageText, validationMessages as M } from '../domain/messages.js';
import type { Inrichting } from '../domain/inrichting-basis.js';
import {
  kwartaaldoelOutcomeIssues,
  validateKwartaaldoel,
  validatePortfolioItem,
  type ValidationIssue,
} from '../domain/validation.js';
import type { Graph } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import { readListsInOneBatch } from './list-batch.js';
import { ACTIE_FIELDS } from './lists/acties.js';
import { INRICHTING_READ, inrichtingFromItems } from './lists/inrichting.js';
import type { Loaded } from './lists/field-reader.js';
import {
  KWARTAALDOEL_FIELDS,
  kwartaaldoelFieldNames,
  kwartaaldoelToFields,
  toKwartaaldoel,
} from './lists/kwartaaldoelen.js';
import { lookupIdField, SITE_USERS_LIST, type ListItem } from './lists/list-definition.js';
import { PORTFOLIO_FIELDS, portfolioFieldNames, portfolioItemToFields, toPortfolioItem } from './lists/portfolio.js';
import { siteUserFieldNames, toSiteUser } from './lists/site-users.js';
import { itemHistory, type ItemVersion } from './item-history.js';
import { createListStore, EtagConflictError } from './list-store.js';
import { listPath } from './site.js';

/** The portfolio as read from a site, with what writes need to resolve people and action links. */
export type LoadedPortfolio = {
  items: Loaded<PortfolioItem>[];
  kwartaaldoelen: Loaded<Kwartaaldoel>[];
  users: PersonRef[];
  /** SharePoint item id of each action, by action number ("1.2" → "7"). */
  actieIdByNummer: ReadonlyMap<string, string>;
  /** The site's set-up: the domains an item's domain is read and checked against (issue 12.8). */
  inrichting: Inrichting;
};

/** A change to a portfolio item: any fields but its key. `undefined` clears an optional field. */
export type PortfolioChange = Partial<Omit<PortfolioItem, 'key'>>;
export type KwartaaldoelChange = Partial<Omit<Kwartaaldoel, 'portfolioKey'>>;

/** The item (or goal) would break a rule of the domain; `issues` carry the domain's messages (keys; the error's own text is Dutch). Nothing was written. */
export class PortfolioValidationError extends Error {
  override readonly name = 'PortfolioValidationError';
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => messageText(i.message)).join(' '));
  }
}

/** Someone else changed (or deleted) the item since it was read (412 on If-Match). Nothing was written. */
export class PortfolioConflictError<T = PortfolioItem, C = PortfolioChange> extends Error {
  override readonly name = 'PortfolioConflictError';
  constructor(
    readonly itemId: string,
    readonly mine: C,
    /** The item as it is now; undefined when it was deleted. */
    readonly theirs: Loaded<T> | undefined,
  ) {
    super(
      theirs
        ? 'Dit portfolio-item is intussen door iemand anders gewijzigd.'
        : 'Dit portfolio-item is intussen door iemand anders verwijderd.',
    );
  }
}

/** Maps the raw items of the portfolio's lists, resolving people, goal → item and action numbers. */
export function mapPortfolio(
  raw: {
    portfolio: ListItem[];
    doelen: ListItem[];
    users: ListItem[];
    acties: ListItem[];
  },
  inrichting: Inrichting,
): LoadedPortfolio {
  const users = raw.users.map(toSiteUser);
  const userMap = new Map(users.map((u) => [u.id ?? '', u]));
  const items = raw.portfolio.map((item) => toPortfolioItem(item, userMap, inrichting));
  const keyById = new Map(items.map((p) => [p.id, p.value.key]));
  const actieIdByNummer = new Map<string, string>();
  for (const a of raw.acties) {
    const nummer = a.fields[ACTIE_FIELDS.nummer];
    if (typeof nummer === 'string' && nummer !== '') actieIdByNummer.set(nummer, a.id);
  }
  return {
    items: items.sort(byPriority),
    kwartaaldoelen: raw.doelen.map((item) => toKwartaaldoel(item, keyById)),
    users,
    actieIdByNummer,
    inrichting,
  };
}

/** IMO priority first (1 is highest), items without a priority last, then by title. */
export function byPriority(a: Loaded<PortfolioItem>, b: Loaded<PortfolioItem>): number {
  const pa = a.value.prioriteit ?? Number.POSITIVE_INFINITY;
  const pb = b.value.prioriteit ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  return a.value.titel.localeCompare(b.value.titel, 'nl');
}

/**
 * Reads portfolio items, quarter goals, site users and the actions' numbers in one `$batch`
 * (one round trip). A page beyond the first is followed with ordinary requests.
 */
export async function loadPortfolio(graph: Graph, siteId: string): Promise<LoadedPortfolio> {
  const raw = await readListsInOneBatch(graph, siteId, [
    { id: 'portfolio', list: 'Portfolio', fields: portfolioFieldNames },
    { id: 'doelen', list: 'Kwartaaldoelen', fields: kwartaaldoelFieldNames },
    { id: 'users', list: SITE_USERS_LIST, fields: siteUserFieldNames },
    { id: 'acties', list: 'Acties', fields: [ACTIE_FIELDS.nummer] },
    { id: 'inrichting', ...INRICHTING_READ },
  ]);
  return mapPortfolio(
    {
      portfolio: raw.portfolio ?? [],
      doelen: raw.doelen ?? [],
      users: raw.users ?? [],
      acties: raw.acties ?? [],
    },
    inrichtingFromItems(raw.inrichting ?? []).inrichting,
  );
}

/** Which SharePoint fields a change of each model property writes. */
const FIELDS_OF: Record<keyof PortfolioChange, readonly string[]> = {
  titel: [PORTFOLIO_FIELDS.titel],
  omschrijving: [PORTFOLIO_FIELDS.omschrijving],
  domein: [PORTFOLIO_FIELDS.domein],
  opdrachtgever: [lookupIdField(PORTFOLIO_FIELDS.opdrachtgever)],
  informatiemanager: [lookupIdField(PORTFOLIO_FIELDS.informatiemanager)],
  iaContact: [lookupIdField(PORTFOLIO_FIELDS.iaContact)],
  fase: [PORTFOLIO_FIELDS.fase],
  status: [PORTFOLIO_FIELDS.status],
  statusToelichting: [PORTFOLIO_FIELDS.statusToelichting],
  prioriteit: [PORTFOLIO_FIELDS.prioriteit],
  ditKwartaal: [PORTFOLIO_FIELDS.ditKwartaal],
  start: [PORTFOLIO_FIELDS.start],
  einde: [PORTFOLIO_FIELDS.einde],
  acties: [`${lookupIdField(PORTFOLIO_FIELDS.acties)}@odata.type`, lookupIdField(PORTFOLIO_FIELDS.acties)],
};

/** Applies a change to an item; `undefined` values remove the optional field. */
export function mergePortfolioChange(current: PortfolioItem, change: PortfolioChange): PortfolioItem {
  const merged: PortfolioItem = { ...current, ...change };
  for (const key of Object.keys(change) as (keyof PortfolioChange)[]) {
    if (change[key] === undefined) delete (merged as Record<string, unknown>)[key];
  }
  return merged;
}

/**
 * Checks a changed item against the domain's rules, and that people are site users and linked
 * actions exist, before anything is written.
 */
export function checkPortfolioItem(
  item: PortfolioItem,
  context: Pick<LoadedPortfolio, 'actieIdByNummer' | 'inrichting'>,
): ValidationResult {
  const issues: ValidationIssue[] = [];
  const validation = validatePortfolioItem(item, context.inrichting);
  if (!validation.ok) issues.push(...validation.issues);
  for (const role of ['opdrachtgever', 'informatiemanager', 'iaContact'] as const) {
    const person = item[role];
    if (person && !person.id) issues.push({ path: role, message: M.eigenaarOnbekend });
  }
  item.acties.forEach((nummer, i) => {
    if (context.actieIdByNummer.size > 0 && !context.actieIdByNummer.has(nummer)) {
      issues.push({
        path: `acties.${i}`,
        message: M.actieBestaatNiet(nummer),
      });
    }
  });
  return issues.length === 0 && validation.ok ? { ok: true, value: validation.value } : { ok: false, issues };
}
type ValidationResult = { ok: true; value: PortfolioItem } | { ok: false; issues: ValidationIssue[] };

/** The SharePoint fields of only the changed properties of an item. */
export function portfolioChangeToFields(
  merged: PortfolioItem,
  change: PortfolioChange,
  actieIdByNummer: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const all = portfolioItemToFields(merged, actieIdByNummer);
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(change) as (keyof PortfolioChange)[]) {
    for (const name of FIELDS_OF[key] ?? []) fields[name] = all[name];
  }
  return fields;
}

/** One SharePoint version of a portfolio item: who changed which fields from what to what. */
export type PortfolioVersion = ItemVersion;

/** The fields the history shows, with their Dutch labels (the list's column names). */
export const PORTFOLIO_HISTORY_FIELDS: readonly { key: keyof PortfolioChange; label: string }[] = [
  { key: 'titel', label: 'Initiatief' },
  { key: 'omschrijving', label: 'Omschrijving' },
  { key: 'domein', label: 'Domein' },
  { key: 'fase', label: 'Fase' },
  { key: 'status', label: 'Status' },
  { key: 'statusToelichting', label: 'Toelichting status' },
  { key: 'prioriteit', label: 'Prioriteit (IMO)' },
  { key: 'ditKwartaal', label: 'Dit kwartaal' },
  { key: 'opdrachtgever', label: 'Opdrachtgever' },
  { key: 'informatiemanager', label: 'Informatiemanager' },
  { key: 'iaContact', label: 'Contactpersoon I&A' },
  { key: 'start', label: 'Start' },
  { key: 'einde', label: 'Einde' },
  { key: 'acties', label: 'Acties' },
];

export type PortfolioStore = {
  /** Validates, then writes only the changed fields with If-Match; a 412 becomes a PortfolioConflictError with their version. */
  update(current: Loaded<PortfolioItem>, change: PortfolioChange): Promise<Loaded<PortfolioItem>>;
  /** Validates, then creates the item; its key is the ClientKey, so a lost answer never makes a duplicate. */
  create(item: PortfolioItem): Promise<Loaded<PortfolioItem>>;
  createKwartaaldoel(doel: Kwartaaldoel): Promise<Loaded<Kwartaaldoel>>;
  updateKwartaaldoel(current: Loaded<Kwartaaldoel>, change: KwartaaldoelChange): Promise<Loaded<Kwartaaldoel>>;
  /**
   * Deletes the goal if it is still the version `current` (If-Match); a change meanwhile is a PortfolioConflictError
   * with their version, and nothing is deleted. A goal already gone counts as deleted.
   */
  removeKwartaaldoel(current: Loaded<Kwartaaldoel>): Promise<void>;
  /** The item's SharePoint versions, newest first, each with the fields it changed. */
  history(id: string): Promise<PortfolioVersion[]>;
};

/**
 * Reads and writes the portfolio with the same guarantees as the actions: validation first,
 * If-Match on every update (typed conflict with their version), ClientKey on every create.
 */
export function createPortfolioStore(
  graph: Graph,
  siteId: string,
  context: LoadedPortfolio,
  /** The clock an outcome's quarter is checked against (`kwartaaldoelOutcomeIssues`). */
  now: () => Date = () => new Date(),
): PortfolioStore {
  const items = createListStore(graph, siteId, 'Portfolio');
  const doelen = createListStore(graph, siteId, 'Kwartaaldoelen');
  const userMap = new Map(context.users.map((u) => [u.id ?? '', u]));
  const toItem = (item: ListItem) => toPortfolioItem(item, userMap, context.inrichting);
  const idByKey = new Map(context.items.map((i) => [i.value.key, i.id]));
  const keyById = new Map(context.items.map((i) => [i.id, i.value.key]));
  const toDoel = (item: ListItem) => toKwartaaldoel(item, keyById);

  return {
    async update(current, change) {
      // Nothing to change, nothing written: a write would make a new version (history, eTag) of an unchanged item.
      if (Object.keys(change).length === 0) return current;
      const merged = mergePortfolioChange(current.value, change);
      const checked = checkPortfolioItem(merged, context);
      if (!checked.ok) throw new PortfolioValidationError(checked.issues);
      const fields = portfolioChangeToFields(checked.value, change, context.actieIdByNummer);
      try {
        return toItem(await items.update(current.id, current.eTag, fields, portfolioFieldNames));
      } catch (error) {
        if (error instanceof EtagConflictError)
          throw new PortfolioConflictError(current.id, change, error.current ? toItem(error.current) : undefined);
        throw error;
      }
    },

    async create(item) {
      const checked = checkPortfolioItem(item, context);
      if (!checked.ok) throw new PortfolioValidationError(checked.issues);
      const created = toItem(
        await items.create(
          portfolioItemToFields(checked.value, context.actieIdByNummer),
          checked.value.key,
          PORTFOLIO_FIELDS.clientKey,
        ),
      );
      idByKey.set(created.value.key, created.id);
      keyById.set(created.id, created.value.key);
      return created;
    },

    async createKwartaaldoel(doel) {
      const validation = validateKwartaaldoel(doel);
      if (!validation.ok) throw new PortfolioValidationError(validation.issues);
      const early = kwartaaldoelOutcomeIssues(validation.value, now());
      if (early.length > 0) throw new PortfolioValidationError(early);
      const portfolioId = idByKey.get(validation.value.portfolioKey);
      if (!portfolioId)
        throw new PortfolioValidationError([
          { path: 'portfolioKey', message: M.portfolioItemBestaatNiet(doel.portfolioKey) },
        ]);
      // Goals have no ClientKey column: a plain create (no blind retry on an ambiguous failure).
      const fields = kwartaaldoelToFields(validation.value, portfolioId);
      const created = await graph.post<ListItem>(`${listPath(siteId, 'Kwartaaldoelen')}/items`, { fields });
      return toDoel(await doelen.get(created.id, kwartaaldoelFieldNames));
    },

    async updateKwartaaldoel(current, change) {
      const merged: Kwartaaldoel = { ...current.value, ...change };
      for (const key of Object.keys(change) as (keyof KwartaaldoelChange)[]) {
        if (change[key] === undefined) delete (merged as Record<string, unknown>)[key];
      }
      const validation = validateKwartaaldoel(merged);
      if (!validation.ok) throw new PortfolioValidationError(validation.issues);
      // Only a change of the outcome or the quarter is checked: a goal stored so (imported, or typed in SharePoint)
      // can still have its text corrected.
      if ('behaald' in change || 'kwartaal' in change) {
        const early = kwartaaldoelOutcomeIssues(validation.value, now());
        if (early.length > 0) throw new PortfolioValidationError(early);
      }
      const portfolioId = idByKey.get(merged.portfolioKey) ?? '';
      const all = kwartaaldoelToFields(validation.value, portfolioId);
      const fields: Record<string, unknown> = { [KWARTAALDOEL_FIELDS.titel]: all[KWARTAALDOEL_FIELDS.titel] };
      for (const key of Object.keys(change) as (keyof KwartaaldoelChange)[])
        fields[KWARTAALDOEL_FIELDS[key]] = all[KWARTAALDOEL_FIELDS[key]];
      try {
        return toDoel(await doelen.update(current.id, current.eTag, fields, kwartaaldoelFieldNames));
      } catch (error) {
        if (error instanceof EtagConflictError) {
          throw new PortfolioConflictError<Kwartaaldoel, KwartaaldoelChange>(
            current.id,
            change,
            error.current ? toDoel(error.current) : undefined,
          );
        }
        // Graph answers a write to a deleted item 404 (itemNotFound), If-Match or not: deleted meanwhile.
        if (error instanceof GraphRequestError && error.status === 404)
          throw new PortfolioConflictError<Kwartaaldoel, KwartaaldoelChange>(current.id, change, undefined);
        throw error;
      }
    },

    async removeKwartaaldoel(current) {
      try {
        await doelen.remove(current.id, current.eTag);
      } catch (error) {
        if (error instanceof EtagConflictError) {
          // The store's conflict carries the item's title only; the row shows their whole version.
          const theirs = error.current
            ? await doelen.get(current.id, kwartaaldoelFieldNames).catch((read: unknown) => {
                if (read instanceof GraphRequestError && read.status === 404) return undefined;
                throw read;
              })
            : undefined;
          throw new PortfolioConflictError<Kwartaaldoel, KwartaaldoelChange>(
            current.id,
            {},
            theirs ? toDoel(theirs) : undefined,
          );
        }
        throw error;
      }
    },

    history: (id) =>
      itemHistory(
        graph,
        `${listPath(siteId, 'Portfolio')}/items/${id}`,
        (fields) => toItem({ id, eTag: '', fields }).value,
        PORTFOLIO_HISTORY_FIELDS,
      ),
  };
}
