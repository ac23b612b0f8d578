import {
  agendaKeuzeMessageText,
  agendaKeuzeProblem,
  type AgendaKeuze,
  type AgendaKeuzeMessage,
  type AgendaKeuzeKind,
} from '../domain/agenda-keuze.js';
import type { Graph } from './graph/client.js';
import { odataQuery, odataString } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import {
  AGENDAKEUZE_FIELDS,
  agendakeuzeClientKey,
  agendakeuzeFieldNames,
  agendaKeuzeToFields,
  toAgendaKeuze,
} from './lists/agendakeuzes.js';
import type { Loaded } from './lists/field-reader.js';
import { fieldsExpand, ITEM_SELECT, type ListItem } from './lists/list-definition.js';
import { onOrAfter, type ListRead } from './list-batch.js';
import { createListStore, EtagConflictError, type ListStore } from './list-store.js';
import { listPath } from './site.js';

const LIST = 'Agendakeuzes';

/**
 * The choice breaks a rule (no reason for Niet nodig, say); nothing was written. `veld` names the field, `bericht` the
 * rule (a UI says it in its language); `message` is the Dutch.
 */
export class AgendaKeuzeValidationError extends Error {
  override readonly name = 'AgendaKeuzeValidationError';
  constructor(
    readonly veld: 'keuze' | 'reden' | 'actie',
    readonly bericht: AgendaKeuzeMessage,
  ) {
    super(agendaKeuzeMessageText(bericht));
  }
}

/** Someone else chose differently for the same action and meeting since it was read (412, or a create that lost). */
export class AgendaKeuzeConflictError extends Error {
  override readonly name = 'AgendaKeuzeConflictError';
  constructor(
    readonly actieNummer: string,
    /** The choice as it is now; undefined when it was withdrawn meanwhile. */
    readonly theirs: Loaded<AgendaKeuze> | undefined,
  ) {
    super(`De keuze voor actie ${actieNummer} is intussen door iemand anders gewijzigd.`);
  }
}

/** What a choice writes. `current`: the item as read (id + eTag), when the action already has a choice. */
export type AgendaKeuzeWrite = {
  vergadering: string;
  /** The meeting's start, ISO (the indexed column the reminder job filters on). */
  vergadermoment: string;
  actieId: string;
  actieNummer: string;
  keuze: AgendaKeuzeKind;
  reden?: string;
  doorId?: string;
  doorNaam?: string;
  op: string;
};

export type AgendaKeuzesStore = {
  /** The choices of one meeting (on the indexed Vergadering column), by item id. */
  ofVergadering(vergadering: string): Promise<Loaded<AgendaKeuze>[]>;
  /**
   * Writes a choice after `agendaKeuzeProblem`: without `current` one create with the ClientKey of the meeting and
   * action (a repeated create returns the stored item when it says the same, and is a conflict when it does not);
   * with `current` one If-Match update of every field (412: `AgendaKeuzeConflictError`).
   */
  kiezen(input: AgendaKeuzeWrite, current?: { id: string; eTag: string }): Promise<Loaded<AgendaKeuze>>;
  /** Withdraws a choice (the action is back as the agenda would list it), with If-Match. */
  intrekken(current: { id: string; eTag: string; actieNummer: string }): Promise<void>;
};

/** The read of the choices for meetings from `since` on: one sub-request of the reminder job's `$batch`. */
export function agendakeuzesSince(since: Date): Omit<ListRead, 'id'> {
  return { list: LIST, fields: agendakeuzeFieldNames, filter: onOrAfter(AGENDAKEUZE_FIELDS.vergadermoment, since) };
}

function sameChoice(a: AgendaKeuze, b: AgendaKeuzeWrite): boolean {
  return a.keuze === b.keuze && (a.reden ?? '').trim() === (b.reden ?? '').trim();
}

/** Reads and writes the Agendakeuzes list with the plan's guarantees (checks first, ClientKey, If-Match). */
export function createAgendaKeuzesStore(
  graph: Graph,
  siteId: string,
  store: ListStore = createListStore(graph, siteId, LIST),
): AgendaKeuzesStore {
  const query = (filter: string, top: number) =>
    `${listPath(siteId, LIST)}/items${odataQuery({ $select: ITEM_SELECT, $expand: fieldsExpand(agendakeuzeFieldNames), $filter: filter, $top: top })}`;
  const byClientKey = async (clientKey: string): Promise<ListItem | undefined> => {
    const page = await graph.get<{ value: ListItem[] }>(
      query(`fields/${AGENDAKEUZE_FIELDS.clientKey} eq ${odataString(clientKey)}`, 1),
    );
    return page.value[0];
  };
  return {
    async ofVergadering(vergadering) {
      const items = await graph.getAll<ListItem>(
        query(`fields/${AGENDAKEUZE_FIELDS.vergadering} eq ${odataString(vergadering)}`, 500),
      );
      return items.map(toAgendaKeuze).sort((a, b) => Number(a.id) - Number(b.id));
    },
    async kiezen(input, current) {
      const problem = agendaKeuzeProblem(input);
      if (problem) throw new AgendaKeuzeValidationError(problem.veld, problem.bericht);
      const fields = agendaKeuzeToFields(input);
      if (current) {
        try {
          return toAgendaKeuze(await store.update(current.id, current.eTag, fields, agendakeuzeFieldNames));
        } catch (error) {
          if (error instanceof EtagConflictError)
            throw new AgendaKeuzeConflictError(input.actieNummer, error.current && toAgendaKeuze(error.current));
          throw error;
        }
      }
      const clientKey = agendakeuzeClientKey(input.vergadering, input.actieId);
      try {
        return toAgendaKeuze(await store.create(fields, clientKey, AGENDAKEUZE_FIELDS.clientKey));
      } catch (error) {
        // The key is taken: the same choice made before (a retry, a double click) is the answer; another is a conflict.
        if (error instanceof GraphRequestError && error.status === 409) {
          const existing = await byClientKey(clientKey);
          if (existing) {
            const theirs = toAgendaKeuze(existing);
            if (sameChoice(theirs.value, input)) return theirs;
            throw new AgendaKeuzeConflictError(input.actieNummer, theirs);
          }
        }
        throw error;
      }
    },
    async intrekken(current) {
      try {
        await store.remove(current.id, current.eTag);
      } catch (error) {
        if (error instanceof EtagConflictError)
          throw new AgendaKeuzeConflictError(current.actieNummer, error.current && toAgendaKeuze(error.current));
        throw error;
      }
    },
  };
}
