import { compareActienummers } from '../domain/actienummer.js';
import type { Inrichting } from '../domain/inrichting-basis.js';
import { GraphRequestError } from './graph/errors.js';
import { inrichtingFieldNames, inrichtingFromItems } from './lists/inrichting.js';
import { actieWithRollUp, type DomeinVoortgang } from '../domain/domein-voortgang.js';
import type { Actie, Advies, Bevinding, Domein, PersonRef, Plan } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import { actieFieldNames, toActie } from './lists/acties.js';
import { adviesFieldNames, toAdvies } from './lists/adviezen.js';
import { bevindingFieldNames, toBevinding } from './lists/bevindingen.js';
import { domeinVoortgangFieldNames, toDomeinVoortgang } from './lists/domein-voortgang.js';
import type { Loaded } from './lists/field-reader.js';
import { fieldsExpand, ITEM_SELECT, SITE_USERS_LIST, type ListItem } from './lists/list-definition.js';
import { siteUserFieldNames, toSiteUser } from './lists/site-users.js';
import { listPath } from './site.js';
import { compareItemIds, compareText } from '../domain/compare.js';

/** The plan as read from a site: domain values plus each item's identity and problems. */
export type LoadedPlan = {
  adviezen: Loaded<Advies>[];
  bevindingen: Loaded<Bevinding>[];
  /**
   * Actions as everyone sees them: an action of several domains carries the roll-up of its domains' rows as its
   * status (domain/domein-voortgang.ts), so the agenda, the roadmap and the reports all see the same status.
   */
  acties: Loaded<Actie>[];
  /** The rows of the shared actions per domain (DomeinVoortgang). */
  domeinVoortgang: Loaded<DomeinVoortgang>[];
  users: PersonRef[];
  /**
   * The municipality's set-up the plan is read and shown with (issue 12.8): the site's Inrichting list, or
   * Zoetermeer's for a site whose list is empty or missing, or whose list does not make a valid set-up.
   */
  inrichting: Inrichting;
  /**
   * The site's own set-up was not used: its list does not make a usable set-up (`checkInrichting` names each fault;
   * the report and `npm run rapportage` refuse it with those texts).
   */
  inrichtingOngeldig?: true;
  /**
   * Set on the tab's view of the plan for one domain (not the concern's): every shared action then carries that
   * domain's own row (owner included), not the roll-up. Never stored.
   */
  projectedFor?: Domein;
};

const PAGE = `&$select=${ITEM_SELECT}&$top=999`;

/** Reads the recommendations, findings, actions and site users, selecting only the fields the plan needs. */
export async function loadPlan(graph: Graph, siteId: string): Promise<LoadedPlan> {
  const [adviesItems, bevindingItems, actieItems, userItems, rijItems, inrichtingItems] = await Promise.all([
    graph.getAll<ListItem>(`${listPath(siteId, 'Adviezen')}/items?$expand=${fieldsExpand(adviesFieldNames)}${PAGE}`),
    graph.getAll<ListItem>(
      `${listPath(siteId, 'Bevindingen')}/items?$expand=${fieldsExpand(bevindingFieldNames)}${PAGE}`,
    ),
    graph.getAll<ListItem>(`${listPath(siteId, 'Acties')}/items?$expand=${fieldsExpand(actieFieldNames)}${PAGE}`),
    graph.getAll<ListItem>(
      `${listPath(siteId, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}${PAGE}`,
    ),
    graph.getAll<ListItem>(
      `${listPath(siteId, 'DomeinVoortgang')}/items?$expand=${fieldsExpand(domeinVoortgangFieldNames)}${PAGE}`,
    ),
    // A site provisioned before schema version 12 has no Inrichting list: it has Zoetermeer's set-up.
    graph
      .getAll<ListItem>(`${listPath(siteId, 'Inrichting')}/items?$expand=${fieldsExpand(inrichtingFieldNames)}${PAGE}`)
      .catch((error: unknown) => {
        if (error instanceof GraphRequestError && error.status === 404) return [];
        throw error;
      }),
  ]);
  return mapPlan({
    adviezen: adviesItems,
    bevindingen: bevindingItems,
    acties: actieItems,
    users: userItems,
    domeinVoortgang: rijItems,
    inrichting: inrichtingItems,
  });
}

/**
 * Maps the raw items of the plan's lists to the domain, resolving lookups and people, and rolls each shared action's
 * domain rows up into its status. Without rows (a caller that reads no DomeinVoortgang) every action keeps its own.
 */
export function mapPlan(raw: {
  adviezen: ListItem[];
  bevindingen: ListItem[];
  acties: ListItem[];
  users: ListItem[];
  domeinVoortgang?: ListItem[];
  /** The Inrichting list's items; absent or empty: Zoetermeer's set-up. */
  inrichting?: ListItem[];
}): LoadedPlan {
  const { inrichting, ongeldig } = inrichtingFromItems(raw.inrichting ?? []);
  const users = raw.users.map(toSiteUser);
  const adviezen = raw.adviezen.map((item) => toAdvies(item, inrichting));
  const bevindingen = raw.bevindingen.map((item) => toBevinding(item, inrichting));
  const context = {
    adviesNummerById: new Map(adviezen.map((a) => [a.id, a.value.nummer])),
    bevindingNummerById: new Map(bevindingen.map((b) => [b.id, b.value.nummer])),
    users: new Map(users.map((u) => [u.id ?? '', u])),
    inrichting,
  };
  const stored = raw.acties.map((item) => toActie(item, context));
  const actieNummerById = new Map(stored.map((a) => [a.id, a.value.nummer]));
  const domeinVoortgang = (raw.domeinVoortgang ?? []).map((item) =>
    toDomeinVoortgang(item, { actieNummerById, users: context.users, inrichting }),
  );
  const acties = withRollUp(stored, domeinVoortgang);
  return {
    adviezen: adviezen.sort((a, b) => a.value.nummer - b.value.nummer),
    bevindingen: bevindingen.sort((a, b) => a.value.nummer - b.value.nummer),
    // Ties in the plain orders of domain/compare.ts: the views order a domain's rows by the action's own list.
    acties: acties.sort((a, b) => compareActienummers(a.value.nummer, b.value.nummer) || compareItemIds(a.id, b.id)),
    domeinVoortgang: domeinVoortgang.sort(
      (a, b) => compareActienummers(a.value.actie, b.value.actie) || compareText(a.value.domein, b.value.domein),
    ),
    users,
    inrichting,
    ...(ongeldig ? { inrichtingOngeldig: true as const } : {}),
  };
}

/** Actions with the roll-up of their domain rows as status (one pass over the rows, then one per action). */
export function withRollUp(
  acties: readonly Loaded<Actie>[],
  rijen: readonly Loaded<DomeinVoortgang>[],
): Loaded<Actie>[] {
  const perActie = new Map<string, DomeinVoortgang[]>();
  for (const r of rijen) perActie.set(r.value.actie, [...(perActie.get(r.value.actie) ?? []), r.value]);
  return acties.map((a) => {
    const own = perActie.get(a.value.nummer);
    if (!own) return a;
    const value = actieWithRollUp(a.value, own);
    return value === a.value ? a : { ...a, value };
  });
}

/** The domain's Plan from a loaded plan, with the themes supplied by the caller. */
export function toPlan(loaded: LoadedPlan, themas: Plan['themas']): Plan {
  return {
    themas,
    adviezen: loaded.adviezen.map((a) => a.value),
    bevindingen: loaded.bevindingen.map((b) => b.value),
    acties: loaded.acties.map((a) => a.value),
  };
}
