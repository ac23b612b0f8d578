import {
  composeAgenda,
  parseSnapshot,
  serializeSnapshot,
  snapshotOf,
  type Agenda,
  type AgendaInput,
} from '../domain/agenda.js';
import type { CalendarDate, MT } from '../domain/model.js';
import type { Graph } from '../data/graph/client.js';
import { besluitenByOccurrenceUrl, decisionTexts } from '../data/besluiten-store.js';
import { sendBatch } from '../data/graph/batch.js';
import { createHerinneringenStore, type HerinneringenStore } from '../data/herinneringen-store.js';
import { toBesluit } from '../data/lists/besluiten.js';
import type { ListItem } from '../data/lists/list-definition.js';
import type { Loaded } from '../data/lists/field-reader.js';
import type { Herinnering } from '../data/lists/herinneringen.js';
import { loadPlanCold } from '../data/plan-sync.js';
import { loadReminderData, type ReminderData } from '../data/reminder-data.js';
import type { Logger } from '../shared/log.js';
import { buildAgendaCard, type AgendaCard } from './card.js';
import { reminderHolidays } from './holidays.js';
import { isPostTarget, postTarget } from './channel-target.js';
import { installatieForTeam, loadInstallaties } from '../data/installaties-store.js';
import { updateMtChannel } from '../data/mt-channel.js';
import { planReminders, type ReminderDecision, type SendDecision } from './planner.js';
import { certainlyNotDelivered } from './delivery.js';

/** Posts and updates cards in a Teams conversation (the bot, or a fake connector in tests). */
export type CardSender = {
  /** `serviceUrl`: the Bot Connector of the team's installation; without it the configured one. */
  send(conversationId: string, card: AgendaCard, serviceUrl?: string): Promise<{ messageId: string }>;
  update(conversationId: string, messageId: string, card: AgendaCard, serviceUrl?: string): Promise<void>;
};

/** The job's log: the server's structured log lines. */
export type JobLog = Logger;

export type JobDependencies = {
  graph: Graph;
  siteId: string;
  siteUrl: string;
  sender: CardSender;
  /** Unique per run (instance + tick): written on the claim so a lost answer can be told apart. */
  claimant: string;
  now: Date;
  lastRunAt?: Date;
  deepLinkFor: (mt: MT) => string;
  log?: JobLog;
  herinneringen?: HerinneringenStore;
  /** The organisation's own closing days (config `EXTRA_HOLIDAYS`), skipped like the Dutch public holidays. */
  extraHolidays?: readonly CalendarDate[];
};

export type JobOutcome =
  | { mtKey: string; key: string; outcome: 'sent'; messageId: string }
  | { mtKey: string; key: string; outcome: 'lost-claim' }
  | { mtKey: string; key: string; outcome: 'no-channel'; detail: string }
  | {
      mtKey: string;
      key: string;
      outcome: 'failed';
      error: string;
      /** The card certainly left nothing in the channel and the claim was taken back: a later run sends it. */
      retry?: true;
    };

export type JobReport = {
  ranAt: string;
  decisions: ReminderDecision[];
  outcomes: JobOutcome[];
  /** Claims older than a run that never got a message id: a crash between claim/send and record. */
  unfinished: { key: string; moment: string; claim?: string }[];
};

/** How far back the reminder log is read: older occurrences cannot be planned again anyway. */
const LOG_WINDOW_DAYS = 60;

/** The agenda input of one meeting from what the job read. */
export function agendaInputFor(
  decision: SendDecision,
  mt: MT,
  data: ReminderData,
  acties: AgendaInput['acties'],
  previous: Loaded<Herinnering> | undefined,
  now: Date,
  /** The decision texts recorded in the previous meeting (the Besluiten list), in recorded order. */
  previousDecisions: readonly string[] = [],
  /** The plan's rows per domain: a domain MT's card shows (and writes) its own row of a shared action. */
  domeinVoortgang: AgendaInput['domeinVoortgang'] = [],
  /** The site's set-up (read with the plan): which domain is the CMT's. */
  inrichting?: AgendaInput['inrichting'],
): AgendaInput {
  const input: AgendaInput = {
    mt,
    occurrenceStart: decision.occurrenceStart,
    now,
    acties,
    ...(inrichting ? { inrichting } : {}),
    portfolio: data.portfolio.map((p) => ({ id: p.id, value: p.value })),
    kwartaaldoelen: data.kwartaaldoelen.map((k) => k.value),
  };
  if (decision.nextOccurrenceStart) input.nextOccurrenceStart = decision.nextOccurrenceStart;
  const snapshot = parseSnapshot(previous?.value.snapshot);
  if (snapshot) input.previous = snapshot;
  if (previousDecisions.length > 0) input.previousDecisions = previousDecisions;
  if (data.agenderingen.length > 0)
    input.agenderingen = data.agenderingen.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value }));
  if (domeinVoortgang.length > 0)
    input.domeinVoortgang = domeinVoortgang.map((r) => ({ id: r.id, eTag: r.eTag, value: r.value }));
  // The secretary's choices for this meeting (composeAgenda keeps only this occurrence's).
  const keuzes = (data.agendakeuzes ?? []).filter((k) => k.value.vergadering.startsWith(`${mt.key}|`));
  if (keuzes.length > 0) input.keuzes = keuzes.map((k) => ({ id: k.id, value: k.value }));
  return input;
}

/**
 * The decisions recorded for each of the given occurrence keys, read in one `$batch` (one sub-request per key, on the
 * indexed Vergadering column). A key whose read fails (a site provisioned before the Besluiten list existed, say)
 * gets no decisions and a warning: the reminder must not depend on it.
 */
export async function readPreviousDecisions(
  graph: Graph,
  siteId: string,
  keys: readonly string[],
  log: JobLog,
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  const unique = [...new Set(keys)];
  if (unique.length === 0) return result;
  try {
    const responses = await sendBatch(
      graph,
      unique.map((key, i) => ({ id: String(i), method: 'GET' as const, url: besluitenByOccurrenceUrl(siteId, key) })),
    );
    for (const response of responses) {
      const key = unique[Number(response.id)];
      if (key === undefined) continue;
      if (response.status !== 200) {
        log({
          level: 'warn',
          msg: 'decisions of the previous meeting not readable; the agenda goes without them',
          key,
          status: response.status,
        });
        continue;
      }
      const page = response.body as { value: ListItem[]; '@odata.nextLink'?: string };
      const items = [...page.value];
      if (page['@odata.nextLink']) items.push(...(await graph.getAll<ListItem>(page['@odata.nextLink'])));
      result.set(key, decisionTexts(items.map(toBesluit)));
    }
  } catch (error) {
    log({
      level: 'warn',
      msg: 'decisions of the previous meetings not readable; the agendas go without them',
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return result;
}

/**
 * After the first post into a channel the bot had not heard from: the MT's conversation id, so the card's buttons
 * (checked against the MT's channel) and the next cards find it. A failure here is logged; the card is out.
 */
export async function recordConversation(
  graph: Graph,
  siteId: string,
  mt: Loaded<MT>,
  conversationId: string,
  log: JobLog,
): Promise<void> {
  try {
    await updateMtChannel(graph, siteId, mt, { conversationId });
    log({
      level: 'info',
      msg: 'MT channel recorded after the first post',
      mt: mt.value.key,
      conversation: conversationId,
    });
  } catch (error) {
    log({
      level: 'error',
      msg: 'card sent, but the MT channel was not recorded',
      mt: mt.value.key,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

/** The last sent reminder of an MT before `before`: the baseline of "changed since the last meeting". */
export function previousReminder(
  log: readonly Loaded<Herinnering>[],
  mtId: string,
  before: Date,
): Loaded<Herinnering> | undefined {
  return log
    .filter(
      (h) => h.value.mtId === mtId && h.value.status === 'verzonden' && Date.parse(h.value.moment) < before.getTime(),
    )
    .sort((a, b) => b.value.moment.localeCompare(a.value.moment))[0];
}

/**
 * After a failed send: takes the claim back when nothing can have been posted (`certainlyNotDelivered`), else (or when
 * taking it back fails) records the meeting as failed, never to be resent blindly. True when it was taken back.
 */
export async function releasedAfterFailure(
  store: HerinneringenStore,
  item: Loaded<Herinnering>,
  error: unknown,
): Promise<boolean> {
  let current: Loaded<Herinnering> | undefined = item;
  if (certainlyNotDelivered(error)) {
    try {
      await store.release(item);
      return true;
    } catch {
      // Changed meanwhile (its eTag moved on), or deleted with the answer lost: read it again. Gone, or claimed anew
      // by another run since: it is not ours to record as failed, and this send posted nothing.
      current = await store.find(item.value.sleutel).catch(() => item);
      if (!current || current.value.claim !== item.value.claim) return true;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  try {
    await store.markFailed(current, message);
  } catch {
    // The log could not be written: the claim stays as it is (claimed, never resent blindly); the next MT goes on.
  }
  return false;
}

/**
 * One run of the reminder job. The planner (pure) says which meetings need their agenda item
 * now; for each, the run claims the occurrence in the reminder log (the unique key lets exactly
 * one claimant through), composes the agenda, builds the card, sends it into the MT's channel
 * and records the message id and the snapshot. A run that loses a claim does nothing more for
 * that meeting, so two instances or a double tick never produce a second card. A send that fails
 * is recorded as failed and not retried blindly (the card may have arrived), unless it certainly posted nothing (the
 * connector was not reached): then the claim is taken back and the next run sends it.
 */
export async function runReminderJob(deps: JobDependencies): Promise<JobReport> {
  const log = deps.log ?? (() => undefined);
  const store = deps.herinneringen ?? createHerinneringenStore(deps.graph, deps.siteId);
  const since = new Date(deps.now.getTime() - LOG_WINDOW_DAYS * 86_400_000);
  const data = await loadReminderData(deps.graph, deps.siteId, since);
  const mts = data.mts.map((m) => m.value);
  const plan = planReminders({
    mts,
    now: deps.now,
    sentKeys: data.herinneringen.map((h) => h.value.sleutel),
    holidays: reminderHolidays(deps.now, deps.extraHolidays),
    ...(deps.lastRunAt ? { lastRunAt: deps.lastRunAt } : {}),
  });
  const report: JobReport = {
    ranAt: deps.now.toISOString(),
    decisions: plan.decisions,
    outcomes: [],
    unfinished: data.herinneringen
      .filter(
        (h) =>
          h.value.status === 'geclaimd' &&
          !h.value.berichtId &&
          Date.parse(h.modified ?? h.value.moment) < deps.now.getTime() - 10 * 60_000,
      )
      .map((h) => ({
        key: h.value.sleutel,
        moment: h.value.moment,
        ...(h.value.claim ? { claim: h.value.claim } : {}),
      })),
  };
  for (const unfinished of report.unfinished) {
    log({
      level: 'warn',
      msg: 'reminder claimed but never recorded as sent; not resent automatically (the card may have arrived)',
      ...unfinished,
    });
  }
  if (plan.toSend.length === 0) return report;

  const previousByDecision = new Map<string, Loaded<Herinnering> | undefined>();
  for (const decision of plan.toSend) {
    const loadedMt = data.mts.find((m) => m.value.key === decision.mtKey);
    if (loadedMt)
      previousByDecision.set(decision.key, previousReminder(data.herinneringen, loadedMt.id, decision.occurrenceStart));
  }
  const previousKeys = [...previousByDecision.values()].flatMap((h) => (h ? [h.value.sleutel] : []));
  const [snapshot, decisionsByKey] = await Promise.all([
    loadPlanCold(deps.graph, deps.siteUrl),
    readPreviousDecisions(deps.graph, deps.siteId, previousKeys, log),
  ]);
  const acties = snapshot.plan.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value }));
  const installaties = await loadInstallaties(deps.graph, deps.siteId).catch((error: unknown) => {
    // A site provisioned before the list existed: the recorded conversations and the configured connector still work.
    log({
      level: 'warn',
      msg: 'installations not readable; sending with the configured Bot Connector',
      error: error instanceof Error ? error.message : String(error),
    });
    return [];
  });

  for (const decision of plan.toSend) {
    const loadedMt = data.mts.find((m) => m.value.key === decision.mtKey);
    if (!loadedMt) continue;
    const mt = loadedMt.value;
    const target = postTarget(mt, installatieForTeam(installaties, mt.teamId, mt.groepId));
    if (!isPostTarget(target)) {
      report.outcomes.push({ mtKey: mt.key, key: decision.key, outcome: 'no-channel', detail: target.detail });
      log({ level: 'warn', msg: 'MT has no channel to post to', mt: mt.key, missing: target.missing });
      continue;
    }
    const claim = await store.claim({
      sleutel: decision.key,
      mtId: loadedMt.id,
      mtNaam: mt.naam,
      moment: decision.occurrenceStart.toISOString(),
      claimant: deps.claimant,
    });
    if (!claim.won) {
      report.outcomes.push({ mtKey: mt.key, key: decision.key, outcome: 'lost-claim' });
      continue;
    }
    const previous = previousByDecision.get(decision.key);
    const input = agendaInputFor(
      decision,
      mt,
      data,
      acties,
      previous,
      deps.now,
      previous ? (decisionsByKey.get(previous.value.sleutel) ?? []) : [],
      snapshot.plan.domeinVoortgang,
      snapshot.plan.inrichting,
    );
    let agenda: Agenda;
    let card: AgendaCard;
    try {
      agenda = composeAgenda(input);
      card = buildAgendaCard(agenda, { deepLink: deps.deepLinkFor(mt) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await store.markFailed(claim.item, `Agenda niet samengesteld: ${message}`);
      report.outcomes.push({ mtKey: mt.key, key: decision.key, outcome: 'failed', error: message });
      continue;
    }
    let messageId: string;
    try {
      messageId = (await deps.sender.send(target.conversationId, card, target.serviceUrl)).messageId;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (await releasedAfterFailure(store, claim.item, error)) {
        // Nothing was posted: the next run claims this meeting again.
        report.outcomes.push({ mtKey: mt.key, key: decision.key, outcome: 'failed', error: message, retry: true });
        log({
          level: 'warn',
          msg: 'agenda card not sent; tried again next run',
          mt: mt.key,
          key: decision.key,
          error: message,
        });
        continue;
      }
      report.outcomes.push({ mtKey: mt.key, key: decision.key, outcome: 'failed', error: message });
      log({ level: 'error', msg: 'sending the agenda card failed', mt: mt.key, key: decision.key, error: message });
      continue;
    }
    await store.markSent(claim.item, messageId, serializeSnapshot(snapshotOf(input)));
    if (target.record) await recordConversation(deps.graph, deps.siteId, loadedMt, target.conversationId, log);
    report.outcomes.push({ mtKey: mt.key, key: decision.key, outcome: 'sent', messageId });
    log({ level: 'info', msg: 'agenda card sent', mt: mt.key, key: decision.key, reason: decision.reason, messageId });
  }
  return report;
}
