import type { AgendaKeuze } from '../domain/agenda-keuze.js';
import type { Agendering } from '../domain/agendering.js';
import type { Inrichting } from '../domain/inrichting-basis.js';
import { agendakeuzesSince } from './agendakeuzes-store.js';
import { toAgendaKeuze } from './lists/agendakeuzes.js';
import type { Kwartaaldoel, MT, PortfolioItem } from '../domain/model.js';
import type { Graph } from './graph/client.js';
import { onOrAfter, readListsInOneBatch } from './list-batch.js';
import { AGENDERINGEN_OPEN_READ, agenderingReadContext, toAgendering } from './lists/agenderingen.js';
import type { Loaded } from './lists/field-reader.js';
import { herinneringFieldNames, HERINNERING_FIELDS, toHerinnering, type Herinnering } from './lists/herinneringen.js';
import { kwartaaldoelFieldNames, toKwartaaldoel } from './lists/kwartaaldoelen.js';
import { SITE_USERS_LIST } from './lists/list-definition.js';
import { INRICHTING_READ, inrichtingFromItems } from './lists/inrichting.js';
import { mtFieldNames, toMT } from './lists/mts.js';
import { portfolioFieldNames, toPortfolioItem } from './lists/portfolio.js';
import { siteUserFieldNames, toSiteUser } from './lists/site-users.js';

/** What the reminder job reads besides the plan, in one round. */
export type ReminderData = {
  mts: Loaded<MT>[];
  portfolio: Loaded<PortfolioItem>[];
  kwartaaldoelen: Loaded<Kwartaaldoel>[];
  /** The reminder log from `since` on (filtered on the indexed Moment column). */
  herinneringen: Loaded<Herinnering>[];
  /** The escalations to the CMT not yet ticked as discussed (the CMT's "Geagendeerd door de MT's"). */
  agenderingen: Loaded<Agendering>[];
  /** The secretaries' choices ("Ook bespreken", "Niet nodig") for the meetings from `since` on (issue 14.3). */
  agendakeuzes: Loaded<AgendaKeuze>[];
  /** The site's set-up (issue 12.8): which domain is the CMT's; the lists above are read against it. */
  inrichting: Inrichting;
};

/**
 * Reads MTs, portfolio, quarter goals, site users, the recent reminder log, the open escalations to the CMT and the
 * secretaries' agenda choices in one
 * `$batch`.
 * These lists are small (tens to hundreds of items); a page beyond the first is followed with
 * ordinary requests.
 */
export async function loadReminderData(graph: Graph, siteId: string, since: Date): Promise<ReminderData> {
  const items = await readListsInOneBatch(graph, siteId, [
    { id: 'mts', list: 'MTs', fields: mtFieldNames },
    { id: 'portfolio', list: 'Portfolio', fields: portfolioFieldNames },
    { id: 'doelen', list: 'Kwartaaldoelen', fields: kwartaaldoelFieldNames },
    { id: 'users', list: SITE_USERS_LIST, fields: siteUserFieldNames },
    {
      id: 'log',
      list: 'Herinneringen',
      fields: herinneringFieldNames,
      filter: onOrAfter(HERINNERING_FIELDS.moment, since),
    },
    { id: 'agenderingen', ...AGENDERINGEN_OPEN_READ },
    { id: 'keuzes', ...agendakeuzesSince(since) },
    { id: 'inrichting', ...INRICHTING_READ },
  ]);
  const { inrichting } = inrichtingFromItems(items.inrichting ?? []);
  const users = new Map((items.users ?? []).map(toSiteUser).map((u) => [u.id ?? '', u]));
  const portfolio = (items.portfolio ?? []).map((item) => toPortfolioItem(item, users, inrichting));
  const portfolioKeyById = new Map(portfolio.map((p) => [p.id, p.value.key]));
  return {
    mts: (items.mts ?? []).map((item) => toMT(item, inrichting)),
    portfolio,
    kwartaaldoelen: (items.doelen ?? []).map((item) => toKwartaaldoel(item, portfolioKeyById)),
    herinneringen: (items.log ?? []).map(toHerinnering),
    agenderingen: (items.agenderingen ?? []).map((item) =>
      toAgendering(item, agenderingReadContext(users, inrichting)),
    ),
    agendakeuzes: (items.keuzes ?? []).map(toAgendaKeuze),
    inrichting,
  };
}
