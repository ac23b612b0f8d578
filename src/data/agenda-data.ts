/**
 * Everything an MT meeting's agenda is composed from, for the Outlook add-in: the plan, the portfolio with its
 * quarter goals, the MTs, the recent reminder log (for the previous agenda's snapshot), the decision log and the
 * secretaries' agenda choices, in ONE
 * Graph `$batch`. The site is addressed by its URL (`/sites/{host}:{path}:/lists/…`, as the tab's cold plan load
 * does), so not even the site id costs a round trip: the pane's first view needs exactly one Graph request.
 */
import type { AgendaKeuze } from '../domain/agenda-keuze.js';
import type { MT } from '../domain/model.js';
import { agendakeuzesSince } from './agendakeuzes-store.js';
import { BESLUITEN_READ, compareBesluiten } from './besluiten-store.js';
import type { Agendering } from '../domain/agendering.js';
import { AGENDERINGEN_OPEN_READ, agenderingReadContext, toAgendering } from './lists/agenderingen.js';
import type { Graph } from './graph/client.js';
import { compareHerinneringenNewestFirst, HERINNERINGEN_READ } from './herinneringen-store.js';
import { onOrAfter, readListsInOneBatch } from './list-batch.js';
import { actieFieldNames } from './lists/acties.js';
import { adviesFieldNames } from './lists/adviezen.js';
import { toBesluit, type Besluit } from './lists/besluiten.js';
import { bevindingFieldNames } from './lists/bevindingen.js';
import { DOMEIN_VOORTGANG_READ } from './lists/domein-voortgang.js';
import type { Loaded } from './lists/field-reader.js';
import { HERINNERING_FIELDS, toHerinnering, type Herinnering } from './lists/herinneringen.js';
import { toAgendaKeuze } from './lists/agendakeuzes.js';
import { inrichtingFieldNames } from './lists/inrichting.js';
import { kwartaaldoelFieldNames } from './lists/kwartaaldoelen.js';
import { SITE_USERS_LIST, type ListItem } from './lists/list-definition.js';
import { mtFieldNames, toMT } from './lists/mts.js';
import { portfolioFieldNames } from './lists/portfolio.js';
import { siteUserFieldNames } from './lists/site-users.js';
import { mapPlan, type LoadedPlan } from './plan-store.js';
import { mapPortfolio, type LoadedPortfolio } from './portfolio-store.js';

export type AgendaSourceData = {
  plan: LoadedPlan;
  portfolio: LoadedPortfolio;
  mts: Loaded<MT>[];
  /** The reminder log from `since` on, newest meeting first. */
  herinneringen: Loaded<Herinnering>[];
  /** The decision log, in recorded order. */
  besluiten: Loaded<Besluit>[];
  /** The escalations to the CMT not yet ticked (the CMT's "Geagendeerd door de MT's"). */
  agenderingen: Loaded<Agendering>[];
  /** The secretaries' "ook bespreken" / "niet nodig" for meetings from `since` on (as the reminder job reads them). */
  agendakeuzes: Loaded<AgendaKeuze>[];
};

/**
 * The site as Graph accepts it wherever a site id goes: `{hostname}:{server-relative path}:`. Saves the
 * `GET /sites/{host}:{path}` round trip that would otherwise come first.
 */
export function siteAddress(siteUrl: string): string {
  const url = new URL(siteUrl);
  return `${url.hostname}:${url.pathname.replace(/\/+$/, '')}:`;
}

/** The plan, its people and rows per domain, the portfolio, its quarter goals and the MTs: what the report and the
 * agenda (card, side panel, add-in) both read, in one `$batch` with their own logs. */
export const PLAN_SOURCE_READS = [
  { id: 'adviezen', list: 'Adviezen', fields: adviesFieldNames },
  { id: 'bevindingen', list: 'Bevindingen', fields: bevindingFieldNames },
  { id: 'acties', list: 'Acties', fields: actieFieldNames },
  { id: 'users', list: SITE_USERS_LIST, fields: siteUserFieldNames },
  { id: 'domeinVoortgang', ...DOMEIN_VOORTGANG_READ },
  { id: 'portfolio', list: 'Portfolio', fields: portfolioFieldNames },
  { id: 'doelen', list: 'Kwartaaldoelen', fields: kwartaaldoelFieldNames },
  { id: 'mts', list: 'MTs', fields: mtFieldNames },
  // The municipality's set-up (issue 12.8); a site from before schema version 12 lacks the list: Zoetermeer's.
  { id: 'inrichting', list: 'Inrichting', fields: inrichtingFieldNames, optional: true },
] as const;

/**
 * The plan, the portfolio and the MTs from the answers to {@link PLAN_SOURCE_READS}; every list is read against the
 * same set-up, the plan's (issue 12.8).
 */
export function mapPlanSources(raw: Record<string, ListItem[]>): {
  plan: LoadedPlan;
  portfolio: LoadedPortfolio;
  mts: Loaded<MT>[];
} {
  const acties = raw.acties ?? [];
  const users = raw.users ?? [];
  const plan = mapPlan({
    adviezen: raw.adviezen ?? [],
    bevindingen: raw.bevindingen ?? [],
    acties,
    users,
    domeinVoortgang: raw.domeinVoortgang ?? [],
    inrichting: raw.inrichting ?? [],
  });
  return {
    plan,
    portfolio: mapPortfolio(
      { portfolio: raw.portfolio ?? [], doelen: raw.doelen ?? [], users, acties },
      plan.inrichting,
    ),
    mts: (raw.mts ?? []).map((item) => toMT(item, plan.inrichting)),
  };
}

/**
 * Reads the agenda's sources in one `$batch` (lists beyond one page are followed with ordinary requests).
 * `since` bounds the reminder log on its indexed Moment column, so years of meetings do not slow the pane.
 */
export async function loadAgendaSourceData(graph: Graph, siteUrl: string, since: Date): Promise<AgendaSourceData> {
  const raw = await readListsInOneBatch(graph, siteAddress(siteUrl), [
    ...PLAN_SOURCE_READS,
    { id: 'herinneringen', ...HERINNERINGEN_READ, filter: onOrAfter(HERINNERING_FIELDS.moment, since) },
    { id: 'besluiten', ...BESLUITEN_READ },
    { id: 'agenderingen', ...AGENDERINGEN_OPEN_READ },
    { id: 'keuzes', ...agendakeuzesSince(since) },
  ]);
  const { plan, portfolio, mts } = mapPlanSources(raw);
  const { inrichting } = plan;
  return {
    plan,
    portfolio,
    mts,
    herinneringen: (raw.herinneringen ?? []).map(toHerinnering).sort(compareHerinneringenNewestFirst),
    besluiten: (raw.besluiten ?? []).map(toBesluit).sort(compareBesluiten),
    agenderingen: (raw.agenderingen ?? []).map((item) =>
      toAgendering(item, agenderingReadContext(new Map(plan.users.map((u) => [u.id ?? '', u])), inrichting)),
    ),
    agendakeuzes: (raw.keuzes ?? []).map(toAgendaKeuze),
  };
}
