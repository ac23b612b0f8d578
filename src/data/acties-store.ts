import type { Actie } from '../domain/model.js';
import { checkLinks, nextActienummer } from '../domain/plan-changes.js';
import { checkTransition } from '../domain/status.js';
import { messageText, validationMessages as M } from '../domain/messages.js';
import { validateActie, type ValidationIssue } from '../domain/validation.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from '../domain/inrichting-basis.js';
import type { Graph } from './graph/client.js';
import { sendBatch, type BatchRequest } from './graph/batch.js';
import { GraphRequestError } from './graph/errors.js';
import { odataQuery, odataString } from './graph/client.js';
import {
  ACTIE_FIELDS,
  ACTIE_HISTORY_FIELDS,
  actieChangeToFields,
  actieClientKeyField,
  actieFieldNames,
  actieToFields,
  onBehalfOf,
  onBehalfToFields,
  toActie,
  type ActieChange,
  type ActieReadContext,
  type ActieWriteContext,
  type OnBehalf,
} from './lists/acties.js';
import type { Loaded } from './lists/field-reader.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { itemHistory, type ItemVersion } from './item-history.js';
import { createListStore, EtagConflictError } from './list-store.js';
import type { LoadedPlan } from './plan-store.js';
import { listPath } from './site.js';

export type { ActieChange, OnBehalf } from './lists/acties.js';

/** The change breaks a rule of the plan; `issues` carry the domain's messages (keys; the error's own text is Dutch). */
export class ActieValidationError extends Error {
  override readonly name = 'ActieValidationError';
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => messageText(i.message)).join(' '));
  }
}

/** Someone else changed (or deleted) the action since it was read. Nothing was written. */
export class ActieConflictError extends Error {
  override readonly name = 'ActieConflictError';
  constructor(
    readonly itemId: string,
    readonly mine: ActieChange,
    /** The action as it is now; undefined when it was deleted, or when it could not be read after the refusal. */
    readonly theirs: Loaded<Actie> | undefined,
    /** The action is gone (Graph answered 404 on a list that is there), not only changed. */
    readonly deleted: boolean = theirs === undefined,
  ) {
    super(
      deleted
        ? 'Deze actie is intussen door iemand anders verwijderd.'
        : 'Deze actie is intussen door iemand anders gewijzigd.',
    );
  }
}

export type BulkResult = { id: string; ok: true; item: Loaded<Actie> } | { id: string; ok: false; error: Error };

export type ActieVersion = ItemVersion;

/** A new action as the user describes it: everything but its number, which the store gives out. */
export type NewActie = Omit<Actie, 'nummer' | 'vervallen' | 'vervallenReden'>;

export type ActiesStore = {
  /**
   * Adds an action with the next free number within its advies (`nextActienummer`). One write (the create answers
   * with the item, so the caller can show it at once). `clientKey` makes it exactly-once: a create whose answer was
   * lost, or that the caller repeats with the same key, yields the one item. When someone else took the number
   * meanwhile (the list's unique Nummer refuses it), the store reads the numbers again and takes the next one.
   * @throws ActieValidationError when the action breaks a rule (nothing written)
   */
  create(draft: NewActie, clientKey: string): Promise<Loaded<Actie>>;
  /**
   * Writes the change with If-Match. `namens`: the person a write under the app's own identity is made for (the
   * card's buttons), recorded on the item in the same write, so every version names them next to the app.
   */
  update(current: Loaded<Actie>, change: ActieChange, namens?: OnBehalf): Promise<Loaded<Actie>>;
  bulkUpdate(items: { current: Loaded<Actie>; change: ActieChange }[]): Promise<BulkResult[]>;
  history(id: string): Promise<ActieVersion[]>;
};

function contexts(plan: LoadedPlan): { read: ActieReadContext; write: ActieWriteContext } {
  return {
    read: {
      adviesNummerById: new Map(plan.adviezen.map((a) => [a.id, a.value.nummer])),
      bevindingNummerById: new Map(plan.bevindingen.map((b) => [b.id, b.value.nummer])),
      users: new Map(plan.users.map((u) => [u.id ?? '', u])),
      // What the store writes back is read against the same set-up the plan was read with.
      inrichting: plan.inrichting,
    },
    write: {
      adviesIdByNummer: new Map(plan.adviezen.map((a) => [a.value.nummer, a.id])),
      bevindingIdByNummer: new Map(plan.bevindingen.map((b) => [b.value.nummer, b.id])),
      actieIdByNummer: new Map(plan.acties.map((a) => [a.value.nummer, a.id])),
    },
  };
}

/**
 * Checks a change against the plan's rules before anything is written: the whole action must
 * stay valid (its plateau and domains those of the site's set-up, `inrichting`), a status change must be an allowed
 * transition (with its reason), and an owner must be a person the site knows.
 */
export function checkActieChange(
  current: Actie,
  change: ActieChange,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): { merged: Actie; issues: ValidationIssue[] } {
  const merged: Actie = { ...current, ...change };
  for (const key of Object.keys(change) as (keyof ActieChange)[]) {
    if (change[key] === undefined) delete (merged as Record<string, unknown>)[key];
  }
  const issues: ValidationIssue[] = [];
  const validation = validateActie(merged, inrichting);
  if (!validation.ok) issues.push(...validation.issues);
  if (change.status !== undefined && change.status !== current.status) {
    const transition = checkTransition(current.status, change.status, merged.statusToelichting);
    if (!transition.ok) issues.push({ path: 'status', message: transition.message });
  }
  if (change.eigenaar && !change.eigenaar.id) issues.push({ path: 'eigenaar', message: M.eigenaarOnbekend });
  return { merged, issues };
}

/** How often a create takes the next number after someone else took the one it tried. */
const MAX_NUMBER_ATTEMPTS = 5;

/**
 * Reads and writes actions with the plan's guarantees: validation first, If-Match on every
 * write (a 412 becomes an ActieConflictError with their version), only changed columns sent.
 */
export function createActiesStore(graph: Graph, siteId: string, plan: LoadedPlan): ActiesStore {
  const { read, write } = contexts(plan);
  const items = createListStore(graph, siteId, 'Acties');
  const base = `${listPath(siteId, 'Acties')}/items`;
  const actiesListExists = () =>
    graph.get(`${listPath(siteId, 'Acties')}?$select=id`).then(
      () => true,
      () => false,
    );
  const toLoaded = (item: ListItem) => toActie(item, read);

  const planValues = () => ({
    acties: plan.acties.map((a) => a.value),
    bevindingen: plan.bevindingen.map((b) => b.value),
  });

  function prepare(current: Loaded<Actie>, change: ActieChange): Record<string, unknown> {
    const { merged, issues } = checkActieChange(current.value, change, plan.inrichting);
    if (change.afhankelijkVan !== undefined || change.bevindingen !== undefined) {
      const others = planValues();
      issues.push(
        ...checkLinks({ ...others, acties: others.acties.filter((a) => a.nummer !== merged.nummer) }, merged),
      );
    }
    if (issues.length > 0) throw new ActieValidationError(issues);
    return actieChangeToFields(merged, change, write);
  }

  async function findByKey(clientKey: string): Promise<ListItem | undefined> {
    const query = odataQuery({
      $filter: `fields/${actieClientKeyField()} eq ${odataString(clientKey)}`,
      $select: ITEM_SELECT,
      $expand: fieldsExpand(actieFieldNames),
      $top: 2,
    });
    return (await graph.get<{ value: ListItem[] }>(`${base}${query}`)).value[0];
  }

  async function storedNummers(): Promise<string[]> {
    const items = await graph.getAll<ListItem>(
      `${base}?$select=id&$expand=${fieldsExpand([ACTIE_FIELDS.nummer])}&$top=999`,
    );
    return items.map((i) => String(i.fields[ACTIE_FIELDS.nummer] ?? ''));
  }

  return {
    async create(draft, clientKey) {
      let nummers = plan.acties.map((a) => a.value.nummer);
      for (let attempt = 1; ; attempt += 1) {
        const value: Actie = { ...draft, nummer: nextActienummer(draft.advies, nummers) };
        const validation = validateActie(value, plan.inrichting);
        const issues = validation.ok ? [] : [...validation.issues];
        if (!write.adviesIdByNummer.has(value.advies))
          issues.push({
            path: 'advies',
            message: M.adviesNietOpSite(value.advies),
          });
        issues.push(...checkLinks(planValues(), value));
        if (value.eigenaar && !value.eigenaar.id) issues.push({ path: 'eigenaar', message: M.eigenaarOnbekend });
        if (issues.length > 0) throw new ActieValidationError(issues);
        const { fields } = actieToFields(validation.ok ? validation.value : value, write);
        try {
          return toLoaded(await items.create(fields, clientKey, actieClientKeyField()));
        } catch (error) {
          if (!(error instanceof GraphRequestError) || error.status !== 409) throw error;
          // A unique column refused it: our own key (a repeated create) or the number (someone else was quicker).
          const mine = await findByKey(clientKey);
          if (mine) return toLoaded(mine);
          if (attempt >= MAX_NUMBER_ATTEMPTS) throw error;
          nummers = [...nummers, ...(await storedNummers())];
        }
      }
    },

    async update(current, change, namens) {
      const fields = namens ? { ...prepare(current, change), ...onBehalfToFields(namens) } : prepare(current, change);
      try {
        return toLoaded(await items.update(current.id, current.eTag, fields, actieFieldNames));
      } catch (error) {
        if (error instanceof EtagConflictError)
          throw new ActieConflictError(current.id, change, error.current ? toLoaded(error.current) : undefined);
        // Graph answers a write to a deleted item 404, as it does for a list that is not there: only when the list
        // is there was the action deleted meanwhile (in SharePoint, or by a plan import's rollback).
        if (error instanceof GraphRequestError && error.status === 404 && (await actiesListExists()))
          throw new ActieConflictError(current.id, change, undefined);
        throw error;
      }
    },

    async bulkUpdate(entries) {
      const results = new Map<string, BulkResult>();
      const writes: BatchRequest[] = [];
      for (const { current, change } of entries) {
        try {
          writes.push({
            id: current.id,
            method: 'PATCH',
            url: `${base}/${current.id}/fields`,
            headers: { 'If-Match': current.eTag },
            body: prepare(current, change),
          });
        } catch (error) {
          results.set(current.id, { id: current.id, ok: false, error: error as Error });
        }
      }
      const written = await sendBatch(graph, writes);
      // A 404 is a deleted action only while the list is there (as in `update`): asked once for the whole batch.
      const deletedMeanwhile = written.some((w) => w.status === 404) && (await actiesListExists());
      // Read back every item we touched (new eTags, or their version after a conflict) in one go.
      const reads = await sendBatch(
        graph,
        written.map((w) => ({
          id: w.id,
          method: 'GET' as const,
          url: `${base}/${w.id}?$select=${ITEM_SELECT}&$expand=${fieldsExpand(actieFieldNames)}`,
        })),
      );
      for (const response of written) {
        const entry = entries.find((e) => e.current.id === response.id);
        const readBack = reads.find((r) => r.id === response.id);
        const item = readBack?.status === 200 ? toLoaded(readBack.body as ListItem) : undefined;
        if (response.status >= 200 && response.status < 300 && item) {
          results.set(response.id, { id: response.id, ok: true, item });
        } else if (response.status === 412 && entry) {
          results.set(response.id, {
            id: response.id,
            ok: false,
            // Changed: their version as read back; without it (the read failed) changed all the same, unless the read
            // found it gone.
            error: new ActieConflictError(response.id, entry.change, item, !item && readBack?.status === 404),
          });
        } else if (response.status === 404 && deletedMeanwhile && entry) {
          results.set(response.id, {
            id: response.id,
            ok: false,
            error: new ActieConflictError(response.id, entry.change, undefined),
          });
        } else {
          const body = response.body as { error?: { code?: string; message?: string } } | undefined;
          results.set(response.id, {
            id: response.id,
            ok: false,
            error: new GraphRequestError(
              body?.error?.message ?? `Bijwerken mislukt (${response.status}).`,
              response.status,
              body?.error?.code ?? 'unknown',
              undefined,
              body,
            ),
          });
        }
      }
      return entries.map((e) => results.get(e.current.id) as BulkResult);
    },

    history: (id) =>
      itemHistory(
        graph,
        `${base}/${id}`,
        (fields) => toActie({ id, eTag: '', fields }, read).value,
        ACTIE_HISTORY_FIELDS,
        (fields) => {
          const namens = onBehalfOf(fields);
          if (!namens) return undefined;
          const user = namens.door ? read.users.get(namens.door.id) : undefined;
          return { naam: user?.displayName ?? namens.naam, op: namens.op };
        },
      ),
  };
}
