import type { Kwartaaldoel, MT, PortfolioItem } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import { sendBatch } from './graph/batch.js';
import { GraphRequestError } from './graph/errors.js';
import type { Loaded } from './lists/field-reader.js';
import { herinneringFieldNames, HERINNERING_FIELDS, toHerinnering, type Herinnering } from './lists/herinneringen.js';
import { kwartaaldoelFieldNames, toKwartaaldoel } from './lists/kwartaaldoelen.js';
import { fieldsExpand, ITEM_SELECT, SITE_USERS_LIST, type ListItem } from './lists/list-definition.js';
import { mtFieldNames, toMT } from './lists/mts.js';
import { portfolioFieldNames, toPortfolioItem } from './lists/portfolio.js';
import { siteUserFieldNames, toSiteUser } from './lists/site-users.js';
import { listPath } from './site.js';

/** What the reminder job reads besides the plan, in one round. */
export type ReminderData = {
  mts: Loaded<MT>[];
  portfolio: Loaded<PortfolioItem>[];
  kwartaaldoelen: Loaded<Kwartaaldoel>[];
  /** The reminder log from `since` on (filtered on the indexed Moment column). */
  herinneringen: Loaded<Herinnering>[];
};

type Page = { value: ListItem[]; '@odata.nextLink'?: string };

/**
 * Reads MTs, portfolio, quarter goals, site users and the recent reminder log in one `$batch`.
 * These lists are small (tens to hundreds of items); a page beyond the first is followed with
 * ordinary requests.
 */
export async function loadReminderData(graph: Graph, siteId: string, since: Date): Promise<ReminderData> {
  const url = (list: string, fields: readonly string[], filter?: string) =>
    `${listPath(siteId, list)}/items?$select=${ITEM_SELECT}&$expand=${fieldsExpand(fields)}&$top=999${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
  const requests = [
    { id: 'mts', method: 'GET' as const, url: url('MTs', mtFieldNames) },
    { id: 'portfolio', method: 'GET' as const, url: url('Portfolio', portfolioFieldNames) },
    { id: 'doelen', method: 'GET' as const, url: url('Kwartaaldoelen', kwartaaldoelFieldNames) },
    { id: 'users', method: 'GET' as const, url: url(SITE_USERS_LIST, siteUserFieldNames) },
    { id: 'log', method: 'GET' as const, url: url('Herinneringen', herinneringFieldNames, `fields/${HERINNERING_FIELDS.moment} ge '${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}'`) },
  ];
  const responses = await sendBatch(graph, requests);
  const items: Record<string, ListItem[]> = {};
  for (const response of responses) {
    if (response.status !== 200) {
      const body = response.body as { error?: { code?: string; message?: string } } | undefined;
      throw new GraphRequestError(body?.error?.message ?? `Reading ${response.id} failed`, response.status, body?.error?.code ?? 'unknown', undefined, body);
    }
    const page = response.body as Page;
    const all = [...page.value];
    if (page['@odata.nextLink']) all.push(...(await graph.getAll<ListItem>(page['@odata.nextLink'])));
    items[response.id] = all;
  }
  const users = new Map((items.users ?? []).map(toSiteUser).map((u) => [u.id ?? '', u]));
  const portfolio = (items.portfolio ?? []).map((item) => toPortfolioItem(item, users));
  const portfolioKeyById = new Map(portfolio.map((p) => [p.id, p.value.key]));
  return {
    mts: (items.mts ?? []).map(toMT),
    portfolio,
    kwartaaldoelen: (items.doelen ?? []).map((item) => toKwartaaldoel(item, portfolioKeyById)),
    herinneringen: (items.log ?? []).map(toHerinnering),
  };
}
