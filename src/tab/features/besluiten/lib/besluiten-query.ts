import type { BesluitFilter } from '../../../../domain/besluitenlog.js';
import { calendarDateToInstant, isValidCalendarDate } from '../../../../domain/dates.js';
import { endOfDay } from '../../../../domain/report.js';
import { concernDomein, ZOETERMEER_INRICHTING, type Inrichting } from '../../../../domain/inrichting-basis.js';
import type { CalendarDate, Domein } from '../../../../domain/model.js';

/** The filters of the decision log as they stand in the URL, so a link reproduces the view. */
export type BesluitenQuery = {
  zoek: string;
  /** An MT key, `ALL_MTS`, or absent for the tab's default. */
  mt?: string;
  alleenBesluiten: boolean;
  van?: CalendarDate;
  tot?: CalendarDate;
  /** Only what was recorded about one action or portfolio item (the link from its detail panel). */
  over?: { kind: 'actie' | 'portfolio'; id: string };
};

/** The `mt` value that asks for every MT in a tab whose default is one MT. */
export const ALL_MTS = 'alle';

const P = { zoek: 'zoek', mt: 'mt', alleen: 'alleen', van: 'van', tot: 'tot', over: 'over' } as const;

export function besluitenQuery(params: URLSearchParams): BesluitenQuery {
  const query: BesluitenQuery = { zoek: params.get(P.zoek) ?? '', alleenBesluiten: params.get(P.alleen) === '1' };
  const mt = params.get(P.mt)?.trim();
  if (mt) query.mt = mt;
  const van = params.get(P.van);
  const tot = params.get(P.tot);
  if (isValidCalendarDate(van)) query.van = van;
  if (isValidCalendarDate(tot)) query.tot = tot;
  const over = /^(actie|portfolio):(\d+)$/.exec(params.get(P.over) ?? '');
  if (over?.[1] && over[2]) query.over = { kind: over[1] as 'actie' | 'portfolio', id: over[2] };
  return query;
}

export function besluitenParams(query: BesluitenQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.zoek !== '') params.set(P.zoek, query.zoek);
  if (query.mt) params.set(P.mt, query.mt);
  if (query.alleenBesluiten) params.set(P.alleen, '1');
  if (query.van) params.set(P.van, query.van);
  if (query.tot) params.set(P.tot, query.tot);
  if (query.over) params.set(P.over, `${query.over.kind}:${query.over.id}`);
  return params;
}

type MtChoice = { key: string; domeinen: readonly Domein[]; actief?: boolean };

/**
 * The MT a tab shows by default: a channel tab of a business domain shows its own MT; the CMT (the set-up's concern
 * domain, Zoetermeer's Concern) and a tab without a domain see every MT.
 */
export function defaultMtKey(
  mts: readonly MtChoice[],
  scope: Domein | undefined,
  inrichting: Inrichting = ZOETERMEER_INRICHTING,
): string | undefined {
  if (scope === undefined || scope === concernDomein(inrichting)) return undefined;
  return mts.find((m) => m.actief !== false && m.domeinen.includes(scope))?.key;
}

/** The MT the log is filtered to (undefined: every MT). */
export function effectiveMtKey(query: BesluitenQuery, defaultKey: string | undefined): string | undefined {
  if (query.mt === ALL_MTS) return undefined;
  return query.mt ?? defaultKey;
}

/** The `mt` parameter for a choice in the MT filter: absent when it is the tab's default. */
export function mtParam(choice: string | undefined, defaultKey: string | undefined): string | undefined {
  if (choice === defaultKey) return undefined;
  return choice ?? ALL_MTS;
}

/** Whether the period is the wrong way round. */
export function periodInvalid(query: BesluitenQuery): boolean {
  return query.van !== undefined && query.tot !== undefined && query.van > query.tot;
}

/** The domain's filter: the period as Amsterdam days, "tot en met" including the whole last day. */
export function toFilter(query: BesluitenQuery, defaultKey: string | undefined): BesluitFilter {
  const filter: BesluitFilter = {};
  if (query.zoek.trim() !== '') filter.zoek = query.zoek;
  const mt = effectiveMtKey(query, defaultKey);
  if (mt) filter.mtKey = mt;
  if (query.alleenBesluiten) filter.alleenBesluiten = true;
  if (query.van) filter.van = calendarDateToInstant(query.van);
  if (query.tot) filter.tot = endOfDay(query.tot).toISOString();
  if (query.over?.kind === 'actie') filter.actieId = query.over.id;
  if (query.over?.kind === 'portfolio') filter.portfolioId = query.over.id;
  return filter;
}

/** Whether any filter beyond the tab's default is set. */
export function hasFilters(query: BesluitenQuery): boolean {
  return (
    query.zoek.trim() !== '' ||
    query.mt !== undefined ||
    query.alleenBesluiten ||
    query.van !== undefined ||
    query.tot !== undefined ||
    query.over !== undefined
  );
}
