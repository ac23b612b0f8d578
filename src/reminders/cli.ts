/**
 * `npm run reminders -- --mt <key> --preview [--json]` and `--send-now`: the agenda card of an MT's next meeting,
 * shown without claiming or sending anything, or claimed and sent now.
 *
 * Both are about one meeting only, the one that is due (`dueMeeting`): the earliest not-yet-started meeting whose
 * reminder time has passed, else the next meeting. When the reminder log already has it, `--send-now` says so and
 * when, and never takes the meeting after it instead. Both go through the job's own pieces: `agendaInputFor`,
 * `previousReminder` and `composeAgenda` compose it, `buildAgendaCard` renders it, and a send claims the occurrence in the reminder log first, exactly as the job does,
 * so the job never sends that meeting's card a second time.
 */
import { composeAgenda, occurrenceKey, serializeSnapshot, snapshotOf, type Agenda } from '../domain/agenda.js';
import type { CalendarDate, MT } from '../domain/model.js';
import type { Graph } from '../data/graph/client.js';
import { createHerinneringenStore, type HerinneringenStore } from '../data/herinneringen-store.js';
import type { Loaded } from '../data/lists/field-reader.js';
import type { Herinnering } from '../data/lists/herinneringen.js';
import { loadPlanCold } from '../data/plan-sync.js';
import { loadReminderData, type ReminderData } from '../data/reminder-data.js';
import { buildAgendaCard, cardByteSize, type AgendaCard } from './card.js';
import { formatMoment } from './card-text.js';
import { reminderHolidays } from './holidays.js';
import { besprokenOf, buildCardFor, loadCardContext } from './actions.js';
import {
  agendaInputFor,
  previousReminder,
  readPreviousDecisions,
  recordConversation,
  type CardSender,
  type JobLog,
  releasedAfterFailure,
} from './job.js';
import { isPostTarget, postTarget } from './channel-target.js';
import { installatieForTeam, loadInstallaties } from '../data/installaties-store.js';
import { planReminders, type ReminderDecision, type SendDecision } from './planner.js';

export type CliArgs = { mt: string; mode: 'preview' | 'send-now'; json: boolean };

export const USAGE = [
  'Gebruik:',
  '  npm run reminders -- --mt <sleutel> --preview [--json]   de kaart die nu verstuurd zou worden (niets geclaimd, niets verstuurd)',
  '  npm run reminders -- --mt <sleutel> --send-now [--json]  de kaart van de volgende vergadering nu claimen en versturen',
  '<sleutel> is de Sleutel van het MT (bijvoorbeeld cmt) of het item-id in de lijst MTs.',
].join('\n');

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Reads the command line (the part after `--`). */
export function parseArgs(argv: readonly string[]): CliArgs {
  let mt: string | undefined;
  let preview = false;
  let sendNow = false;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--mt') {
      mt = argv[i + 1];
      i += 1;
    } else if (arg?.startsWith('--mt=')) mt = arg.slice('--mt='.length);
    else if (arg === '--preview') preview = true;
    else if (arg === '--send-now') sendNow = true;
    else if (arg === '--json') json = true;
    else throw new UsageError(`Onbekend argument: ${arg ?? ''}`);
  }
  if (!mt || mt.startsWith('--')) throw new UsageError('--mt <sleutel> ontbreekt.');
  if (preview === sendNow) throw new UsageError('Kies precies één van --preview en --send-now.');
  return { mt, mode: preview ? 'preview' : 'send-now', json };
}

export type CliDeps = {
  graph: Graph;
  siteId: string;
  siteUrl: string;
  deepLinkFor: (mt: MT) => string;
  now: Date;
  herinneringen?: HerinneringenStore;
  /** The organisation's own closing days (config `EXTRA_HOLIDAYS`), as the job skips them. */
  extraHolidays?: readonly CalendarDate[];
  /** Where a problem that does not stop the card is told (the previous meeting's decisions not readable, say). */
  log?: JobLog;
};

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** How far back the reminder log is read (as the job does): the previous agenda is the "changed since" baseline. */
const LOG_WINDOW_DAYS = 60;

function findMt(data: ReminderData, keyOrId: string): Loaded<MT> {
  const mt = data.mts.find((m) => m.value.key === keyOrId) ?? data.mts.find((m) => m.id === keyOrId);
  if (!mt)
    throw new CliError(
      `Geen MT met sleutel of id "${keyOrId}". Bekend: ${data.mts.map((m) => m.value.key).join(', ') || '(geen)'}.`,
    );
  return mt;
}

/** The meeting `--send-now` and `--preview` are about, and whether the reminder log already has it. */
export type DueMeeting = {
  decision: SendDecision;
  /** The reminder log's entry for this meeting (or for the meeting it was moved from), when there is one. */
  logged?: Loaded<Herinnering>;
};

/**
 * The meeting whose card is due: the earliest meeting that has not started and whose reminder time has passed, or,
 * when no reminder is due yet, the next meeting that has not started. Only that meeting: when its card is already in
 * the reminder log (sent, claimed or failed) the answer says so, and the meeting after it is never taken in its place,
 * so a second run (or a parallel one) cannot send next week's card early. The log is consulted after planning (the
 * planner is asked as if nothing was sent) precisely so that a logged meeting stays the answer.
 */
export function dueMeeting(
  mt: MT,
  data: ReminderData,
  now: Date,
  extraHolidays: readonly CalendarDate[] = [],
): DueMeeting {
  const holidays = reminderHolidays(now, extraHolidays);
  const byKey = new Map(data.herinneringen.map((h) => [h.value.sleutel, h] as const));
  const plan = planReminders({ mts: [mt], now, sentKeys: [], holidays });
  const loggedFor = (d: SendDecision): Loaded<Herinnering> | undefined =>
    byKey.get(d.key) ?? (d.movedFrom ? byKey.get(occurrenceKey(mt.key, d.movedFrom)) : undefined);
  // Reminders due now (more than one only when the lead time is longer than the gap between meetings): the earliest
  // that is not logged yet, else the last logged one (the answer "already sent").
  const due = plan.toSend.filter((d) => d.occurrenceStart > now);
  const open = due.find((d) => !loggedFor(d));
  if (open) return { decision: open };
  const lastDue = due.at(-1);
  if (lastDue) return { decision: lastDue, logged: loggedFor(lastDue) };
  const waiting = plan.decisions.find(
    (d): d is Extract<ReminderDecision, { action: 'wait' }> => d.action === 'wait' && d.reminderAt !== undefined,
  );
  if (waiting?.reminderAt && waiting.key) {
    // The same meeting planned as at its own reminder time: gives the meeting after it and a move, as the job would.
    const later = planReminders({ mts: [mt], now: waiting.reminderAt, sentKeys: [], holidays }).toSend.find(
      (d) => d.key === waiting.key,
    );
    if (later) {
      const logged = loggedFor(later);
      return logged ? { decision: later, logged } : { decision: later };
    }
  }
  const reason = plan.decisions.find((d) => d.action !== 'send');
  throw new CliError(
    `Voor ${mt.naam} is geen agendapunt te versturen: ${reason?.detail ?? 'geen vergadering gepland'}`,
  );
}

export type Prepared = {
  mt: Loaded<MT>;
  decision: SendDecision;
  logged?: Loaded<Herinnering>;
  agenda: Agenda;
  card: AgendaCard;
  snapshot: string;
  data: ReminderData;
};

/** Composes the card of the MT's next meeting from the site as it is now (reads only). */
export async function prepareCard(deps: CliDeps, keyOrId: string): Promise<Prepared> {
  const data = await loadReminderData(
    deps.graph,
    deps.siteId,
    new Date(deps.now.getTime() - LOG_WINDOW_DAYS * 86_400_000),
  );
  const mt = findMt(data, keyOrId);
  const { decision, logged } = dueMeeting(mt.value, data, deps.now, deps.extraHolidays);
  const log = deps.log ?? (() => undefined);
  const previous = previousReminder(data.herinneringen, mt.id, decision.occurrenceStart);
  // As the job does: the previous meeting's decisions go on the card ("Besluiten vorige vergadering").
  const [plan, decisionsByKey] = await Promise.all([
    loadPlanCold(deps.graph, deps.siteUrl),
    readPreviousDecisions(deps.graph, deps.siteId, previous ? [previous.value.sleutel] : [], log),
  ]);
  const acties = plan.plan.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value }));
  const input = agendaInputFor(
    decision,
    mt.value,
    data,
    acties,
    previous,
    deps.now,
    previous ? (decisionsByKey.get(previous.value.sleutel) ?? []) : [],
    plan.plan.domeinVoortgang,
    plan.plan.inrichting,
  );
  const agenda = composeAgenda(input);
  // A meeting whose card went out: the card as it stands in the channel now (Besproken and this meeting's decisions,
  // as the bot rebuilds it), not a new one with a Besproken button that was pressed already.
  const posted =
    logged?.value.status === 'verzonden' ? await postedCard(deps, mt.value.key, logged.value.sleutel) : undefined;
  const card = posted ?? buildAgendaCard(agenda, { deepLink: deps.deepLinkFor(mt.value) });
  return {
    mt,
    decision,
    ...(logged ? { logged } : {}),
    agenda,
    card,
    snapshot: serializeSnapshot(snapshotOf(input)),
    data,
  };
}

/** The card of a meeting that was sent, as the bot would put it now; undefined when its context cannot be read. */
async function postedCard(deps: CliDeps, mtKey: string, key: string): Promise<AgendaCard | undefined> {
  const cardDeps = { graph: deps.graph, siteId: deps.siteId, siteUrl: deps.siteUrl, deepLinkFor: deps.deepLinkFor };
  const ctx = await loadCardContext(cardDeps, mtKey, key);
  if ('problem' in ctx) return undefined;
  const besproken = await besprokenOf(cardDeps, ctx);
  return buildCardFor(cardDeps, ctx, { now: deps.now, ...(besproken ? { besproken } : {}) });
}

/** Where the reminder log already has the meeting: what state it is in and since when. */
export type AlreadyLogged = {
  outcome: 'already-sent';
  mt: string;
  key: string;
  /** The meeting's start (ISO). */
  meeting: string;
  /** verzonden, geclaimd (another run is sending it) or mislukt. */
  status: string;
  /** When it was claimed, i.e. when the card went out (ISO), when the log says so. */
  at?: string;
  messageId?: string;
  error?: string;
};

export type SendNowResult =
  | { outcome: 'sent'; mt: string; key: string; meeting: string; conversationId: string; messageId: string }
  | AlreadyLogged
  | {
      outcome: 'failed';
      mt: string;
      key: string;
      meeting: string;
      error: string;
      /** Nothing was posted (the connector was not reached): not in the log, so a later run or `--send-now` sends it. */
      retry?: true;
    };

function alreadyLogged(mtKey: string, decision: SendDecision, entry: Loaded<Herinnering> | undefined): AlreadyLogged {
  const result: AlreadyLogged = {
    outcome: 'already-sent',
    mt: mtKey,
    key: entry?.value.sleutel ?? decision.key,
    meeting: decision.occurrenceStart.toISOString(),
    status: entry?.value.status ?? 'geclaimd',
  };
  const at = entry?.created ?? entry?.modified;
  if (at) result.at = at;
  if (entry?.value.berichtId) result.messageId = entry.value.berichtId;
  if (entry?.value.fout) result.error = entry.value.fout;
  return result;
}

/**
 * Claims the due meeting (`dueMeeting`) in the reminder log and sends its card into the MT's channel, then records the
 * message id and the snapshot, as the job does. When the log already has that meeting, or another run wins the claim
 * (two runs in parallel), nothing is sent and the answer says what the log holds and since when. A failed send is
 * recorded as failed and not retried (the card may have arrived).
 */
export async function sendNow(
  deps: CliDeps & { sender: CardSender; claimant: string },
  keyOrId: string,
): Promise<SendNowResult> {
  const prepared = await prepareCard(deps, keyOrId);
  const { mt, decision } = prepared;
  const store = deps.herinneringen ?? createHerinneringenStore(deps.graph, deps.siteId);
  const meeting = decision.occurrenceStart.toISOString();
  // Read again for the time it was claimed (the plan's read carries no creation time).
  if (prepared.logged)
    return alreadyLogged(mt.value.key, decision, (await store.find(prepared.logged.value.sleutel)) ?? prepared.logged);
  const installaties = await loadInstallaties(deps.graph, deps.siteId).catch(() => []);
  const target = postTarget(mt.value, installatieForTeam(installaties, mt.value.teamId, mt.value.groepId));
  if (!isPostTarget(target))
    throw new CliError(
      `Niet verstuurd: ${target.detail}${target.missing === 'not-installed' ? ' (Lokaal: open het team in de Playground.)' : ''}`,
    );
  const claim = await store.claim({
    sleutel: decision.key,
    mtId: mt.id,
    mtNaam: mt.value.naam,
    moment: meeting,
    claimant: deps.claimant,
  });
  if (!claim.won) return alreadyLogged(mt.value.key, decision, claim.holder ?? (await store.find(decision.key)));
  let messageId: string;
  try {
    messageId = (await deps.sender.send(target.conversationId, prepared.card, target.serviceUrl)).messageId;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retry = await releasedAfterFailure(store, claim.item, error);
    return {
      outcome: 'failed',
      mt: mt.value.key,
      key: decision.key,
      meeting,
      error: message,
      ...(retry ? { retry } : {}),
    };
  }
  await store.markSent(claim.item, messageId, prepared.snapshot);
  if (target.record) await recordConversation(deps.graph, deps.siteId, mt, target.conversationId, () => undefined);
  return {
    outcome: 'sent',
    mt: mt.value.key,
    key: decision.key,
    meeting,
    conversationId: target.conversationId,
    messageId,
  };
}

/** What `--send-now` tells a person (Dutch): sent, already in the log (and since when), or failed. */
export function describeSendNow(result: SendNowResult): string {
  const meeting = formatMoment(new Date(result.meeting));
  if (result.outcome === 'sent')
    return `Verstuurd: de kaart voor de vergadering van ${meeting} (${result.key}) naar ${result.conversationId} (bericht ${result.messageId}).`;
  if (result.outcome === 'failed') {
    return result.retry
      ? `Mislukt: de kaart voor de vergadering van ${meeting} (${result.key}): ${result.error}\nDe Bot Connector nam de kaart niet aan (niet bereikbaar of te druk), dus er is niets in het kanaal gezet. De herinneringen proberen het bij hun volgende ronde opnieuw; --send-now doet het nu.`
      : `Mislukt: de kaart voor de vergadering van ${meeting} (${result.key}): ${result.error}\nDe vergadering staat als mislukt in het logboek en wordt niet automatisch opnieuw verstuurd: de kaart kan toch zijn aangekomen. Kijk in het kanaal; een beheerder verwijdert zo nodig de regel van deze vergadering uit de lijst Herinneringen, waarna de volgende ronde haar verstuurt.`;
  }
  const at = result.at ? formatMoment(new Date(result.at)) : 'een onbekend moment';
  const line =
    result.status === 'verzonden'
      ? `Niet verstuurd: de kaart voor de vergadering van ${meeting} is al verstuurd op ${at}${result.messageId ? ` (bericht ${result.messageId})` : ''}.`
      : result.status === 'mislukt'
        ? `Niet verstuurd: de kaart voor de vergadering van ${meeting} is op ${at} geprobeerd en mislukt${result.error ? ` (${result.error})` : ''}; dat wordt niet automatisch herhaald.`
        : `Niet verstuurd: de kaart voor de vergadering van ${meeting} is op ${at} door een ander proces geclaimd, dat haar verstuurt.`;
  return `${line}\nDe volgende vergadering krijgt haar kaart pas als die aan de beurt is.`;
}

/** Where the card goes, or what is missing: no team registered is another fix than an app not installed. */
function channelLine(mt: MT): string {
  if (mt.conversationId) return mt.conversationId;
  if (!mt.teamId) return 'nog geen (geen team en kanaal vastgelegd in Instellingen)';
  // The conversation is recorded with the first card; whether the app is in the team the send will tell.
  return 'nog niet vastgelegd (het team staat in Instellingen; de eerste kaart legt het gesprek vast als de app in het team is geïnstalleerd)';
}

/** A few lines for a person: which meeting, why now, what is on the card. */
export function describePreview(p: Prepared, now: Date = new Date()): string {
  const c = p.agenda.counts;
  const when = formatMoment(p.decision.reminderAt);
  return [
    `${p.mt.value.naam}: vergadering ${formatMoment(p.decision.occurrenceStart)} (sleutel ${p.decision.key})`,
    p.logged
      ? `  Al in het logboek (${p.logged.value.status ?? 'geclaimd'}): --send-now verstuurt niets meer voor deze vergadering.`
      : p.decision.reminderAt > now
        ? `  De kaart gaat uit op ${when}; --send-now verstuurt haar nu al.`
        : `  De kaart had op ${when} moeten uitgaan en is nog niet verstuurd; de taak verstuurt haar bij haar volgende ronde, --send-now nu.`,
    `  Achterstallig ${c.overdue}, geblokkeerd ${c.geblokkeerd}, wacht op een andere actie ${c.wachtOp}, deadline vóór volgende vergadering ${c.dueBeforeNextMeeting}, zonder eigenaar ${c.withoutOwner}, open ${c.open} van ${c.acties}`,
    `  Kaart: ${cardByteSize(p.card)} bytes. Kanaal: ${channelLine(p.mt.value)}`,
    p.logged
      ? '  Met --json verschijnt de kaart zoals ze nu in het kanaal staat.'
      : '  Met --json verschijnt de kaart zelf; met --send-now wordt ze verstuurd.',
  ].join('\n');
}
