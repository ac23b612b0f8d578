import { checkAfhandeling, checkAgendering, type Agendering } from '../domain/agendering.js';
import type { Inrichting } from '../domain/inrichting-basis.js';
import { messageText, type DomainMessage } from '../domain/messages.js';
import type { Actie, Domein, PersonRef } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import { odataQuery, odataString } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import {
  AGENDERING_FIELDS,
  AGENDERINGEN_OPEN_READ,
  afhandelingToFields,
  agenderingFieldNames,
  agenderingToFields,
  toAgendering,
} from './lists/agenderingen.js';
import type { Loaded } from './lists/field-reader.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { listReadUrl } from './list-batch.js';
import { createListStore, EtagConflictError, type ListStore } from './list-store.js';
import { listPath } from './site.js';

/**
 * The escalation or the tick breaks a rule (no reason, already on the agenda, already ticked); nothing was written.
 * `domain` is the rule's message (key and values) for a UI to say in its language; `message` is its Dutch.
 */
export class AgenderingValidationError extends Error {
  override readonly name = 'AgenderingValidationError';
  constructor(readonly domain: DomainMessage) {
    super(messageText(domain));
  }
}

/** Someone else changed the escalation since it was read (412: ticked it first, say). Nothing was written. */
export class AgenderingConflictError extends Error {
  override readonly name = 'AgenderingConflictError';
  constructor(
    readonly nummer: string,
    /** The escalation as it is now, when it could be read. */
    readonly theirs: Loaded<Agendering> | undefined,
  ) {
    super(`De agendering van actie ${nummer} is intussen door iemand anders gewijzigd.`);
  }
}

export type AgenderingenStore = {
  /** Every escalation, open and ticked, oldest first. */
  all(): Promise<Loaded<Agendering>[]>;
  /** The escalations not yet ticked as discussed (on the indexed Besproken column), oldest first. */
  open(): Promise<Loaded<Agendering>[]>;
  /**
   * Puts an action on the CMT's agenda for a domain, after the domain's checks (`checkAgendering`, against the
   * escalations given). One create with `clientKey` (unique): a save repeated after a lost answer, or a double click
   * with the same key, gives the one stored item.
   */
  create(
    input: { actie: Loaded<Actie>; domein: Domein; reden: string; door?: PersonRef; op: string },
    bestaande: readonly { value: Agendering }[],
    clientKey: string,
  ): Promise<Loaded<Agendering>>;
  /** The CMT ticks it as discussed (optionally with a decision), with If-Match on the eTag it was read with. */
  afhandelen(
    agendering: Loaded<Agendering>,
    input: { door?: PersonRef; op: string; besluit?: string },
  ): Promise<Loaded<Agendering>>;
};

/** Reads and writes the Agenderingen list with the plan's guarantees (checks first, ClientKey, If-Match). */
export function createAgenderingenStore(
  graph: Graph,
  siteId: string,
  context: {
    acties: readonly { id: string; value: Pick<Actie, 'nummer'> }[];
    users: readonly PersonRef[];
    /** The site's set-up: an escalation's domain is read against its domains. */
    inrichting: Inrichting;
  },
  store: ListStore = createListStore(graph, siteId, 'Agenderingen'),
): AgenderingenStore {
  const readContext = {
    actieNummerById: new Map(context.acties.map((a) => [a.id, a.value.nummer])),
    users: new Map(context.users.map((u) => [u.id ?? '', u])),
    inrichting: context.inrichting,
  };
  const toLoaded = (item: ListItem) => toAgendering(item, readContext);
  const byClientKey = async (clientKey: string): Promise<ListItem | undefined> => {
    const page = await graph.get<{ value: ListItem[] }>(
      `${listPath(siteId, 'Agenderingen')}/items${odataQuery({ $select: ITEM_SELECT, $expand: fieldsExpand(agenderingFieldNames), $filter: `fields/${AGENDERING_FIELDS.clientKey} eq ${odataString(clientKey)}`, $top: 1 })}`,
    );
    return page.value[0];
  };
  return {
    async all() {
      const items = await graph.getAll<ListItem>(
        listReadUrl(siteId, { list: 'Agenderingen', fields: agenderingFieldNames }),
      );
      return items.map(toLoaded).sort(compareAgenderingen);
    },
    async open() {
      const items = await graph.getAll<ListItem>(listReadUrl(siteId, AGENDERINGEN_OPEN_READ));
      return items.map(toLoaded).sort(compareAgenderingen);
    },
    async create(input, bestaande, clientKey) {
      // The same key stored before (a repeated save): that item is the answer, not a refusal as "already on the agenda".
      const earlier = await byClientKey(clientKey);
      if (earlier) return toLoaded(earlier);
      // Against the site's set-up: its concern domain escalates to nobody (issue 12.8).
      const check = checkAgendering(
        { actie: input.actie.value, domein: input.domein, reden: input.reden },
        bestaande,
        undefined,
        context.inrichting,
      );
      if (!check.ok) throw new AgenderingValidationError(check.message);
      const fields = agenderingToFields(
        {
          actie: input.actie.value.nummer,
          domein: input.domein,
          reden: check.reden,
          op: input.op,
          ...(input.door?.id ? { doorId: input.door.id } : {}),
        },
        input.actie.id,
      );
      try {
        return toLoaded(await store.create(fields, clientKey, AGENDERING_FIELDS.clientKey));
      } catch (error) {
        // A double click that raced the first create: the unique ClientKey holds the one item.
        if (error instanceof GraphRequestError && error.status === 409) {
          const existing = await byClientKey(clientKey);
          if (existing) return toLoaded(existing);
        }
        throw error;
      }
    },
    async afhandelen(agendering, input) {
      const check = checkAfhandeling(agendering.value, input.besluit);
      if (!check.ok) throw new AgenderingValidationError(check.message);
      const fields = afhandelingToFields({
        op: input.op,
        ...(input.door?.id ? { doorId: input.door.id } : {}),
        ...(check.besluit ? { besluit: check.besluit } : {}),
      });
      try {
        const updated = await store.update(agendering.id, agendering.eTag, fields, agenderingFieldNames);
        // The PATCH answer holds the written fields only; read the item back so every field maps.
        return toLoaded(
          updated.fields[AGENDERING_FIELDS.actieNummer] === undefined
            ? await store.get(agendering.id, agenderingFieldNames)
            : updated,
        );
      } catch (error) {
        if (error instanceof EtagConflictError)
          throw new AgenderingConflictError(
            agendering.value.actie,
            error.current ? toLoaded(error.current) : undefined,
          );
        throw error;
      }
    },
  };
}

/** Oldest first, ties by item id. */
export function compareAgenderingen(a: Loaded<Agendering>, b: Loaded<Agendering>): number {
  return a.value.op.localeCompare(b.value.op) || Number(a.id) - Number(b.id);
}
