import type { Graph } from './graph/client.js';
import { odataQuery, odataString } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import {
  BESLUIT_FIELDS,
  BESLUITEN_LIST,
  besluitFieldNames,
  besluitToFields,
  toBesluit,
  type Besluit,
} from './lists/besluiten.js';
import type { Loaded } from './lists/field-reader.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { listReadUrl, type ListRead } from './list-batch.js';
import { createListStore, type ListStore } from './list-store.js';
import { listPath } from './site.js';

/**
 * The decision log of MT meetings. A record is a create with a ClientKey (unique): a retried save after a lost answer,
 * or a double click, lands once. Decisions of one meeting are read through the indexed `Vergadering` column.
 */
export type BesluitenStore = {
  record(input: Omit<Besluit, 'clientKey'>, clientKey: string): Promise<Loaded<Besluit>>;
  /** Everything recorded for one occurrence key, in the order it was recorded (Op, then item id). */
  ofOccurrence(occurrenceKey: string): Promise<Loaded<Besluit>[]>;
  /** Everything recorded for one MT (all its meetings), in recorded order. */
  ofMt(mtId: string): Promise<Loaded<Besluit>[]>;
  /** The whole decision log (every MT, every page), in recorded order. */
  all(): Promise<Loaded<Besluit>[]>;
};

/** The read of the whole decision log: every item, only the fields the mapper reads (one list read of a `$batch`). */
export const BESLUITEN_READ: Omit<ListRead, 'id'> = { list: BESLUITEN_LIST, fields: besluitFieldNames };

export function compareBesluiten(a: Loaded<Besluit>, b: Loaded<Besluit>): number {
  return (a.value.op ?? '').localeCompare(b.value.op ?? '') || Number(a.id) - Number(b.id);
}

/** The decision texts of one meeting, in recorded order; ticks without text are left out. */
/**
 * The decision the CMT gave when it ticked an escalation as discussed, as an entry of the decision log (issue 12.6):
 * for the CMT's meeting and MT, on the escalated action, discussed, by the person who ticked. Its ClientKey is the
 * escalation's own id (an escalation is ticked once), so a retried write lands once. Undefined without a decision.
 */
export function agenderingBesluit(input: {
  agenderingId: string;
  besluit: string | undefined;
  vergadering: string;
  mtId: string;
  actieId?: string;
  doorId?: string;
  doorNaam?: string;
  op: string;
}): { besluit: Omit<Besluit, 'clientKey'>; clientKey: string } | undefined {
  const tekst = input.besluit?.trim();
  if (!tekst) return undefined;
  const besluit: Omit<Besluit, 'clientKey'> = {
    tekst,
    vergadering: input.vergadering,
    mtId: input.mtId,
    besproken: true,
    op: input.op,
  };
  if (input.actieId) besluit.actieId = input.actieId;
  if (input.doorId) besluit.doorId = input.doorId;
  else if (input.doorNaam) besluit.doorNaam = input.doorNaam;
  return { besluit, clientKey: `agendering-besluit:${input.agenderingId}` };
}

export function decisionTexts(besluiten: readonly Loaded<Besluit>[]): string[] {
  return [...besluiten]
    .sort(compareBesluiten)
    .map((b) => b.value.tekst.trim())
    .filter((t) => t !== '');
}

export function besluitenByOccurrenceUrl(siteId: string, occurrenceKey: string): string {
  return `${listPath(siteId, BESLUITEN_LIST)}/items${odataQuery({
    $select: ITEM_SELECT,
    $expand: fieldsExpand(besluitFieldNames),
    $filter: `fields/${BESLUIT_FIELDS.vergadering} eq ${odataString(occurrenceKey)}`,
    $top: 500,
  })}`;
}

export function createBesluitenStore(
  graph: Graph,
  siteId: string,
  store: ListStore = createListStore(graph, siteId, BESLUITEN_LIST),
): BesluitenStore {
  return {
    async record(input, clientKey) {
      try {
        return toBesluit(await store.create(besluitToFields(input), clientKey, BESLUIT_FIELDS.clientKey));
      } catch (error) {
        // The same save arrived before (double click, a retry from another tab): the stored one is the answer.
        if (error instanceof GraphRequestError && error.status === 409) {
          const page = await graph.get<{ value: ListItem[] }>(
            `${listPath(siteId, BESLUITEN_LIST)}/items${odataQuery({ $select: ITEM_SELECT, $expand: fieldsExpand(besluitFieldNames), $filter: `fields/${BESLUIT_FIELDS.clientKey} eq ${odataString(clientKey)}`, $top: 1 })}`,
          );
          const existing = page.value[0];
          if (existing) return toBesluit(existing);
        }
        throw error;
      }
    },
    async ofOccurrence(occurrenceKey) {
      const items = await graph.getAll<ListItem>(besluitenByOccurrenceUrl(siteId, occurrenceKey));
      return items.map(toBesluit).sort(compareBesluiten);
    },
    async ofMt(mtId) {
      const items = await graph.getAll<ListItem>(
        `${listPath(siteId, BESLUITEN_LIST)}/items${odataQuery({ $select: ITEM_SELECT, $expand: fieldsExpand(besluitFieldNames), $filter: `fields/${BESLUIT_FIELDS.mt}LookupId eq ${Number(mtId)}`, $top: 500 })}`,
      );
      return items.map(toBesluit).sort(compareBesluiten);
    },
    async all() {
      const items = await graph.getAll<ListItem>(listReadUrl(siteId, BESLUITEN_READ));
      return items.map(toBesluit).sort(compareBesluiten);
    },
  };
}
