import {
  checkDomeinVoortgangChange,
  domeinStates,
  domeinVoortgangKey,
  type DomeinVoortgang,
  type DomeinVoortgangChange,
} from '../domain/domein-voortgang.js';
import { messageText, validationMessages as M, type DomainMessage } from '../domain/messages.js';
import type { Actie, Domein } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import { GraphRequestError } from './graph/errors.js';
import {
  domeinVoortgangChangeToFields,
  domeinVoortgangClientKeyField,
  domeinVoortgangFieldNames,
  domeinVoortgangToFields,
  toDomeinVoortgang,
} from './lists/domein-voortgang.js';
import { onBehalfOf, onBehalfToFields, type OnBehalf } from './lists/acties.js';
import type { Loaded } from './lists/field-reader.js';
import { itemHistory, type ItemVersion } from './item-history.js';
import { listPath } from './site.js';
import type { ListItem } from './lists/list-definition.js';
import { createListStore, EtagConflictError } from './list-store.js';
import type { LoadedPlan } from './plan-store.js';

export type { DomeinVoortgangChange } from '../domain/domein-voortgang.js';

/** The change breaks a rule (a transition without its reason, a bad date); nothing was written. */
export class DomeinVoortgangValidationError extends Error {
  override readonly name = 'DomeinVoortgangValidationError';
  constructor(readonly issues: { path: string; message: DomainMessage }[]) {
    super(issues.map((i) => messageText(i.message)).join(' '));
  }
}

/** Someone else changed the domain's row since it was read (412), or created it first (409). Nothing was written. */
export class DomeinVoortgangConflictError extends Error {
  override readonly name = 'DomeinVoortgangConflictError';
  constructor(
    readonly actie: string,
    readonly domein: Domein,
    /** The row as it is now, when it could be read. */
    readonly theirs: Loaded<DomeinVoortgang> | undefined,
  ) {
    super(`De voortgang van ${domein} op actie ${actie} is intussen door iemand anders gewijzigd.`);
  }
}

export type DomeinVoortgangStore = {
  /**
   * Writes a domain's change on a shared action: its row is updated with If-Match, or created (de-duplicated by its
   * unique Sleutel after a lost answer) when the domain had none. Returns the row as stored. `namens`: the person a
   * write under the app's own identity is made for (a card's button); recorded in the same write, so every version
   * it makes names them.
   */
  save(
    actie: Loaded<Actie>,
    domein: Domein,
    change: DomeinVoortgangChange,
    namens?: OnBehalf,
  ): Promise<Loaded<DomeinVoortgang>>;
  /** The row's SharePoint versions, newest first: who (or for whom the app) changed which field from what to what. */
  history(rijId: string): Promise<ItemVersion[]>;
};

/** The fields of a row its history shows, with their labels (the list's display names). */
const DOMEIN_VOORTGANG_HISTORY_FIELDS: readonly { key: keyof DomeinVoortgang; label: string }[] = [
  { key: 'status', label: 'Status' },
  { key: 'statusToelichting', label: 'Toelichting status' },
  { key: 'eigenaar', label: 'Eigenaar' },
  { key: 'deadline', label: 'Deadline' },
  { key: 'notitie', label: 'Notitie' },
];

/** Reads and writes the rows per domain with the plan's guarantees (validation first, If-Match, no duplicates). */
export function createDomeinVoortgangStore(graph: Graph, siteId: string, plan: LoadedPlan): DomeinVoortgangStore {
  const items = createListStore(graph, siteId, 'DomeinVoortgang');
  const context = {
    actieNummerById: new Map(plan.acties.map((a) => [a.id, a.value.nummer])),
    users: new Map(plan.users.map((u) => [u.id ?? '', u])),
  };
  const toLoaded = (item: ListItem) => toDomeinVoortgang(item, context);
  const rijen = plan.domeinVoortgang;

  return {
    async save(actie, domein, change, namens) {
      const wie = namens ? onBehalfToFields(namens) : {};
      if (!actie.value.domeinen.includes(domein)) {
        throw new DomeinVoortgangValidationError([
          { path: 'domein', message: M.actieHoortNietBijDomein(actie.value.nummer, domein) },
        ]);
      }
      const row = rijen.find((r) => r.value.actie === actie.value.nummer && r.value.domein === domein);
      const stand = domeinStates(actie.value, row ? [row.value] : []).find((d) => d.domein === domein);
      if (!stand)
        throw new DomeinVoortgangValidationError([
          { path: 'domein', message: M.actieHoortNietBijDomein(actie.value.nummer, domein) },
        ]);
      const issues = checkDomeinVoortgangChange(stand, change);
      if (issues.length > 0) throw new DomeinVoortgangValidationError(issues);

      if (row) {
        try {
          return toLoaded(
            await items.update(
              row.id,
              row.eTag,
              { ...domeinVoortgangChangeToFields(change), ...wie },
              domeinVoortgangFieldNames,
            ),
          );
        } catch (error) {
          if (error instanceof EtagConflictError)
            throw new DomeinVoortgangConflictError(
              actie.value.nummer,
              domein,
              error.current ? toLoaded(error.current) : undefined,
            );
          throw error;
        }
      }
      // No row yet: the domain followed the action. Its first change creates the row from where it stood.
      const created: DomeinVoortgang = { actie: actie.value.nummer, domein, status: stand.status };
      if (stand.statusToelichting !== undefined && actie.value.status === stand.status)
        created.statusToelichting = stand.statusToelichting;
      const fields = {
        ...domeinVoortgangToFields(created, actie.id),
        ...domeinVoortgangChangeToFields(change),
        ...wie,
      };
      const sleutel = domeinVoortgangKey(actie.value.nummer, domein);
      try {
        return toLoaded(await items.create(fields, sleutel, domeinVoortgangClientKeyField()));
      } catch (error) {
        // Another member of the domain created the row first: the unique key refused ours.
        if (error instanceof GraphRequestError && error.status === 409)
          throw new DomeinVoortgangConflictError(actie.value.nummer, domein, undefined);
        throw error;
      }
    },

    history: (rijId) =>
      itemHistory(
        graph,
        `${listPath(siteId, 'DomeinVoortgang')}/items/${rijId}`,
        (fields) => toDomeinVoortgang({ id: rijId, eTag: '', fields }, context).value,
        DOMEIN_VOORTGANG_HISTORY_FIELDS,
        (fields) => {
          const recorded = onBehalfOf(fields);
          if (!recorded) return undefined;
          const user = recorded.door ? context.users.get(recorded.door.id) : undefined;
          return { naam: user?.displayName ?? recorded.naam, op: recorded.op };
        },
      ),
  };
}
