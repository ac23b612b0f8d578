/**
 * What the task pane and the attendee pane show, from the loaded lists and the open invitation: the MTs to choose
 * from, the proposed one, and the agenda of this meeting. The agenda is composed exactly as the meeting side panel
 * composes it (`panelAgenda`, which calls the domain's `composeAgenda` with the previous meeting's snapshot and
 * decisions), with "due" reaching to the MT's next meeting after this one, from its schedule.
 */
import type { Agenda } from '../domain/agenda.js';
import { parseMeetingSchedule, type MeetingSchedule } from '../domain/schedule.js';
import type { AgendaSourceData } from '../data/agenda-data.js';
import { panelAgenda } from '../tab/features/meeting/lib/panel-data.js';
import { proposeMt, type Invitee, type MtProposal } from './propose-mt.js';

export type MtChoice = { key: string; id: string; naam: string };

/** The active MTs, by name: the organiser's choices. */
export function mtChoices(data: Pick<AgendaSourceData, 'mts'>): MtChoice[] {
  return data.mts
    .filter((m) => m.value.actief !== false)
    .map((m) => ({ key: m.value.key, id: m.id, naam: m.value.naam }))
    .sort((a, b) => a.naam.localeCompare(b.naam, 'nl'));
}

/** The MT proposed for an invitation (see propose-mt.ts), among the active MTs. */
export function proposedMt(
  data: Pick<AgendaSourceData, 'mts' | 'plan'>,
  invitation: { subject?: string; invitees?: readonly Invitee[] },
): MtProposal | undefined {
  return proposeMt(
    data.mts.map((m) => ({ ...m.value })),
    invitation,
    data.plan.inrichting,
  );
}

/** The first meeting of a schedule strictly after an instant (the domain's nextOccurrence, handed in). */
export type NextMeetingOf = (schedule: MeetingSchedule, after: Date) => Date | undefined;

/**
 * The agenda of the meeting that starts at `start` for MT `mtKey`: the side panel's composition. Undefined when
 * the MT is unknown.
 */
export function paneAgenda(
  data: AgendaSourceData,
  input: { mtKey: string; start: Date; now: Date; nextMeeting?: NextMeetingOf },
): { agenda: Agenda; previousKey?: string } | undefined {
  const mt = data.mts.find((m) => m.value.key === input.mtKey);
  if (!mt) return undefined;
  const schedule = mt.value.schema ? parseMeetingSchedule(mt.value.schema) : undefined;
  const next = schedule && input.nextMeeting ? input.nextMeeting(schedule, input.start) : undefined;
  return panelAgenda({
    mt: mt.value,
    mtId: mt.id,
    occurrenceStart: input.start,
    ...(next ? { nextOccurrenceStart: next } : {}),
    now: input.now,
    acties: data.plan.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value })),
    portfolio: data.portfolio.items.map((p) => ({ id: p.id, value: p.value })),
    kwartaaldoelen: data.portfolio.kwartaaldoelen.map((k) => k.value),
    besluiten: data.besluiten,
    herinneringen: data.herinneringen,
    domeinVoortgang: data.plan.domeinVoortgang.map((r) => ({ id: r.id, eTag: r.eTag, value: r.value })),
    agenderingen: (data.agenderingen ?? []).map((a) => ({ id: a.id, eTag: a.eTag, value: a.value })),
    // The secretary's "ook bespreken" / "niet nodig" (issue 14.3): the invitation lists what the card will list.
    keuzes: (data.agendakeuzes ?? [])
      .filter((k) => k.value.vergadering.startsWith(`${mt.value.key}|`))
      .map((k) => ({ id: k.id, value: k.value })),
    inrichting: data.plan.inrichting,
  });
}
