import type { Graph } from './graph/client.js';
import { odataQuery, odataString } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import type { Loaded } from './lists/field-reader.js';
import {
  claimFields,
  discussedFields,
  failedFields,
  HERINNERING_FIELDS,
  herinneringFieldNames,
  sentFields,
  toHerinnering,
  type Herinnering,
} from './lists/herinneringen.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { listReadUrl, type ListRead } from './list-batch.js';
import { createListStore, type ListStore } from './list-store.js';
import { listPath } from './site.js';

export type ClaimResult =
  { won: true; item: Loaded<Herinnering> } | { won: false; holder: Loaded<Herinnering> | undefined };

/**
 * The reminder log. A claim is a create on the unique `Sleutel` (MT + occurrence): SharePoint
 * lets exactly one create per key through, whoever sends it, so two job instances, a double tick
 * or a restart can never both send. The `Claim` column tells our own claim from another's when
 * the answer to our create was lost.
 */
export type HerinneringenStore = {
  claim(input: {
    sleutel: string;
    mtId: string;
    mtNaam: string;
    moment: string;
    claimant: string;
  }): Promise<ClaimResult>;
  /** The entry of one meeting, with its creation time (when it was claimed). */
  find(sleutel: string): Promise<Loaded<Herinnering> | undefined>;
  /** Reminders of one MT, newest first. */
  ofMt(mtId: string): Promise<Loaded<Herinnering>[]>;
  /** The whole reminder log (every MT, every page), newest first. */
  all(): Promise<Loaded<Herinnering>[]>;
  markSent(item: Loaded<Herinnering>, berichtId: string, snapshot: string): Promise<Loaded<Herinnering>>;
  markFailed(item: Loaded<Herinnering>, error: string): Promise<Loaded<Herinnering>>;
  /**
   * Takes a claim back (the entry is deleted, if it is still as claimed): for a send that certainly posted nothing
   * (`certainlyNotDelivered`), so that the next run or `--send-now` claims the meeting again.
   */
  release(item: Loaded<Herinnering>): Promise<void>;
  markDiscussed(item: Loaded<Herinnering>, doorId: string, op: string): Promise<Loaded<Herinnering>>;
};

/** The read of the whole reminder log: every item, only the fields the mapper reads (one list read of a `$batch`). */
export const HERINNERINGEN_READ: Omit<ListRead, 'id'> = { list: 'Herinneringen', fields: herinneringFieldNames };

/** Newest meeting first; the same meeting (never twice, the key is unique) by item id. */
export function compareHerinneringenNewestFirst(a: Loaded<Herinnering>, b: Loaded<Herinnering>): number {
  return b.value.moment.localeCompare(a.value.moment) || Number(b.id) - Number(a.id);
}

export function createHerinneringenStore(
  graph: Graph,
  siteId: string,
  store: ListStore = createListStore(graph, siteId, 'Herinneringen'),
): HerinneringenStore {
  const base = `${listPath(siteId, 'Herinneringen')}/items`;

  async function find(sleutel: string): Promise<Loaded<Herinnering> | undefined> {
    const page = await graph.get<{ value: ListItem[] }>(
      `${base}${odataQuery({ $select: `${ITEM_SELECT},createdDateTime`, $expand: fieldsExpand(herinneringFieldNames), $filter: `fields/${HERINNERING_FIELDS.sleutel} eq ${odataString(sleutel)}`, $top: 1 })}`,
    );
    const item = page.value[0];
    return item ? toHerinnering(item) : undefined;
  }

  async function patch(item: Loaded<Herinnering>, fields: Record<string, unknown>): Promise<Loaded<Herinnering>> {
    return toHerinnering(await store.update(item.id, item.eTag, fields, herinneringFieldNames));
  }

  return {
    async claim(input) {
      try {
        const created = await store.create(claimFields(input), input.sleutel, HERINNERING_FIELDS.sleutel);
        const loaded = toHerinnering(created);
        // After a lost answer the store returns the item holding the key: ours only if our claim is on it.
        if (loaded.value.claim === input.claimant) return { won: true, item: loaded };
        return { won: false, holder: loaded };
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 409)
          return { won: false, holder: await find(input.sleutel) };
        throw error;
      }
    },
    find,
    async ofMt(mtId) {
      const items = await graph.getAll<ListItem>(
        `${base}${odataQuery({ $select: ITEM_SELECT, $expand: fieldsExpand(herinneringFieldNames), $filter: `fields/${HERINNERING_FIELDS.mt}LookupId eq ${Number(mtId)}`, $top: 500 })}`,
      );
      return items.map(toHerinnering).sort((a, b) => b.value.moment.localeCompare(a.value.moment));
    },
    async all() {
      const items = await graph.getAll<ListItem>(listReadUrl(siteId, HERINNERINGEN_READ));
      return items.map(toHerinnering).sort(compareHerinneringenNewestFirst);
    },
    markSent: (item, berichtId, snapshot) => patch(item, sentFields(berichtId, snapshot)),
    markFailed: (item, error) => patch(item, failedFields(error)),
    release: (item) => store.remove(item.id, item.eTag),
    markDiscussed: (item, doorId, op) => patch(item, discussedFields(doorId, op)),
  };
}
