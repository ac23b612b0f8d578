import {
  composeAgenda,
  occurrenceKey,
  parseSnapshot,
  type Agenda,
  type AgendaActie,
  type AgendaInput,
} from '../../../../domain/agenda.js';
import type { ActieStatus, Domein, MT } from '../../../../domain/model.js';
import type { Besluit } from '../../../../data/lists/besluiten.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import type { Herinnering } from '../../../../data/lists/herinneringen.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';

/**
 * The MT of a tab: the one whose domains include the tab's domain; without a domain (or for the set-up's concern
 * domain, Zoetermeer's Concern) the CMT.
 */
export function mtForDomein<T extends { value: Pick<MT, 'key' | 'domeinen' | 'actief'> }>(
  mts: readonly T[],
  domein: Domein | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): T | undefined {
  const active = mts.filter((m) => m.value.actief !== false);
  const wanted: Domein = domein ?? concernDomein(inrichting);
  return (
    active.find((m) => m.value.domeinen.includes(wanted)) ??
    (domein === undefined ? active.find((m) => m.value.key === 'cmt') : undefined)
  );
}

/** The start of an occurrence key `<mt.key>|<start ISO>`. */
export function startOfKey(key: string): string {
  return key.slice(key.lastIndexOf('|') + 1);
}

/**
 * The meeting before `currentStart`: the latest earlier occurrence that has a sent reminder or recorded decisions.
 * Undefined for an MT's first meeting.
 */
export function previousOccurrenceKey(
  mtKey: string,
  mtId: string,
  currentStart: Date,
  besluiten: readonly Loaded<Besluit>[],
  herinneringen: readonly Loaded<Herinnering>[],
): string | undefined {
  const current = currentStart.getTime();
  const keys = new Set<string>();
  for (const b of besluiten) if (b.value.vergadering.startsWith(`${mtKey}|`)) keys.add(b.value.vergadering);
  for (const h of herinneringen) if (h.value.mtId === mtId && h.value.status === 'verzonden') keys.add(h.value.sleutel);
  let best: { key: string; at: number } | undefined;
  for (const key of keys) {
    const at = Date.parse(startOfKey(key));
    if (Number.isNaN(at) || at >= current) continue;
    if (!best || at > best.at) best = { key, at };
  }
  return best?.key;
}

/** One row of the side panel: an action or portfolio item on the agenda, with why it is there. */
export type PanelItem = {
  /** `actie:<id>` or `portfolio:<id>`: what a tick or decision is recorded against. */
  itemKey: string;
  kind: 'actie' | 'portfolio';
  id: string;
  label: string;
  titel: string;
  reasons: ('ookBespreken' | 'overdue' | 'blocked' | 'due' | 'changed' | 'withoutOwner' | 'portfolio')[];
  /** A shared action on a domain MT's agenda: that domain's own status (as on its card). */
  rij?: { domein: Domein; status: ActieStatus };
  /** A shared action on the CMT's agenda: the breakdown "1 van 4 domeinen afgerond" (as on its card). */
  voortgang?: { afgerond: number; totaal: number };
};

/** The agenda's actions and portfolio changes as one compact list: each item once, with all its reasons. */
export function panelItems(agenda: Agenda): PanelItem[] {
  const items = new Map<string, PanelItem>();
  const add = (
    kind: PanelItem['kind'],
    id: string,
    label: string,
    titel: string,
    reason: PanelItem['reasons'][number],
    actie?: AgendaActie,
  ): void => {
    const itemKey = `${kind}:${id}`;
    const existing = items.get(itemKey);
    if (existing) {
      if (!existing.reasons.includes(reason)) existing.reasons.push(reason);
      return;
    }
    const item: PanelItem = { itemKey, kind, id, label, titel, reasons: [reason] };
    if (actie?.rij) item.rij = { domein: actie.rij.domein, status: actie.status };
    if (actie?.voortgang) item.voortgang = { ...actie.voortgang };
    items.set(itemKey, item);
  };
  for (const a of agenda.ookBespreken) add('actie', a.id, a.nummer, a.titel, 'ookBespreken', a);
  for (const a of agenda.overdue) add('actie', a.id, a.nummer, a.titel, 'overdue', a);
  for (const a of agenda.blocked) add('actie', a.id, a.nummer, a.titel, 'blocked', a);
  for (const a of agenda.dueBeforeNextMeeting) add('actie', a.id, a.nummer, a.titel, 'due', a);
  for (const c of agenda.changedSinceLastMeeting)
    if (c.kind !== 'removed') add('actie', c.actie.id, c.actie.nummer, c.actie.titel, 'changed', c.actie);
  for (const a of agenda.withoutOwner) add('actie', a.id, a.nummer, a.titel, 'withoutOwner', a);
  for (const c of agenda.portfolioChanges) add('portfolio', c.item.id, c.item.key, c.item.titel, 'portfolio');
  return [...items.values()];
}

/** Per item of this meeting: whether it is ticked (the latest tick wins) and the decisions recorded for it. */
export function recordedState(
  besluiten: readonly Loaded<Besluit>[],
  occurrence: string,
): Map<string, { besproken: boolean; besluiten: string[] }> {
  const state = new Map<string, { besproken: boolean; besluiten: string[] }>();
  for (const b of besluiten) {
    if (b.value.vergadering !== occurrence) continue;
    const itemKey = b.value.actieId
      ? `actie:${b.value.actieId}`
      : b.value.portfolioItemId
        ? `portfolio:${b.value.portfolioItemId}`
        : 'algemeen';
    const entry = state.get(itemKey) ?? { besproken: false, besluiten: [] };
    entry.besproken = b.value.besproken;
    if (b.value.tekst !== '') entry.besluiten.push(b.value.tekst);
    state.set(itemKey, entry);
  }
  return state;
}

/** The agenda of one meeting as the side panel shows it: the same composition as the reminder card. */
export function panelAgenda(input: {
  mt: Pick<MT, 'key' | 'naam' | 'domeinen'>;
  mtId: string;
  occurrenceStart: Date;
  nextOccurrenceStart?: Date;
  now: Date;
  acties: AgendaInput['acties'];
  portfolio: NonNullable<AgendaInput['portfolio']>;
  kwartaaldoelen: NonNullable<AgendaInput['kwartaaldoelen']>;
  besluiten: readonly Loaded<Besluit>[];
  herinneringen: readonly Loaded<Herinnering>[];
  /** The escalations to the CMT still open; the CMT's agenda lists them ("Geagendeerd door de MT's"). */
  agenderingen?: AgendaInput['agenderingen'];
  /** The rows per domain of shared actions: a domain MT sees its own row, the CMT the breakdown (as on the card). */
  domeinVoortgang?: AgendaInput['domeinVoortgang'];
  /** The secretary's choices (composeAgenda keeps this meeting's): the side panel lists what the card lists. */
  keuzes?: AgendaInput['keuzes'];
  /** The site's set-up (read with the plan): which domain is the CMT's. */
  inrichting?: AgendaInput['inrichting'];
}): { agenda: Agenda; previousKey?: string } {
  const previousKey = previousOccurrenceKey(
    input.mt.key,
    input.mtId,
    input.occurrenceStart,
    input.besluiten,
    input.herinneringen,
  );
  const agendaInput: AgendaInput = {
    mt: input.mt,
    occurrenceStart: input.occurrenceStart,
    now: input.now,
    acties: input.acties,
    portfolio: input.portfolio,
    kwartaaldoelen: input.kwartaaldoelen,
  };
  if (input.nextOccurrenceStart) agendaInput.nextOccurrenceStart = input.nextOccurrenceStart;
  if (input.agenderingen && input.agenderingen.length > 0) agendaInput.agenderingen = input.agenderingen;
  if (input.domeinVoortgang && input.domeinVoortgang.length > 0) agendaInput.domeinVoortgang = input.domeinVoortgang;
  if (input.keuzes && input.keuzes.length > 0) agendaInput.keuzes = input.keuzes;
  if (input.inrichting) agendaInput.inrichting = input.inrichting;
  if (previousKey) {
    const reminder = input.herinneringen.find((h) => h.value.sleutel === previousKey);
    const snapshot = parseSnapshot(reminder?.value.snapshot);
    if (snapshot) agendaInput.previous = snapshot;
    agendaInput.previousDecisions = input.besluiten
      .filter((b) => b.value.vergadering === previousKey)
      .map((b) => b.value.tekst);
  }
  return previousKey ? { agenda: composeAgenda(agendaInput), previousKey } : { agenda: composeAgenda(agendaInput) };
}

export { occurrenceKey };
