/**
 * What the agenda card's buttons do, apart from Teams: load what a card was built from, rebuild it from the current
 * state of the site, record "Besproken" in the reminder log, record a decision typed on the card in the decision
 * log (Besluiten list, once per meeting, person and text), and write a status update through the actions store
 * (If-Match with the eTag the card carried, so a stale card gets a conflict, never an overwrite).
 *
 * The bot (src/bot/card-actions.ts) decides first whether the person may act at all (tenant, channel, team
 * membership); this module checks what only the data can tell: that the occurrence was sent for this MT and that the
 * action belongs on this MT's agenda.
 */
import type { TextColor } from '@microsoft/teams.cards';
import { composeAgenda, isActieOfMT, type Agenda } from '../domain/agenda.js';
import { isValidCalendarDate } from '../domain/dates.js';
import { concernDomein } from '../domain/inrichting-basis.js';
import { ACTIE_STATUSES, type Actie, type ActieStatus, type Domein, type MT } from '../domain/model.js';
import { occurrencesBetween } from '../domain/recurrence.js';
import { parseMeetingSchedule } from '../domain/schedule.js';
import { findSiteUser } from '../domain/site-user.js';
import { messageText } from '../domain/messages.js';
import { checkTransition } from '../domain/status.js';
import {
  ActieConflictError,
  ActieValidationError,
  createActiesStore,
  type ActieChange,
  type OnBehalf,
} from '../data/acties-store.js';
import {
  agenderingBesluit,
  besluitenByOccurrenceUrl,
  compareBesluiten,
  createBesluitenStore,
  decisionTexts,
} from '../data/besluiten-store.js';
import { sameETag } from '../data/etag.js';
import { sendBatch } from '../data/graph/batch.js';
import type { Graph } from '../data/graph/client.js';
import { createHerinneringenStore, type HerinneringenStore } from '../data/herinneringen-store.js';
import type { Loaded } from '../data/lists/field-reader.js';
import { BESLUITEN_LIST, toBesluit, type Besluit } from '../data/lists/besluiten.js';
import {
  HERINNERING_FIELDS,
  herinneringFieldNames,
  toHerinnering,
  type Herinnering,
} from '../data/lists/herinneringen.js';
import type { ListItem } from '../data/lists/list-definition.js';
import { createListStore, EtagConflictError, type ListStore } from '../data/list-store.js';
import type { LoadedPlan } from '../data/plan-store.js';
import { loadPlanCold } from '../data/plan-sync.js';
import { loadReminderData, type ReminderData } from '../data/reminder-data.js';
import {
  buildAgendaCard,
  buildAgendaCardWithNotice,
  withCardNotice,
  type AgendaCard,
  type AgendaCardOptions,
  type CardNotice,
} from './card.js';
import { agendaInputFor, previousReminder, type JobLog } from './job.js';
import type { SendDecision } from './planner.js';
import type { AgenderingBesprokenRequest, StatusUpdateRequest } from './verbs.js';
import { agenderingDomein, type Agendering } from '../domain/agendering.js';
import {
  actieForDomein,
  domeinStates,
  ownDomeinOfMT,
  hasDomeinVoortgang,
  type DomeinVoortgang,
  type DomeinVoortgangChange,
} from '../domain/domein-voortgang.js';
import {
  createDomeinVoortgangStore,
  DomeinVoortgangConflictError,
  DomeinVoortgangValidationError,
} from '../data/domein-voortgang-store.js';
import {
  AgenderingConflictError,
  AgenderingValidationError,
  createAgenderingenStore,
} from '../data/agenderingen-store.js';

export type CardActionDeps = {
  graph: Graph;
  siteId: string;
  siteUrl: string;
  deepLinkFor: (mt: MT) => string;
  herinneringen?: HerinneringenStore;
  /** Where a problem that does not stop the action is told (the decisions could not be read, say). */
  log?: JobLog;
};

/** Everything a card of one meeting is built from, as it is now. */
export type CardContext = {
  mt: Loaded<MT>;
  herinnering: Loaded<Herinnering>;
  occurrenceStart: Date;
  data: ReminderData;
  plan: LoadedPlan;
  /** What was recorded for THIS meeting in the decision log (ticks and decisions), in recorded order. */
  besluiten: Loaded<Besluit>[];
  /** The decision texts of the previous meeting (the job shows them on the card it sends; a rebuild keeps them). */
  previousDecisions: string[];
  /**
   * False when the decision log (this or the previous meeting) could not be read: `besluiten` and
   * `previousDecisions` are then not known, not empty, and a card built from this context would show the meeting
   * without its decisions. Such a card may answer one person, but must never replace the shared card.
   */
  decisionsRead: boolean;
};

/** Why a card's context could not be loaded. The bot refuses the action with the Dutch `message`. */
export type CardContextProblem = { problem: 'unknown-mt' | 'unknown-occurrence' | 'not-sent'; message: string };

/** How far before the meeting the reminder log is read: the previous agenda (the "changed since" baseline) is in it. */
const LOG_WINDOW_DAYS = 60;
/** How far after a meeting the next one is looked for ("due before the next meeting"). */
const NEXT_MEETING_WINDOW_DAYS = 100;

/** The meeting start a reminder-log key names (`<mt.key>|<ISO instant>`), if the key belongs to `mtKey`. */
export function occurrenceStartOf(mtKey: string, occurrenceKey: string): Date | undefined {
  const prefix = `${mtKey}|`;
  if (!occurrenceKey.startsWith(prefix)) return undefined;
  const iso = occurrenceKey.slice(prefix.length);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(iso)) return undefined;
  const start = new Date(iso);
  return Number.isNaN(start.getTime()) ? undefined : start;
}

/**
 * Reads what the card of `occurrenceKey` is built from: the MT, its reminder-log entry, the data the job reads and
 * the plan. Two Graph round trips, side by side. Refuses a key of another MT, a meeting without a log entry, and
 * one whose card was never sent (there is no message to act on).
 */
export async function loadCardContext(
  deps: CardActionDeps,
  mtKey: string,
  occurrenceKey: string,
): Promise<CardContext | CardContextProblem> {
  const occurrenceStart = occurrenceStartOf(mtKey, occurrenceKey);
  if (!occurrenceStart)
    return { problem: 'unknown-occurrence', message: 'Deze kaart hoort niet bij een vergadering van dit MT.' };
  const since = new Date(occurrenceStart.getTime() - LOG_WINDOW_DAYS * 86_400_000);
  const [data, snapshot] = await Promise.all([
    loadReminderData(deps.graph, deps.siteId, since),
    loadPlanCold(deps.graph, deps.siteUrl),
  ]);
  const mt = data.mts.find((m) => m.value.key === mtKey);
  if (!mt) return { problem: 'unknown-mt', message: 'Dit MT is niet (meer) geregistreerd in het actieplan.' };
  const store = deps.herinneringen ?? createHerinneringenStore(deps.graph, deps.siteId);
  const herinnering =
    data.herinneringen.find((h) => h.value.sleutel === occurrenceKey) ?? (await store.find(occurrenceKey));
  if (!herinnering || herinnering.value.mtId !== mt.id)
    return { problem: 'unknown-occurrence', message: 'Voor deze vergadering is geen agendapunt verstuurd.' };
  if (herinnering.value.status !== 'verzonden' || !herinnering.value.berichtId) {
    return { problem: 'not-sent', message: 'Het agendapunt van deze vergadering is nog niet (goed) verstuurd.' };
  }
  const previous = previousReminder(data.herinneringen, mt.id, occurrenceStart);
  const decisions = await readMeetingDecisions(deps, occurrenceKey, previous?.value.sleutel);
  return {
    mt,
    herinnering,
    occurrenceStart,
    data,
    plan: snapshot.plan,
    besluiten: decisions.current,
    previousDecisions: decisions.previous,
    decisionsRead: decisions.read,
  };
}

/**
 * This meeting's and the previous meeting's decisions, in one `$batch` (two reads on the indexed Vergadering
 * column). A card's buttons must not depend on the decision log: a read that fails (a site provisioned before the
 * Besluiten list existed, say) gives no decisions, `read: false` (so the bot leaves the shared card as it is) and a
 * warning.
 */
async function readMeetingDecisions(
  deps: CardActionDeps,
  currentKey: string,
  previousKey: string | undefined,
): Promise<{ current: Loaded<Besluit>[]; previous: string[]; read: boolean }> {
  const keys = previousKey ? [currentKey, previousKey] : [currentKey];
  const found: Loaded<Besluit>[][] = keys.map(() => []);
  let read = true;
  try {
    const responses = await sendBatch(
      deps.graph,
      keys.map((key, i) => ({
        id: String(i),
        method: 'GET' as const,
        url: besluitenByOccurrenceUrl(deps.siteId, key),
      })),
    );
    for (const response of responses) {
      const i = Number(response.id);
      if (response.status !== 200) {
        read = false;
        deps.log?.({
          level: 'warn',
          msg: 'meeting decisions not readable; the shared card is left as it is',
          key: keys[i],
          status: response.status,
        });
        continue;
      }
      const page = response.body as { value: ListItem[]; '@odata.nextLink'?: string };
      const items = [...page.value];
      if (page['@odata.nextLink']) items.push(...(await deps.graph.getAll<ListItem>(page['@odata.nextLink'])));
      found[i] = items.map(toBesluit).sort(compareBesluiten);
    }
  } catch (error) {
    read = false;
    deps.log?.({
      level: 'warn',
      msg: 'meeting decisions not readable; the shared card is left as it is',
      key: currentKey,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return { current: found[0] ?? [], previous: previousKey ? decisionTexts(found[1] ?? []) : [], read };
}

/** The meeting after `start` by the MT's own schedule, as the job's planner would name it. */
function nextMeetingAfter(mt: MT, start: Date): Date | undefined {
  const schedule = mt.schema ? parseMeetingSchedule(mt.schema) : undefined;
  if (!schedule) return undefined;
  try {
    return occurrencesBetween(
      schedule,
      new Date(start.getTime() + 1000),
      new Date(start.getTime() + NEXT_MEETING_WINDOW_DAYS * 86_400_000),
    )[0]?.start;
  } catch (error) {
    if (error instanceof RangeError) return undefined; // a schedule the planner cannot expand: the agenda falls back to its default window
    throw error;
  }
}

/** The agenda of the card's meeting as the site stands now (the same composition the job ran). */
export function composeCardAgenda(ctx: CardContext, now: Date): Agenda {
  const next = nextMeetingAfter(ctx.mt.value, ctx.occurrenceStart);
  const decision: SendDecision = {
    action: 'send',
    reason: 'due',
    mtKey: ctx.mt.value.key,
    key: ctx.herinnering.value.sleutel,
    occurrenceStart: ctx.occurrenceStart,
    reminderAt: ctx.occurrenceStart,
    lateMinutes: 0,
    detail: 'Kaart opnieuw opgebouwd na een actie.',
    ...(next ? { nextOccurrenceStart: next } : {}),
  };
  const acties = ctx.plan.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value }));
  const previous = previousReminder(ctx.data.herinneringen, ctx.mt.id, ctx.occurrenceStart);
  return composeAgenda(
    agendaInputFor(
      decision,
      ctx.mt.value,
      ctx.data,
      acties,
      previous,
      now,
      ctx.previousDecisions,
      ctx.plan.domeinVoortgang,
      ctx.plan.inrichting,
    ),
  );
}

// ---------- "Besproken" ----------

/** Appended to the log's Omschrijving when the person who pressed "Besproken" is not a user of the site. */
const BESPROKEN_MARKER = ' · Besproken door ';
const UNKNOWN_SUFFIX = ' (niet bekend op de site)';

export type Besproken = { door: string; op: Date; knownOnSite: boolean };

/** Who pressed "Besproken" and when, from the log entry; undefined while nobody has. */
export async function besprokenOf(deps: CardActionDeps, ctx: CardContext): Promise<Besproken | undefined> {
  const h = ctx.herinnering.value;
  if (!h.besprokenOp) return undefined;
  const op = new Date(h.besprokenOp);
  if (Number.isNaN(op.getTime())) return undefined;
  if (h.besprokenDoorId) {
    const user = ctx.plan.users.find((u) => u.id === h.besprokenDoorId);
    return { door: user?.displayName ?? `gebruiker ${h.besprokenDoorId}`, op, knownOnSite: user !== undefined };
  }
  // Not a site user: the name was written into the log's Omschrijving (toHerinnering does not map the title).
  const item = await createListStore(deps.graph, deps.siteId, 'Herinneringen').get(ctx.herinnering.id, [
    HERINNERING_FIELDS.titel,
  ]);
  const title =
    typeof item.fields[HERINNERING_FIELDS.titel] === 'string' ? (item.fields[HERINNERING_FIELDS.titel] as string) : '';
  const at = title.lastIndexOf(BESPROKEN_MARKER);
  const door = at < 0 ? 'onbekend' : title.slice(at + BESPROKEN_MARKER.length).replace(UNKNOWN_SUFFIX, '');
  return { door, op, knownOnSite: false };
}

export type BesprokenResult = { besproken: Besproken; ctx: CardContext; alreadyRecorded: boolean };

/**
 * Records in the reminder log that the MT discussed the item: who (the site user found by e-mail or UPN, as the
 * person column stores it; someone the site does not know is named in the log's Omschrijving instead) and when.
 * The first press counts; a later press changes nothing. Writes carry If-Match; after a conflict the entry is read
 * again once.
 */
export async function recordBesproken(
  deps: CardActionDeps,
  ctx: CardContext,
  actor: { displayName: string; email?: string; upn?: string },
  at: Date,
): Promise<BesprokenResult> {
  const store = deps.herinneringen ?? createHerinneringenStore(deps.graph, deps.siteId);
  const op = `${at.toISOString().slice(0, 19)}Z`;
  const user = findSiteUser(ctx.plan.users, actor);
  let current = ctx;
  for (let attempt = 1; ; attempt += 1) {
    const existing = await besprokenOf(deps, current);
    if (existing) return { besproken: existing, ctx: current, alreadyRecorded: true };
    try {
      let herinnering: Loaded<Herinnering>;
      if (user) {
        herinnering = await store.markDiscussed(current.herinnering, user.id, op);
      } else {
        const log = createListStore(deps.graph, deps.siteId, 'Herinneringen');
        const item = await log.get(current.herinnering.id, [HERINNERING_FIELDS.titel]);
        const title =
          typeof item.fields[HERINNERING_FIELDS.titel] === 'string'
            ? (item.fields[HERINNERING_FIELDS.titel] as string)
            : '';
        const naam = actor.displayName.replace(/\s+/g, ' ').trim().slice(0, 80) || 'onbekend';
        const updated = await log.update(
          current.herinnering.id,
          current.herinnering.eTag,
          {
            [HERINNERING_FIELDS.besprokenOp]: op,
            [HERINNERING_FIELDS.titel]: `${title}${BESPROKEN_MARKER}${naam}${UNKNOWN_SUFFIX}`.slice(0, 255),
          },
          herinneringFieldNames,
        );
        herinnering = toHerinnering(updated);
      }
      const next = { ...current, herinnering };
      const besproken: Besproken = user
        ? { door: user.displayName, op: at, knownOnSite: true }
        : ((await besprokenOf(deps, next)) ?? { door: actor.displayName, op: at, knownOnSite: false });
      return { besproken, ctx: next, alreadyRecorded: false };
    } catch (error) {
      if (!(error instanceof EtagConflictError) || attempt >= 2) throw error;
      const fresh = await store.find(current.herinnering.value.sleutel);
      if (!fresh) throw error;
      current = { ...current, herinnering: fresh };
    }
  }
}

// ---------- "Besluit vastleggen" ----------

export type BesluitResult = {
  besluit: Loaded<Besluit>;
  ctx: CardContext;
  /** The same decision (same key: meeting, person, text) was recorded before: nothing new was written. */
  alreadyRecorded: boolean;
  /** Whether the person is a user of the site (then the decision names them in its Door column). */
  knownOnSite: boolean;
};

/**
 * Records a decision typed on the card in the decision log, for this meeting's occurrence key and MT, as discussed,
 * by the person (the site user found by e-mail or UPN, like "Besproken"), now. `clientKey` is `besluitClientKey`
 * (meeting, person, normalised text), so a retried invoke or a second click with the same text records once: a key
 * already among this meeting's decisions writes nothing, and a create that meets the unique ClientKey answers with
 * the stored item. The text was checked by the caller (`besluitTextProblem`).
 */
export async function recordBesluitFromCard(
  deps: CardActionDeps,
  ctx: CardContext,
  actor: { displayName: string; email?: string; upn?: string },
  tekst: string,
  clientKey: string,
  at: Date,
): Promise<BesluitResult> {
  const user = findSiteUser(ctx.plan.users, actor);
  const existing = ctx.besluiten.find((b) => b.value.clientKey === clientKey);
  if (existing) return { besluit: existing, ctx, alreadyRecorded: true, knownOnSite: user !== undefined };
  const op = `${at.toISOString().slice(0, 19)}Z`;
  // Whether this call's create landed; when it did not, the store answered with the item the ClientKey already had.
  let created = false;
  const list = createListStore(deps.graph, deps.siteId, BESLUITEN_LIST);
  const tracked: ListStore = {
    ...list,
    async create(fields, key, keyField) {
      const item = await list.create(fields, key, keyField);
      created = true;
      return item;
    },
  };
  const besluit = await createBesluitenStore(deps.graph, deps.siteId, tracked).record(
    {
      tekst,
      vergadering: ctx.herinnering.value.sleutel,
      mtId: ctx.mt.id,
      besproken: true,
      ...(user ? { doorId: user.id } : {}),
      doorNaam: actor.displayName,
      op,
    },
    clientKey,
  );
  // The store answers a duplicate ClientKey with the stored item (also within the same second as the first click).
  const alreadyRecorded = !created;
  const besluiten = [...ctx.besluiten.filter((b) => b.id !== besluit.id), besluit].sort(compareBesluiten);
  return { besluit, ctx: { ...ctx, besluiten }, alreadyRecorded, knownOnSite: user !== undefined };
}

// ---------- status update ----------

export type StatusUpdateOutcome =
  /** Written. `changed`: what differs from before (with the status kept, the deadline or the reason only). */
  | { kind: 'updated'; actie: Loaded<Actie>; ctx: CardContext; message: string; changed: StatusUpdateChange[] }
  /** Someone changed the action since the card was built; nothing was written. `ctx` holds their version. */
  | { kind: 'conflict'; ctx: CardContext; message: string }
  /**
   * The change breaks a rule of the plan; nothing was written. `stale`: the card offers what it no longer may (its
   * form for an action whose status now follows its domains), so the person needs the current card, not only the
   * message.
   */
  | { kind: 'invalid'; ctx: CardContext; message: string; stale?: true }
  /** The action is not on this MT's agenda (another domain's): refused. */
  | { kind: 'not-on-agenda'; ctx: CardContext; message: string }
  /**
   * The action was deleted since the card was built (before this read, or between this read and the write); nothing
   * was written. `ctx` is without it: the card built from it is the current one, with nothing to choose again.
   */
  | { kind: 'deleted'; ctx: CardContext; message: string }
  /**
   * What was asked is what is stored already (a second press of "Opslaan", or someone made the same change): nothing
   * written, and the person is told it is in place, not that it was refused.
   */
  | { kind: 'unchanged'; ctx: CardContext; message: string };

export type StatusUpdateChange = 'status' | 'deadline' | 'toelichting';

/** What differs between two states of an action or a domain's row: status, deadline, reason. */
export function changesBetween(
  before: { status: ActieStatus; statusToelichting?: string; deadline?: string },
  after: { status: ActieStatus; statusToelichting?: string; deadline?: string },
): StatusUpdateChange[] {
  const changed: StatusUpdateChange[] = [];
  if (before.status !== after.status) changed.push('status');
  if (before.deadline !== after.deadline) changed.push('deadline');
  if ((before.statusToelichting ?? '').trim() !== (after.statusToelichting ?? '').trim()) changed.push('toelichting');
  return changed;
}

/**
 * Whether the request asks for exactly what `stored` holds: the same status, and the same reason and deadline where
 * it gives them. Then there is nothing to write (and no transition to check: a status does not move to itself).
 */
export function requestInPlace(
  stored: { status: ActieStatus; statusToelichting?: string; deadline?: string },
  request: Pick<StatusUpdateRequest, 'status' | 'toelichting' | 'deadline'>,
): boolean {
  if (request.status !== stored.status) return false;
  if (request.toelichting !== undefined && request.toelichting.trim() !== (stored.statusToelichting ?? '').trim())
    return false;
  return request.deadline === undefined || request.deadline === stored.deadline;
}

function withActie(ctx: CardContext, actie: Loaded<Actie>): CardContext {
  return { ...ctx, plan: { ...ctx.plan, acties: ctx.plan.acties.map((a) => (a.id === actie.id ? actie : a)) } };
}

function isActieStatus(value: string): value is ActieStatus {
  return (ACTIE_STATUSES as readonly string[]).includes(value);
}

/**
 * Writes the status (with the optional reason and new deadline) of one action from the card to SharePoint, through
 * the actions store, with the card's eTag as If-Match. The move must be allowed by the plan's transitions, and a move
 * that needs a reason needs one typed on the card (the reason already stored does not count for a new move). The
 * bot writes with the app's identity, so the same write records the person who clicked (`OnBehalf`: their name, the
 * site user when the site knows them, and when), and the version history names them next to the app.
 */
export async function updateActieStatus(
  deps: CardActionDeps,
  ctx: CardContext,
  request: StatusUpdateRequest,
  actor: { displayName: string; email?: string; upn?: string },
  at: Date,
): Promise<StatusUpdateOutcome> {
  const actie = ctx.plan.acties.find((a) => a.id === request.actieId);
  // Not in the list at all: deleted since the card was posted (a retired action stays in the list, marked).
  if (!actie) return deletedActie(ctx);
  if (!isActieOfMT(actie.value, ctx.mt.value)) {
    return { kind: 'not-on-agenda', ctx, message: 'Deze actie staat niet op de agenda van dit MT.' };
  }
  if (request.status === undefined) return { kind: 'invalid', ctx, message: 'Kies een status.' };
  if (!isActieStatus(request.status))
    return { kind: 'invalid', ctx, message: `"${request.status}" is geen status van het actieplan.` };
  const domein = ownDomeinOfMT(ctx.mt.value.domeinen, actie.value, ctx.plan.inrichting);
  if (domein === undefined) {
    if (hasDomeinVoortgang(actie.value) && ctx.plan.domeinVoortgang.some((r) => r.value.actie === actie.value.nummer)) {
      // The CMT sees the roll-up: the action's own status would be overridden by its domains' rows at once.
      return {
        kind: 'invalid',
        ctx,
        message: `De status van actie ${actie.value.nummer} volgt uit de voortgang per domein; elk domein werkt zijn eigen voortgang bij.`,
        stale: true,
      };
    }
    if (requestInPlace(actie.value, request))
      return {
        kind: 'unchanged',
        ctx,
        message: `Dit was al vastgelegd: actie ${actie.value.nummer} staat op "${actie.value.status}".`,
      };
    // A card built before someone else's change is a conflict first, not a rule of their version (the store checks
    // its rules before its If-Match, so it is told here, before anything is checked or written).
    if (!sameETag(request.eTag, actie.eTag)) return staleActie(ctx);
    // The status kept (a new deadline or reason only) is no move; any other status must be an allowed one.
    if (request.status !== actie.value.status) {
      const transition = checkTransition(actie.value.status, request.status, request.toelichting);
      if (!transition.ok) return { kind: 'invalid', ctx, message: messageText(transition.message) };
    }
  }
  if (request.deadline !== undefined && !isValidCalendarDate(request.deadline)) {
    return { kind: 'invalid', ctx, message: 'Vul de nieuwe deadline in als datum (bijvoorbeeld 2026-12-31).' };
  }
  const user = findSiteUser(ctx.plan.users, actor);
  const namens: OnBehalf = {
    naam: actor.displayName,
    op: `${at.toISOString().slice(0, 19)}Z`,
    ...(user ? { door: user } : {}),
  };
  if (domein !== undefined) return updateDomeinRij(deps, ctx, actie, domein, request, request.status, namens);
  const change: ActieChange = { status: request.status };
  if (request.toelichting !== undefined) change.statusToelichting = request.toelichting;
  if (request.deadline !== undefined) change.deadline = request.deadline;
  const store = createActiesStore(deps.graph, deps.siteId, ctx.plan);
  try {
    // With the eTag just read, which names the card's version (checked above, whatever its form): a change since the
    // read still meets the If-Match.
    const updated = await store.update(actie, change, namens);
    return {
      kind: 'updated',
      actie: updated,
      ctx: withActie(ctx, updated),
      message: `De status van actie ${updated.value.nummer} is nu "${updated.value.status}".`,
      changed: changesBetween(actie.value, updated.value),
    };
  } catch (error) {
    if (error instanceof ActieConflictError)
      return error.deleted
        ? deletedActie(ctx, actie)
        : staleActie(error.theirs ? withActie(ctx, error.theirs) : ctx, error.message);
    if (error instanceof ActieValidationError) return { kind: 'invalid', ctx, message: error.message };
    throw error;
  }
}

/**
 * The action was deleted since the card was built: before this invoke's read (it is not in `ctx`), or between the read
 * and the write (`actie`: the read found it, the write met a 404 on a list that is there). Nothing written, and the
 * current card without it.
 */
function deletedActie(ctx: CardContext, actie?: Loaded<Actie>): Extract<StatusUpdateOutcome, { kind: 'deleted' }> {
  return {
    kind: 'deleted',
    ctx: actie ? { ...ctx, plan: { ...ctx.plan, acties: ctx.plan.acties.filter((a) => a.id !== actie.id) } } : ctx,
    message: `${actie ? `Actie ${actie.value.nummer}` : 'Deze actie'} is intussen door iemand anders verwijderd. Er is niets opgeslagen. De kaart toont nu de actuele stand.`,
  };
}

/** A card built before someone else's change: nothing written, and the current card (in `ctx`) to choose again. */
function staleActie(
  ctx: CardContext,
  why = 'Deze actie is intussen door iemand anders gewijzigd.',
): Extract<StatusUpdateOutcome, { kind: 'conflict' }> {
  return {
    kind: 'conflict',
    ctx,
    message: `${why} Er is niets opgeslagen. De kaart toont nu de actuele stand; kies opnieuw als de wijziging nog nodig is.`,
  };
}

/** The context with a domain's row as stored now (and the action's roll-up following it). */
function withRij(ctx: CardContext, rij: Loaded<DomeinVoortgang>): CardContext {
  const domeinVoortgang = [
    ...ctx.plan.domeinVoortgang.filter(
      (r) => r.id !== rij.id && !(r.value.actie === rij.value.actie && r.value.domein === rij.value.domein),
    ),
    rij,
  ];
  return { ...ctx, plan: { ...ctx.plan, domeinVoortgang } };
}

/**
 * A domain MT's status update of a shared action (issue 12.4): it writes that domain's row, not the action, with the
 * row's eTag the card carried as If-Match (a card built before someone else's change conflicts). A card built while
 * the domain had no row creates it; when someone created it meanwhile, that is a conflict too. The move must be an
 * allowed transition from where the domain stands, with a reason typed on the card when the move needs one. The row
 * records the person who clicked (`namens`) in the same write, as an action does.
 */
async function updateDomeinRij(
  deps: CardActionDeps,
  ctx: CardContext,
  actie: Loaded<Actie>,
  domein: Domein,
  request: StatusUpdateRequest,
  status: ActieStatus,
  namens: OnBehalf,
): Promise<StatusUpdateOutcome> {
  const rij = ctx.plan.domeinVoortgang.find((r) => r.value.actie === actie.value.nummer && r.value.domein === domein);
  const stale = (theirs: Loaded<DomeinVoortgang> | undefined): StatusUpdateOutcome => ({
    kind: 'conflict',
    ctx: theirs ? withRij(ctx, theirs) : ctx,
    message: `De voortgang van ${domein} op actie ${actie.value.nummer} is intussen door iemand anders gewijzigd. Er is niets opgeslagen. De kaart toont nu de actuele stand; kies opnieuw als de wijziging nog nodig is.`,
  });
  // Where the domain stands: its own row, or (without one) the action's status, reason and deadline.
  const stand = domeinStates(actie.value, rij ? [rij.value] : []).find((d) => d.domein === domein);
  const from = stand?.status ?? actie.value.status;
  if (requestInPlace(stand ?? actie.value, { ...request, status }))
    return {
      kind: 'unchanged',
      ctx,
      message: `Dit was al vastgelegd: ${domein} staat op actie ${actie.value.nummer} op "${from}".`,
    };
  // A card built before someone else's change (another row, or the row's eTag moved on; without a row, the action's
  // own, which the domain follows) is a conflict first, not a rule of their version: the store would check the rule
  // before its If-Match.
  if (rij && (request.rijId !== rij.id || !sameETag(request.eTag, rij.eTag))) return stale(rij);
  // (The domain follows the action here, so it was the action that changed: said so.)
  if (!rij && !sameETag(request.eTag, actie.eTag)) return staleActie(ctx);
  if (status !== from) {
    const transition = checkTransition(from, status, request.toelichting);
    if (!transition.ok) return { kind: 'invalid', ctx, message: messageText(transition.message) };
  }
  const change: DomeinVoortgangChange = { status };
  if (request.toelichting !== undefined) change.statusToelichting = request.toelichting;
  if (request.deadline !== undefined) change.deadline = request.deadline;
  // With the row's eTag just read, which names the card's version (checked above): a change since the read still
  // meets the If-Match.
  try {
    const saved = await createDomeinVoortgangStore(deps.graph, deps.siteId, ctx.plan).save(
      actie,
      domein,
      change,
      namens,
    );
    const next = withRij(ctx, saved);
    return {
      kind: 'updated',
      actie: { ...actie, value: actieForDomein(actie.value, [saved.value], domein) },
      ctx: next,
      message: `De status van ${domein} op actie ${actie.value.nummer} is nu "${saved.value.status}".`,
      // Both as the domain stands (a row without its own deadline keeps the action's).
      changed: changesBetween(
        stand ?? actie.value,
        domeinStates(actie.value, [saved.value]).find((d) => d.domein === domein) ?? saved.value,
      ),
    };
  } catch (error) {
    if (error instanceof DomeinVoortgangConflictError) return stale(error.theirs);
    if (error instanceof DomeinVoortgangValidationError) return { kind: 'invalid', ctx, message: error.message };
    throw error;
  }
}

// ---------- "Agenderen in CMT" and the CMT's tick ----------

export type AgenderingOutcome =
  | { kind: 'saved'; agendering: Loaded<Agendering>; ctx: CardContext; message: string }
  /** Someone else ticked or changed it since the card was built; nothing was written. */
  | { kind: 'conflict'; ctx: CardContext; message: string }
  /**
   * A rule refuses it (no reason, not this MT's, already on the agenda, already ticked); nothing was written.
   * `stale`: the card still offers what is gone (an item ticked or removed meanwhile), so the person needs the current
   * card, not only the message.
   */
  | { kind: 'refused'; ctx: CardContext; message: string; stale?: true };

function storeFor(deps: CardActionDeps, ctx: CardContext) {
  return createAgenderingenStore(deps.graph, deps.siteId, {
    acties: ctx.plan.acties,
    users: ctx.plan.users,
    inrichting: ctx.plan.inrichting,
  });
}

/**
 * A domain MT puts one of its actions on the CMT's agenda from its card: the action must be on this MT's agenda and
 * carry one of its business domains; the reason is required. One create with `clientKey` (card, person, action,
 * reason), so a retried invoke lands once; an escalation of the same action by the same domain that is still open is
 * refused with since when.
 */
export async function agenderenFromCard(
  deps: CardActionDeps,
  ctx: CardContext,
  actor: { displayName: string; email?: string; upn?: string },
  request: { actieId?: string; reden: string },
  clientKey: string,
  at: Date,
): Promise<AgenderingOutcome> {
  const actie = ctx.plan.acties.find((a) => a.id === request.actieId);
  if (!actie || !isActieOfMT(actie.value, ctx.mt.value))
    return { kind: 'refused', ctx, message: 'Kies een actie van de agenda van dit MT.' };
  const domein = agenderingDomein(ctx.mt.value.domeinen, actie.value, ctx.plan.inrichting);
  if (!domein)
    return { kind: 'refused', ctx, message: 'Agenderen in het CMT doet het MT van een domein dat de actie draagt.' };
  const user = findSiteUser(ctx.plan.users, actor);
  try {
    const agendering = await storeFor(deps, ctx).create(
      { actie, domein, reden: request.reden, op: `${at.toISOString().slice(0, 19)}Z`, ...(user ? { door: user } : {}) },
      ctx.data.agenderingen,
      clientKey,
    );
    const next: CardContext = {
      ...ctx,
      data: { ...ctx.data, agenderingen: [...ctx.data.agenderingen.filter((a) => a.id !== agendering.id), agendering] },
    };
    return {
      kind: 'saved',
      agendering,
      ctx: next,
      message: `Actie ${actie.value.nummer} staat nu op de agenda van het CMT (voor ${domein}).`,
    };
  } catch (error) {
    if (error instanceof AgenderingValidationError) return { kind: 'refused', ctx, message: error.message };
    throw error;
  }
}

/**
 * The CMT ticks an escalation as discussed from its card (optionally with a decision), with the eTag the card carried
 * as If-Match: a card built before someone else's tick gets a conflict, never a second tick. Only the CMT's card (an
 * MT carrying Concern) has this button, and only the CMT's may use it.
 */
export async function agenderingBesprokenFromCard(
  deps: CardActionDeps,
  ctx: CardContext,
  actor: { displayName: string; email?: string; upn?: string },
  request: AgenderingBesprokenRequest,
  at: Date,
): Promise<AgenderingOutcome> {
  if (!ctx.mt.value.domeinen.includes(concernDomein(ctx.plan.inrichting)))
    return { kind: 'refused', ctx, message: 'Alleen het CMT vinkt geagendeerde punten af.' };
  const open = ctx.data.agenderingen.find((a) => a.id === request.agenderingId);
  if (!open)
    return {
      kind: 'refused',
      ctx,
      message: 'Dit geagendeerde punt is al afgevinkt of bestaat niet meer.',
      stale: true,
    };
  const user = findSiteUser(ctx.plan.users, actor);
  try {
    const agendering = await storeFor(deps, ctx).afhandelen(
      { ...open, eTag: request.eTag },
      {
        op: `${at.toISOString().slice(0, 19)}Z`,
        ...(user ? { door: user } : {}),
        ...(request.besluit ? { besluit: request.besluit } : {}),
      },
    );
    let next: CardContext = {
      ...ctx,
      data: { ...ctx.data, agenderingen: ctx.data.agenderingen.filter((a) => a.id !== agendering.id) },
    };
    // The decision also goes into the decision log, like every decision of this meeting (on the escalated action).
    const escalated = ctx.plan.acties.find((a) => a.value.nummer === agendering.value.actie);
    const entry = agenderingBesluit({
      agenderingId: agendering.id,
      besluit: agendering.value.besluit,
      vergadering: ctx.herinnering.value.sleutel,
      mtId: ctx.mt.id,
      ...(escalated ? { actieId: escalated.id } : {}),
      ...(user ? { doorId: user.id } : { doorNaam: actor.displayName }),
      op: `${at.toISOString().slice(0, 19)}Z`,
    });
    if (entry) {
      try {
        const logged = await createBesluitenStore(deps.graph, deps.siteId).record(entry.besluit, entry.clientKey);
        next = {
          ...next,
          besluiten: [...next.besluiten.filter((b) => b.id !== logged.id), logged].sort(compareBesluiten),
        };
      } catch (error) {
        // The tick stands (the decision is on the escalation too); the log entry is what failed.
        deps.log?.({
          level: 'warn',
          msg: 'escalation ticked, but its decision was not written to the decision log',
          agendering: agendering.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
    const besluit = agendering.value.besluit ? ` Besluit: ${agendering.value.besluit}` : '';
    return {
      kind: 'saved',
      agendering,
      ctx: next,
      message: `Actie ${agendering.value.actie} (${agendering.value.domein}) is afgevinkt als besproken.${besluit}`,
    };
  } catch (error) {
    if (error instanceof AgenderingValidationError) return { kind: 'refused', ctx, message: error.message };
    if (error instanceof AgenderingConflictError) {
      const theirs = error.theirs;
      const agenderingen = theirs?.value.besproken
        ? ctx.data.agenderingen.filter((a) => a.id !== open.id)
        : theirs
          ? ctx.data.agenderingen.map((a) => (a.id === open.id ? theirs : a))
          : ctx.data.agenderingen;
      return {
        kind: 'conflict',
        ctx: { ...ctx, data: { ...ctx.data, agenderingen } },
        message: `${error.message} Er is niets opgeslagen. De kaart toont nu de actuele stand.`,
      };
    }
    throw error;
  }
}

// ---------- the card ----------

export type CardViewOptions = {
  now: Date;
  besproken?: Besproken;
  /** Teams user ids whose card refreshes automatically (at most 60 are used). */
  refreshUserIds?: readonly string[];
  /** The person's own view ("Jouw acties"), for a refresh. */
  viewerDisplayName?: string;
  /** What the write that caused this rebuild did, by whom and when, for everyone (see `AgendaCardOptions`). */
  laatsteWijziging?: string;
};

function cardOptionsFor(deps: CardActionDeps, ctx: CardContext, options: CardViewOptions): AgendaCardOptions {
  return {
    deepLink: deps.deepLinkFor(ctx.mt.value),
    ...(options.besproken ? { besproken: { door: options.besproken.door, op: options.besproken.op } } : {}),
    ...(options.refreshUserIds ? { refreshUserIds: options.refreshUserIds } : {}),
    ...(options.viewerDisplayName !== undefined ? { viewerDisplayName: options.viewerDisplayName } : {}),
    ...(options.laatsteWijziging ? { laatsteWijziging: options.laatsteWijziging } : {}),
    besluiten: decisionTexts(ctx.besluiten),
  };
}

/** The card of `ctx`'s meeting as it is now, for everyone or (with `viewerDisplayName`) for one person. */
export function buildCardFor(deps: CardActionDeps, ctx: CardContext, options: CardViewOptions): AgendaCard {
  return buildAgendaCard(composeCardAgenda(ctx, options.now), cardOptionsFor(deps, ctx, options));
}

/** The card with a short notice under its header, for the person who acted (see `withCardNotice`). */
export function withNotice(card: AgendaCard, notice: string, color: TextColor): AgendaCard {
  return withCardNotice(card, { text: notice, color });
}

/**
 * The current card for the person who acted, with a notice and what they typed that was not saved (see
 * `buildAgendaCardWithNotice`: the card gives up rows for the typed text rather than go over its byte budget).
 */
export function noticeCardFor(
  deps: CardActionDeps,
  ctx: CardContext,
  options: CardViewOptions,
  notice: CardNotice,
): AgendaCard {
  return buildAgendaCardWithNotice(composeCardAgenda(ctx, options.now), cardOptionsFor(deps, ctx, options), notice);
}
