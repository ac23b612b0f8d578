/**
 * `npm run reminders -- --mt <key> --preview [--json]` and `--send-now`: the agenda card of an MT's next meeting,
 * shown without claiming or sending anything, or claimed and sent now.
 *
 * Both go through the job's own pieces: the planner decides which meeting is next (the one due now, else the next
 * one, planned as at its reminder time), `agendaInputFor`/`previousReminder` and `composeAgenda` compose it,
 * `buildAgendaCard` renders it, and a send claims the occurrence in the reminder log first, exactly as the job does,
 * so the job never sends that meeting's card a second time.
 */
import { composeAgenda, serializeSnapshot, snapshotOf, type Agenda } from '../domain/agenda.js';
import type { MT } from '../domain/model.js';
import type { Graph } from '../data/graph/client.js';
import { createHerinneringenStore, type HerinneringenStore } from '../data/herinneringen-store.js';
import type { Loaded } from '../data/lists/field-reader.js';
import { loadPlanCold } from '../data/plan-sync.js';
import { loadReminderData, type ReminderData } from '../data/reminder-data.js';
import { buildAgendaCard, cardByteSize, type AgendaCard } from './card.js';
import { formatMoment } from './card-text.js';
import { agendaInputFor, previousReminder, type CardSender } from './job.js';
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
};

export class CliError extends Error {
  override readonly name = 'CliError';
}

/** How far back the reminder log is read (as the job does): the previous agenda is the "changed since" baseline. */
const LOG_WINDOW_DAYS = 60;

function findMt(data: ReminderData, keyOrId: string): Loaded<MT> {
  const mt = data.mts.find((m) => m.value.key === keyOrId) ?? data.mts.find((m) => m.id === keyOrId);
  if (!mt) throw new CliError(`Geen MT met sleutel of id "${keyOrId}". Bekend: ${data.mts.map((m) => m.value.key).join(', ') || '(geen)'}.`);
  return mt;
}

/**
 * The meeting whose card would go out next: the one due now, or else the next one planned, as the planner sees it at
 * that meeting's reminder time. Meetings already in the reminder log are passed over, as the job does.
 */
export function nextDecision(mt: MT, data: ReminderData, now: Date): SendDecision {
  const sentKeys = data.herinneringen.map((h) => h.value.sleutel);
  const first = planReminders({ mts: [mt], now, sentKeys });
  const due = first.toSend[0];
  if (due) return due;
  const waiting = first.decisions.find((d): d is Extract<ReminderDecision, { action: 'wait' }> => d.action === 'wait' && d.reminderAt !== undefined);
  if (waiting?.reminderAt && waiting.key) {
    const later = planReminders({ mts: [mt], now: waiting.reminderAt, sentKeys }).toSend.find((d) => d.key === waiting.key);
    if (later) return later;
  }
  const reason = first.decisions.find((d) => d.action !== 'send');
  throw new CliError(`Voor ${mt.naam} is geen agendapunt te versturen: ${reason?.detail ?? 'geen vergadering gepland'}`);
}

export type Prepared = { mt: Loaded<MT>; decision: SendDecision; agenda: Agenda; card: AgendaCard; snapshot: string; data: ReminderData };

/** Composes the card of the MT's next meeting from the site as it is now (reads only). */
export async function prepareCard(deps: CliDeps, keyOrId: string): Promise<Prepared> {
  const data = await loadReminderData(deps.graph, deps.siteId, new Date(deps.now.getTime() - LOG_WINDOW_DAYS * 86_400_000));
  const mt = findMt(data, keyOrId);
  const decision = nextDecision(mt.value, data, deps.now);
  const plan = await loadPlanCold(deps.graph, deps.siteUrl);
  const acties = plan.plan.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value }));
  const input = agendaInputFor(decision, mt.value, data, acties, previousReminder(data.herinneringen, mt.id, decision.occurrenceStart), deps.now);
  const agenda = composeAgenda(input);
  const card = buildAgendaCard(agenda, { deepLink: deps.deepLinkFor(mt.value) });
  return { mt, decision, agenda, card, snapshot: serializeSnapshot(snapshotOf(input)), data };
}

export type SendNowResult =
  | { outcome: 'sent'; mt: string; key: string; conversationId: string; messageId: string }
  | { outcome: 'lost-claim'; mt: string; key: string }
  | { outcome: 'failed'; mt: string; key: string; error: string };

/**
 * Claims the next meeting in the reminder log and sends its card into the MT's channel, then records the message id
 * and the snapshot, as the job does. A lost claim sends nothing (someone else has it). A failed send is recorded as
 * failed and not retried (the card may have arrived).
 */
export async function sendNow(deps: CliDeps & { sender: CardSender; claimant: string }, keyOrId: string): Promise<SendNowResult> {
  const prepared = await prepareCard(deps, keyOrId);
  const { mt, decision } = prepared;
  if (!mt.value.conversationId) {
    throw new CliError(`${mt.value.naam} heeft nog geen kanaal: installeer de app in het team van dit MT (lokaal: open het team in de Playground).`);
  }
  const store = deps.herinneringen ?? createHerinneringenStore(deps.graph, deps.siteId);
  const claim = await store.claim({ sleutel: decision.key, mtId: mt.id, mtNaam: mt.value.naam, moment: decision.occurrenceStart.toISOString(), claimant: deps.claimant });
  if (!claim.won) return { outcome: 'lost-claim', mt: mt.value.key, key: decision.key };
  let messageId: string;
  try {
    messageId = (await deps.sender.send(mt.value.conversationId, prepared.card)).messageId;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await store.markFailed(claim.item, message);
    return { outcome: 'failed', mt: mt.value.key, key: decision.key, error: message };
  }
  await store.markSent(claim.item, messageId, prepared.snapshot);
  return { outcome: 'sent', mt: mt.value.key, key: decision.key, conversationId: mt.value.conversationId, messageId };
}

/** A few lines for a person: which meeting, why now, what is on the card. */
export function describePreview(p: Prepared): string {
  const c = p.agenda.counts;
  return [
    `${p.mt.value.naam}: vergadering ${formatMoment(p.decision.occurrenceStart)} (sleutel ${p.decision.key})`,
    `  ${p.decision.detail}`,
    `  Achterstallig ${c.overdue}, geblokkeerd ${c.blocked}, deadline vóór volgende vergadering ${c.dueBeforeNextMeeting}, zonder eigenaar ${c.withoutOwner}, open ${c.open} van ${c.acties}`,
    `  Kaart: ${cardByteSize(p.card)} bytes. Kanaal: ${p.mt.value.conversationId ?? 'nog geen (app niet geïnstalleerd in het team)'}`,
    '  Met --json verschijnt de kaart zelf; met --send-now wordt ze verstuurd.',
  ].join('\n');
}
