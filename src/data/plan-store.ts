import { compareActienummers } from '../domain/actienummer.js';
import type { Actie, Advies, Bevinding, PersonRef, Plan } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import { actieFieldNames, toActie } from './lists/acties.js';
import { adviesFieldNames, toAdvies } from './lists/adviezen.js';
import { bevindingFieldNames, toBevinding } from './lists/bevindingen.js';
import type { Loaded } from './lists/field-reader.js';
import { fieldsExpand, ITEM_SELECT, SITE_USERS_LIST, type ListItem } from './lists/list-definition.js';
import { siteUserFieldNames, toSiteUser } from './lists/site-users.js';
import { listPath } from './site.js';

/** The plan as read from a site: domain values plus each item's identity and problems. */
export type LoadedPlan = {
  adviezen: Loaded<Advies>[];
  bevindingen: Loaded<Bevinding>[];
  acties: Loaded<Actie>[];
  users: PersonRef[];
};

const PAGE = `&$select=${ITEM_SELECT}&$top=999`;

/** Reads the recommendations, findings, actions and site users, selecting only the fields the plan needs. */
export async function loadPlan(graph: Graph, siteId: string): Promise<LoadedPlan> {
  const [adviesItems, bevindingItems, actieItems, userItems] = await Promise.all([
    graph.getAll<ListItem>(`${listPath(siteId, 'Adviezen')}/items?$expand=${fieldsExpand(adviesFieldNames)}${PAGE}`),
    graph.getAll<ListItem>(`${listPath(siteId, 'Bevindingen')}/items?$expand=${fieldsExpand(bevindingFieldNames)}${PAGE}`),
    graph.getAll<ListItem>(`${listPath(siteId, 'Acties')}/items?$expand=${fieldsExpand(actieFieldNames)}${PAGE}`),
    graph.getAll<ListItem>(`${listPath(siteId, SITE_USERS_LIST)}/items?$expand=${fieldsExpand(siteUserFieldNames)}${PAGE}`),
  ]);
  return mapPlan({ adviezen: adviesItems, bevindingen: bevindingItems, acties: actieItems, users: userItems });
}

/** Maps the raw items of the plan's lists to the domain, resolving lookups and people. */
export function mapPlan(raw: { adviezen: ListItem[]; bevindingen: ListItem[]; acties: ListItem[]; users: ListItem[] }): LoadedPlan {
  const users = raw.users.map(toSiteUser);
  const adviezen = raw.adviezen.map(toAdvies);
  const bevindingen = raw.bevindingen.map(toBevinding);
  const context = {
    adviesNummerById: new Map(adviezen.map((a) => [a.id, a.value.nummer])),
    bevindingNummerById: new Map(bevindingen.map((b) => [b.id, b.value.nummer])),
    users: new Map(users.map((u) => [u.id ?? '', u])),
  };
  const acties = raw.acties.map((item) => toActie(item, context));
  return {
    adviezen: adviezen.sort((a, b) => a.value.nummer - b.value.nummer),
    bevindingen: bevindingen.sort((a, b) => a.value.nummer - b.value.nummer),
    acties: acties.sort((a, b) => compareActienummers(a.value.nummer, b.value.nummer) || a.id.localeCompare(b.id, 'en', { numeric: true })),
    users,
  };
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
