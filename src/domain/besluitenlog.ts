/**
 * The decision log (issue 8, item 4): decisions recorded in MT meetings, in the side panel or on the agenda card,
 * joined with their MT, action and portfolio item, searchable and filterable. Pure.
 */
import type { BesluitRecord } from './borging.js';

export type BesluitLogInput = {
  besluiten: readonly {
    id: string;
    value: BesluitRecord & { actieId?: string; portfolioItemId?: string; doorId?: string; doorNaam?: string };
  }[];
  mts: readonly { id: string; value: { key: string; naam: string } }[];
  acties: readonly { id: string; value: { nummer: string; titel: string } }[];
  portfolio: readonly { id: string; value: { titel: string } }[];
  /** Site user id → display name. */
  mensen?: ReadonlyMap<string, string>;
};

export type BesluitLogEntry = {
  id: string;
  /** Empty when the item was only ticked as discussed. */
  tekst: string;
  besproken: boolean;
  /** The meeting's start (ISO), from the occurrence key. */
  vergadering: string;
  /** When it was recorded (ISO); absent on items typed into SharePoint without it. */
  op?: string;
  mt?: { id: string; key: string; naam: string };
  actie?: { id: string; nummer: string; titel: string };
  portfolio?: { id: string; titel: string };
  door?: string;
};

function startOf(key: string): string {
  const start = key.slice(key.lastIndexOf('|') + 1);
  return Number.isNaN(Date.parse(start)) ? '' : start;
}

/** Newest meeting first; within a meeting in recorded order. */
function compareEntries(a: BesluitLogEntry, b: BesluitLogEntry): number {
  return (
    b.vergadering.localeCompare(a.vergadering) || (a.op ?? '').localeCompare(b.op ?? '') || Number(a.id) - Number(b.id)
  );
}

/** The log: every recorded item, with its links resolved (a link to a deleted item is left out, the entry stays). */
export function besluitenLog(input: BesluitLogInput): BesluitLogEntry[] {
  const mts = new Map(input.mts.map((m) => [m.id, m] as const));
  const mtByKey = new Map(input.mts.map((m) => [m.value.key, m] as const));
  const acties = new Map(input.acties.map((a) => [a.id, a] as const));
  const portfolio = new Map(input.portfolio.map((p) => [p.id, p] as const));
  return input.besluiten
    .map(({ id, value: b }): BesluitLogEntry => {
      const entry: BesluitLogEntry = {
        id,
        tekst: b.tekst.trim(),
        besproken: b.besproken,
        vergadering: startOf(b.vergadering),
      };
      if (b.op) entry.op = b.op;
      const mt =
        (b.mtId ? mts.get(b.mtId) : undefined) ??
        mtByKey.get(b.vergadering.slice(0, Math.max(0, b.vergadering.lastIndexOf('|'))));
      if (mt) entry.mt = { id: mt.id, key: mt.value.key, naam: mt.value.naam };
      const actie = b.actieId ? acties.get(b.actieId) : undefined;
      if (actie) entry.actie = { id: actie.id, nummer: actie.value.nummer, titel: actie.value.titel };
      const item = b.portfolioItemId ? portfolio.get(b.portfolioItemId) : undefined;
      if (item) entry.portfolio = { id: item.id, titel: item.value.titel };
      // The site user when the site knows them; else the name the card recorded (someone the site does not know).
      const door = (b.doorId ? input.mensen?.get(b.doorId) : undefined) ?? (b.doorNaam?.trim() || undefined);
      if (door) entry.door = door;
      return entry;
    })
    .sort(compareEntries);
}

/** Lower case without diacritics, so "reünie" finds "reunie" and "Besluit" finds "besluit". */
export function searchKey(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export type BesluitFilter = {
  /** Words that must all occur in the text, the MT, the action (number or title), the portfolio item or the person. */
  zoek?: string;
  mtKey?: string;
  /** Only entries with a decision text (leave out mere ticks). */
  alleenBesluiten?: boolean;
  /** Meetings on or after / on or before these instants (ISO). */
  van?: string;
  tot?: string;
  actieId?: string;
  portfolioId?: string;
};

export function filterBesluiten(entries: readonly BesluitLogEntry[], filter: BesluitFilter): BesluitLogEntry[] {
  const words = searchKey(filter.zoek ?? '')
    .split(/\s+/)
    .filter((w) => w !== '');
  const van = filter.van ? Date.parse(filter.van) : undefined;
  const tot = filter.tot ? Date.parse(filter.tot) : undefined;
  return entries.filter((e) => {
    if (filter.mtKey && e.mt?.key !== filter.mtKey) return false;
    if (filter.alleenBesluiten && e.tekst === '') return false;
    if (filter.actieId && e.actie?.id !== filter.actieId) return false;
    if (filter.portfolioId && e.portfolio?.id !== filter.portfolioId) return false;
    const at = Date.parse(e.vergadering);
    if (van !== undefined && !(at >= van)) return false;
    if (tot !== undefined && !(at <= tot)) return false;
    if (words.length === 0) return true;
    const haystack = searchKey(
      [e.tekst, e.mt?.naam, e.actie?.nummer, e.actie?.titel, e.portfolio?.titel, e.door]
        .filter(Boolean)
        .join(' \u0000 '),
    );
    return words.every((w) => haystack.includes(w));
  });
}
