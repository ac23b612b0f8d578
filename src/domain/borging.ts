/**
 * Borging of recommendation 11.5 ("digitalisering als vast thema in MT-vergaderingen"): per MT, how many meetings got
 * the agenda item, how many were marked discussed, how many decisions were recorded, and which actions sat unchanged
 * through three or more meetings ("stilstaand"). Pure: the reminder log, the decision log and the actions are
 * parameters; the shapes below are what the lists hold, so the data layer's records fit them as they are.
 */
import { compareActienummers } from './actienummer.js';
import { actieUnchangedSince, parseSnapshot, type ActieSnapshot } from './agenda.js';
import type { Actie, MT } from './model.js';
import { isOpen } from './status.js';

/** One line of the reminder log (Herinneringen). */
export type HerinneringRecord = {
  sleutel: string;
  mtId?: string;
  moment: string;
  status?: 'geclaimd' | 'verzonden' | 'mislukt';
  snapshot?: string;
  besprokenOp?: string;
};

/** One line of the decision log (Besluiten): a tick as discussed and/or a decision text. */
export type BesluitRecord = { tekst: string; vergadering: string; mtId?: string; besproken: boolean; op?: string };

/** Actions unchanged through this many meetings in a row count as "stilstaand". */
export const STALL_THRESHOLD = 3;

export type StalledActie = {
  id: string;
  nummer: string;
  titel?: string;
  status: string;
  /** Meetings in a row (up to the latest) whose agenda showed the action exactly like this. */
  vergaderingen: number;
  /** The first of those meetings (ISO). */
  sinds: string;
};

export type BorgingMT = {
  mtId: string;
  mtKey: string;
  naam: string;
  /** Meetings in the log up to the date (sent, failed or still claimed). */
  vergaderingen: number;
  /** Meetings whose agenda item was posted. */
  verzonden: number;
  mislukt: number;
  /** Meetings marked discussed: on the card (Besproken) or by a tick or decision in the side panel. */
  besproken: number;
  /** Decisions with a text. */
  besluiten: number;
  /** Records marked discussed: agenda items ticked in the side panel and decisions recorded on the card. */
  afgevinkt: number;
  /** Of the meetings whose agenda item was posted, the share marked discussed (whole percentage; 0 without any). */
  besprokenPercent: number;
  laatsteVergadering?: string;
  stilstaand: StalledActie[];
};

export type BorgingInput = {
  mts: readonly { id: string; value: Pick<MT, 'key' | 'naam'> }[];
  herinneringen: readonly HerinneringRecord[];
  besluiten: readonly BesluitRecord[];
  /**
   * All actions now (or as on the date), not only one domain's: an action changed after the last meeting is no longer
   * stilstaand, and one that is not in the list (deleted) is left out. Without the list only the snapshots count.
   */
  acties?: readonly { id: string; value: Actie }[];
  /** Only meetings and decisions up to this instant count. */
  tot: Date;
  drempel?: number;
};

function startOfKey(key: string): number {
  return Date.parse(key.slice(key.lastIndexOf('|') + 1));
}

function sameEntry(a: ActieSnapshot, b: ActieSnapshot): boolean {
  return (
    a.status === b.status &&
    (a.eigenaar ?? '') === (b.eigenaar ?? '') &&
    (a.deadline ?? '') === (b.deadline ?? '') &&
    (a.statusToelichting?.text ?? '') === (b.statusToelichting?.text ?? '') &&
    (a.statusToelichting?.hash ?? '') === (b.statusToelichting?.hash ?? '')
  );
}

/**
 * Per MT (in the given order): meetings, sent, failed, discussed, decisions, ticks, and the stilstaande actions.
 * A meeting is the log line of one occurrence; a meeting with a tick or decision but no log line (the side panel used
 * without a reminder) counts as a meeting and as discussed, not as sent.
 */
export function borging(input: BorgingInput): BorgingMT[] {
  const limit = input.tot.getTime();
  const drempel = input.drempel ?? STALL_THRESHOLD;
  const actieById = new Map((input.acties ?? []).map((a) => [a.id, a.value] as const));

  return input.mts.map((mt): BorgingMT => {
    const log = input.herinneringen
      .filter((h) => h.mtId === mt.id && Date.parse(h.moment) <= limit)
      .sort((a, b) => Date.parse(a.moment) - Date.parse(b.moment));
    const besluiten = input.besluiten.filter(
      (b) =>
        (b.mtId === mt.id || b.vergadering.startsWith(`${mt.value.key}|`)) &&
        startOfKey(b.vergadering) <= limit &&
        (b.op === undefined || Date.parse(b.op) <= limit),
    );
    const discussedKeys = new Set(
      besluiten.filter((b) => b.besproken || b.tekst.trim() !== '').map((b) => b.vergadering),
    );
    const meetings = new Set(log.map((h) => h.sleutel));
    for (const k of discussedKeys) meetings.add(k);
    const sent = log.filter((h) => h.status === 'verzonden');
    const sentKeys = new Set(sent.map((h) => h.sleutel));
    let besproken = 0;
    let besprokenVerzonden = 0;
    for (const key of meetings) {
      const line = log.find((h) => h.sleutel === key);
      if (!((line?.besprokenOp && Date.parse(line.besprokenOp) <= limit) || discussedKeys.has(key))) continue;
      besproken += 1;
      if (sentKeys.has(key)) besprokenVerzonden += 1;
    }
    const out: BorgingMT = {
      mtId: mt.id,
      mtKey: mt.value.key,
      naam: mt.value.naam,
      vergaderingen: meetings.size,
      verzonden: sent.length,
      mislukt: log.filter((h) => h.status === 'mislukt').length,
      besproken,
      besluiten: besluiten.filter((b) => b.tekst.trim() !== '').length,
      afgevinkt: besluiten.filter((b) => b.besproken).length,
      besprokenPercent: sent.length === 0 ? 0 : Math.round((besprokenVerzonden / sent.length) * 100),
      stilstaand: stilstaand(sent, input.acties ? actieById : undefined, drempel),
    };
    const last = [...meetings]
      .map(startOfKey)
      .filter((t) => !Number.isNaN(t))
      .sort((a, b) => b - a)[0];
    if (last !== undefined) out.laatsteVergadering = new Date(last).toISOString();
    return out;
  });
}

/** Open actions whose snapshot stayed the same in the latest `drempel` or more sent agendas in a row. */
function stilstaand(
  sent: readonly HerinneringRecord[],
  now: ReadonlyMap<string, Actie> | undefined,
  drempel: number,
): StalledActie[] {
  const snapshots = sent
    .map((h) => ({ moment: h.moment, snapshot: parseSnapshot(h.snapshot) }))
    .filter((s) => s.snapshot !== undefined);
  const latest = snapshots.at(-1);
  if (!latest?.snapshot) return [];
  const out: StalledActie[] = [];
  for (const [id, entry] of Object.entries(latest.snapshot.acties)) {
    if (!isOpen(entry.status)) continue;
    const current = now?.get(id);
    if (now && (!current || !actieUnchangedSince(entry, current))) continue;
    let run = 0;
    let sinds = latest.moment;
    for (let i = snapshots.length - 1; i >= 0; i--) {
      const other = snapshots[i]?.snapshot?.acties[id];
      if (!other || !sameEntry(other, entry)) break;
      run += 1;
      sinds = snapshots[i]?.moment ?? sinds;
    }
    if (run >= drempel) {
      const item: StalledActie = { id, nummer: entry.nummer, status: entry.status, vergaderingen: run, sinds };
      if (current) item.titel = current.titel;
      out.push(item);
    }
  }
  return out.sort((a, b) => b.vergaderingen - a.vergaderingen || compareActienummers(a.nummer, b.nummer));
}
