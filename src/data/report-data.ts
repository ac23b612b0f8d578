/**
 * What progress reporting (issue 8) reads: the plan, every action's SharePoint versions, the portfolio, the MTs, the
 * reminder log and the decision log, and the mapping of these records into the inputs of the pure report functions
 * (`voortgangAt`, `trendPerMonth`, `borging`, `besluitenLog`). The dashboard and the report documents both load
 * through here, so they count the same things.
 *
 * Round trips: one `$batch` with every list read, then the versions of the actions and of the domain rows (for the
 * roll-up of a past date), 20 per `$batch` (sent in parallel). A page beyond the first, of a list or of an action's versions, is followed with its `@odata.nextLink`.
 */
import type { BesluitLogInput } from '../domain/besluitenlog.js';
import type { BorgingInput } from '../domain/borging.js';
import { withDomeinVoortgangHistory, type DomeinVoortgangRevision } from '../domain/domein-voortgang-history.js';
import type { Actie, CalendarDate, MT } from '../domain/model.js';
import {
  actiesAtDate,
  domeinVoortgangAtDate,
  type ActieHistory,
  type ActieAtDate,
  type ActieRevision,
  type VoortgangInput,
} from '../domain/report.js';
import { BESLUITEN_READ, compareBesluiten } from './besluiten-store.js';
import { mapPlanSources, PLAN_SOURCE_READS } from './agenda-data.js';
import type { Graph } from './graph/client.js';
import { batchUrl, MAX_BATCH_SIZE, sendBatch, type BatchRequest, type BatchResponse } from './graph/batch.js';
import { GraphRequestError } from './graph/errors.js';
import { compareHerinneringenNewestFirst, HERINNERINGEN_READ } from './herinneringen-store.js';
import { readListsInOneBatch } from './list-batch.js';
import { ACTIE_FIELDS, toActie, type ActieReadContext } from './lists/acties.js';
import { toDomeinVoortgang } from './lists/domein-voortgang.js';
import { toBesluit, type Besluit } from './lists/besluiten.js';
import type { FieldProblem, Loaded } from './lists/field-reader.js';
import { toHerinnering, type Herinnering } from './lists/herinneringen.js';
import type { ListItem } from './lists/list-definition.js';
import type { LoadedPlan } from './plan-store.js';
import type { LoadedPortfolio } from './portfolio-store.js';
import { listPath } from './site.js';

// ---------- the versions of the actions ----------

/** One version of an action as read: the domain's revision plus its version label and what was wrong in it. */
export type LoadedActieRevision = ActieRevision & { versionId: string; problems: FieldProblem[] };
/**
 * Every version of one action, oldest first (so of two versions saved in the same second the later one wins). It is a
 * domain `ActieHistory`: `planAt`, `trendPerMonth` and `actiesAtDate` take it as it is.
 */
export type LoadedActieHistory = Omit<ActieHistory, 'revisions'> & { revisions: LoadedActieRevision[] };

type Version = { id: string; lastModifiedDateTime: string; fields?: Record<string, unknown> };
type VersionPage = { value?: Version[]; '@odata.nextLink'?: string };

/** How many `$batch` calls of history reads may be under way at once. */
const PARALLEL_BATCHES = 4;

/** The read context of the acties mapper, built from a loaded plan: advies and finding ids to numbers, the site users. */
export function actieReadContextOf(plan: LoadedPlan): ActieReadContext {
  return {
    adviesNummerById: new Map(plan.adviezen.map((a) => [a.id, a.value.nummer])),
    bevindingNummerById: new Map(plan.bevindingen.map((b) => [b.id, b.value.nummer])),
    users: new Map(plan.users.flatMap((u) => (u.id === undefined ? [] : [[u.id, u] as const]))),
  };
}

/**
 * A version's dependencies as `[{ LookupId, LookupValue }]` with the number of each target taken from the plan by its
 * item id (the number a version shows could be missing, or only ids could be given as `AfhankelijkVanLookupId`).
 * Unknown targets keep what the version said; the mapper drops an empty one.
 */
function withDependencyNumbers(
  fields: Record<string, unknown>,
  nummerById: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const name: string = ACTIE_FIELDS.afhankelijkVan;
  const raw = fields[name] ?? fields[`${name}LookupId`];
  if (!Array.isArray(raw)) return fields;
  const entries = raw.map((entry: unknown) => {
    const e =
      typeof entry === 'object' && entry !== null
        ? (entry as { LookupId?: unknown; LookupValue?: unknown })
        : { LookupId: entry };
    if (typeof e.LookupId !== 'number' && typeof e.LookupId !== 'string') return entry;
    const nummer = nummerById.get(String(e.LookupId));
    return nummer === undefined ? e : { ...e, LookupValue: nummer };
  });
  return { ...fields, [name]: entries };
}

/** A version label "major.minor" ("1.10" after "1.9") as a pair of numbers; undefined when it is not one. */
function versionNumber(v: Version): [number, number] | undefined {
  const m = /^(\d+)\.(\d+)$/.exec(v.id);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function compareVersions(x: Version, y: Version): number {
  const a = versionNumber(x);
  const b = versionNumber(y);
  return a && b ? a[0] - b[0] || a[1] - b[1] : 0;
}

function failed(response: BatchResponse, what: string): GraphRequestError {
  const body = response.body as { error?: { code?: string; message?: string } } | undefined;
  return new GraphRequestError(
    body?.error?.message ?? `Reading ${what} failed (${response.status})`,
    response.status,
    body?.error?.code ?? 'unknown',
    undefined,
    body,
  );
}

/** Sends the requests in `$batch` calls of at most 20, up to `PARALLEL_BATCHES` calls at once; answers in request order. */
async function sendInParallelBatches(graph: Graph, requests: readonly BatchRequest[]): Promise<BatchResponse[]> {
  const chunks: BatchRequest[][] = [];
  for (let i = 0; i < requests.length; i += MAX_BATCH_SIZE) chunks.push(requests.slice(i, i + MAX_BATCH_SIZE));
  const answers: BatchResponse[][] = new Array<BatchResponse[]>(chunks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < chunks.length) {
      const index = next;
      next += 1;
      answers[index] = await sendBatch(graph, chunks[index] ?? []);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_BATCHES, chunks.length) }, worker));
  return answers.flat();
}

/** The versions of some items, per key: every page followed; a key whose item is gone (404) is in `gone`. */
type VersionReads = { versions: Map<string, Version[]>; gone: Set<string> };

/**
 * Reads `GET <url>` (an item's `/versions?$expand=fields`) for every request, 20 per `$batch`, up to
 * `PARALLEL_BATCHES` at once, then every further page of any of them in the next round. A 404 (the item was deleted
 * since the list was read) puts its key in `gone`; any other failure throws.
 */
async function readVersions(graph: Graph, requests: readonly BatchRequest[]): Promise<VersionReads> {
  const versions = new Map<string, Version[]>(requests.map((r) => [r.id, []]));
  const gone = new Set<string>();
  let pending: BatchRequest[] = [...requests];
  while (pending.length > 0) {
    const responses = await sendInParallelBatches(graph, pending);
    const more: BatchRequest[] = [];
    for (const response of responses) {
      if (response.status === 404) {
        gone.add(response.id);
        continue;
      }
      if (response.status !== 200)
        throw failed(
          response,
          `the versions of ${response.id.replace(ACTIE_KEY, 'action ').replace(RIJ_KEY, 'domain row ')}`,
        );
      const page = (response.body ?? {}) as VersionPage;
      versions.get(response.id)?.push(...(Array.isArray(page.value) ? page.value : []));
      const link = page['@odata.nextLink'];
      if (link) more.push({ id: response.id, method: 'GET', url: batchUrl(graph, link) });
    }
    pending = more;
  }
  return { versions, gone };
}

/** Graph lists versions newest first; the domain lets the later of two equal instants win, so oldest first. */
function oldestFirst(versions: readonly Version[]): Version[] {
  // By version label when every label is a number ("3.0"), else in the reverse of Graph's order.
  const ordered = [...versions].reverse();
  if (ordered.every((v) => versionNumber(v) !== undefined)) ordered.sort(compareVersions);
  return ordered;
}

/** The batch request keys: an action's and a row's item ids may be equal, so each list has its own prefix. */
const ACTIE_KEY = 'actie-';
const RIJ_KEY = 'rij-';

function actieVersionRequests(siteId: string, plan: LoadedPlan): BatchRequest[] {
  const base = `${listPath(siteId, 'Acties')}/items`;
  return plan.acties.map((a) => ({
    id: `${ACTIE_KEY}${a.id}`,
    method: 'GET',
    url: `${base}/${a.id}/versions?$expand=fields`,
  }));
}

function rijVersionRequests(siteId: string, plan: LoadedPlan): BatchRequest[] {
  const base = `${listPath(siteId, 'DomeinVoortgang')}/items`;
  return plan.domeinVoortgang.map((r) => ({
    id: `${RIJ_KEY}${r.id}`,
    method: 'GET',
    url: `${base}/${r.id}/versions?$expand=fields`,
  }));
}

function actieHistoriesOf(plan: LoadedPlan, reads: VersionReads): LoadedActieHistory[] {
  const context = actieReadContextOf(plan);
  const nummerById = new Map(plan.acties.map((a) => [a.id, a.value.nummer]));
  return plan.acties
    .filter((a) => !reads.gone.has(`${ACTIE_KEY}${a.id}`))
    .map((a): LoadedActieHistory => {
      const revisions = oldestFirst(reads.versions.get(`${ACTIE_KEY}${a.id}`) ?? []).map((v): LoadedActieRevision => {
        const item: ListItem = {
          id: a.id,
          eTag: '',
          lastModifiedDateTime: v.lastModifiedDateTime,
          fields: withDependencyNumbers(v.fields ?? {}, nummerById),
        };
        const loaded = toActie(item, context);
        return { modified: v.lastModifiedDateTime, versionId: v.id, value: loaded.value, problems: loaded.problems };
      });
      return { id: a.id, revisions };
    });
}

function rijHistoriesOf(plan: LoadedPlan, reads: VersionReads): LoadedDomeinVoortgangHistory[] {
  const context = {
    actieNummerById: new Map(plan.acties.map((a) => [a.id, a.value.nummer])),
    users: actieReadContextOf(plan).users,
  };
  return plan.domeinVoortgang
    .filter((r) => !reads.gone.has(`${RIJ_KEY}${r.id}`))
    .map((r): LoadedDomeinVoortgangHistory => {
      const revisions = oldestFirst(reads.versions.get(`${RIJ_KEY}${r.id}`) ?? []).map((v) => {
        const item: ListItem = {
          id: r.id,
          eTag: '',
          lastModifiedDateTime: v.lastModifiedDateTime,
          fields: v.fields ?? {},
        };
        const loaded = toDomeinVoortgang(item, context);
        return { modified: v.lastModifiedDateTime, versionId: v.id, value: loaded.value, problems: loaded.problems };
      });
      return { id: r.id, revisions };
    });
}

/**
 * The versions of every action of `plan` (`GET .../items/{id}/versions?$expand=fields`), 20 actions per `$batch`:
 * ceil(n / 20) requests for n actions, plus one more `$batch` round per page when an action's versions are paged.
 * Each version's fields go through the acties mapper with the plan's lookups and people, so a revision is a domain
 * `Actie`; `modified` is the version's lastModifiedDateTime. A version that does not map cleanly still yields a
 * revision, with its problems. An action deleted since the plan was read (404) is left out; any other failure throws.
 * These are the actions' own versions: a shared action's stored status, not its roll-up (see `loadHistories`).
 */
export async function loadActieHistories(
  graph: Graph,
  siteId: string,
  plan: LoadedPlan,
): Promise<LoadedActieHistory[]> {
  return actieHistoriesOf(plan, await readVersions(graph, actieVersionRequests(siteId, plan)));
}

/** One version of a domain row as read, with its version label and what was wrong in it. */
export type LoadedDomeinVoortgangRevision = DomeinVoortgangRevision & { versionId: string; problems: FieldProblem[] };
/** Every version of one domain row, oldest first. */
export type LoadedDomeinVoortgangHistory = { id: string; revisions: LoadedDomeinVoortgangRevision[] };

/** The histories a past-date report needs (issue 12.4e). */
export type LoadedHistories = {
  /**
   * Every action's history with its domains' rows folded in (`withDomeinVoortgangHistory`): a shared action has a
   * revision wherever it or one of its rows was saved, with the roll-up of that instant as its status.
   */
  histories: LoadedActieHistory[];
  /** The rows' own versions, for the per-domain state of a date (`domeinVoortgangAt`). */
  domeinVoortgang: LoadedDomeinVoortgangHistory[];
};

/**
 * The versions of every action and of every domain row of `plan`, in the same `$batch` rounds (20 items per
 * `$batch`, up to four at once): ceil((actions + rows) / 20) requests, plus a round per further page. A row deleted
 * since the plan was read (404) is left out; its domain then follows the action on every date.
 */
export async function loadHistories(graph: Graph, siteId: string, plan: LoadedPlan): Promise<LoadedHistories> {
  const reads = await readVersions(graph, [...actieVersionRequests(siteId, plan), ...rijVersionRequests(siteId, plan)]);
  const rijen = rijHistoriesOf(plan, reads);
  return {
    histories: withDomeinVoortgangHistory(actieHistoriesOf(plan, reads), rijen),
    domeinVoortgang: rijen,
  };
}

// ---------- everything a report reads ----------

export type ReportData = {
  plan: LoadedPlan;
  /**
   * Every action's versions with the roll-up of its domains' rows at each instant (`loadHistories`), so a past date
   * shows the rolled-up status of that date. Empty when loaded with `{ histories: false }`.
   */
  histories: LoadedActieHistory[];
  /** Every domain row's versions (`domeinVoortgangAt` gives the rows of a date). Empty with `{ histories: false }`. */
  domeinVoortgangHistories: LoadedDomeinVoortgangHistory[];
  portfolio: LoadedPortfolio;
  mts: Loaded<MT>[];
  /** The whole reminder log, newest meeting first. */
  herinneringen: Loaded<Herinnering>[];
  /** The whole decision log, in recorded order. */
  besluiten: Loaded<Besluit>[];
  /** Site user id → display name. */
  mensen: Map<string, string>;
};

/**
 * Reads everything a report needs: one `$batch` with the plan's lists, the portfolio, its quarter goals, the MTs, the
 * reminder log and the decision log (lists beyond one page are followed), then (unless `histories: false`) the
 * versions of every action and domain row with `loadHistories`. For the 33 actions and 33 rows of the plan: five
 * requests.
 */
export async function loadReportData(
  graph: Graph,
  siteId: string,
  options: { histories?: boolean } = {},
): Promise<ReportData> {
  const raw = await readListsInOneBatch(graph, siteId, [
    ...PLAN_SOURCE_READS,
    { id: 'herinneringen', ...HERINNERINGEN_READ },
    { id: 'besluiten', ...BESLUITEN_READ },
  ]);
  const { plan, portfolio, mts } = mapPlanSources(raw);
  const loaded: LoadedHistories =
    options.histories === false ? { histories: [], domeinVoortgang: [] } : await loadHistories(graph, siteId, plan);
  const mensen = new Map<string, string>();
  for (const u of plan.users) if (u.id !== undefined) mensen.set(u.id, u.displayName);
  return {
    plan,
    histories: loaded.histories,
    domeinVoortgangHistories: loaded.domeinVoortgang,
    portfolio,
    mts,
    herinneringen: (raw.herinneringen ?? []).map(toHerinnering).sort(compareHerinneringenNewestFirst),
    besluiten: (raw.besluiten ?? []).map(toBesluit).sort(compareBesluiten),
    mensen,
  };
}

// ---------- the inputs of the pure report functions ----------

function liveActies(data: Pick<ReportData, 'plan'>): ActieAtDate[] {
  return data.plan.acties.map((a): { id: string; value: Actie } => ({ id: a.id, value: a.value }));
}

/** The input of `borging`: the MTs, both logs as the domain's records, and the live actions (for "changed since"). */
export function borgingInputOf(data: ReportData, tot: Date): BorgingInput {
  return {
    mts: data.mts.map((m) => ({ id: m.id, value: { key: m.value.key, naam: m.value.naam } })),
    herinneringen: data.herinneringen.map((h) => h.value),
    besluiten: data.besluiten.map((b) => b.value),
    acties: liveActies(data),
    tot,
  };
}

/** The input of `besluitenLog`: every recorded item with its links, the MTs, actions, portfolio items and people. */
export function besluitenLogInputOf(data: ReportData): BesluitLogInput {
  return {
    besluiten: data.besluiten,
    mts: data.mts.map((m) => ({ id: m.id, value: { key: m.value.key, naam: m.value.naam } })),
    acties: data.plan.acties.map((a) => ({ id: a.id, value: { nummer: a.value.nummer, titel: a.value.titel } })),
    portfolio: data.portfolio.items.map((p) => ({ id: p.id, value: { titel: p.value.titel } })),
    mensen: data.mensen,
  };
}

/**
 * The input of `voortgangAt` for `peildatum`: the live plan when the date is today or later (at `now`, default the
 * current time), otherwise the plan as the version history shows it at the end of that day (`actiesAtDate`); with
 * the site's set-up.
 */
export function voortgangInputOf(
  data: ReportData,
  options: { peildatum: CalendarDate; gemeente: string; now?: Date },
): VoortgangInput {
  return {
    gemeente: options.gemeente,
    peildatum: options.peildatum,
    adviezen: data.plan.adviezen.map((a) => a.value),
    bevindingen: data.plan.bevindingen.map((b) => b.value),
    acties: actiesAtDate({
      live: liveActies(data),
      histories: data.histories,
      peildatum: options.peildatum,
      now: options.now ?? new Date(),
    }),
    portfolio: data.portfolio.items.map((p) => ({ id: p.id, value: p.value })),
    // The site's set-up orders the tables and places the plateau gate (issue 12.8); without it the report would
    // count another municipality's plan on Zoetermeer's plateaus.
    inrichting: data.plan.inrichting,
    // The shared actions' rows of that date: each action's breakdown and the counts per domain.
    domeinVoortgang: domeinVoortgangAtDate({
      live: data.plan.domeinVoortgang.map((r) => r.value),
      histories: data.domeinVoortgangHistories,
      peildatum: options.peildatum,
      now: options.now ?? new Date(),
    }),
  };
}
