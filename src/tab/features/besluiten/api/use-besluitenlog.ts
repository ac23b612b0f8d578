import { useMemo } from 'react';
import { besluitenLog, type BesluitLogEntry, type BesluitLogInput } from '../../../../domain/besluitenlog.js';
import type { MT, PersonRef } from '../../../../domain/model.js';
import { BESLUITEN_READ, compareBesluiten } from '../../../../data/besluiten-store.js';
import type { Graph } from '../../../../data/graph/client.js';
import { readListsInOneBatch } from '../../../../data/list-batch.js';
import { toBesluit, type Besluit } from '../../../../data/lists/besluiten.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { INRICHTING_READ, inrichtingFromItems } from '../../../../data/lists/inrichting.js';
import { mtFieldNames, toMT } from '../../../../data/lists/mts.js';
import { portfolioFieldNames, toPortfolioItem } from '../../../../data/lists/portfolio.js';
import type { LoadedPlan } from '../../../../data/plan-store.js';
import { useT } from '../../../i18n/i18n.js';
import { personName } from '../../../lib/labels.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';

/** What the log reads beyond the plan the tab already holds (actions and site users come from there). */
export type BesluitenLogRaw = {
  besluiten: Loaded<Besluit>[];
  mts: Loaded<MT>[];
  portfolio: { id: string; value: { titel: string } }[];
};

/**
 * The decision log, the MTs and the portfolio titles in ONE `$batch` (no version histories, no reminder log): the
 * cheapest read that resolves every link of the log.
 */
export async function loadBesluitenLogRaw(graph: Graph, siteId: string): Promise<BesluitenLogRaw> {
  const raw = await readListsInOneBatch(graph, siteId, [
    { id: 'besluiten', ...BESLUITEN_READ },
    { id: 'mts', list: 'MTs', fields: mtFieldNames },
    { id: 'portfolio', list: 'Portfolio', fields: portfolioFieldNames },
    { id: 'inrichting', ...INRICHTING_READ },
  ]);
  const noUsers = new Map<string, PersonRef>();
  const { inrichting } = inrichtingFromItems(raw.inrichting ?? []);
  return {
    besluiten: (raw.besluiten ?? []).map(toBesluit).sort(compareBesluiten),
    mts: (raw.mts ?? [])
      .map((item) => toMT(item, inrichting))
      .sort((a, b) => a.value.naam.localeCompare(b.value.naam, 'nl')),
    portfolio: (raw.portfolio ?? []).map((item) => {
      const p = toPortfolioItem(item, noUsers, inrichting);
      return { id: p.id, value: { titel: p.value.titel } };
    }),
  };
}

/** The input of the pure `besluitenLog`, with the actions and people of the tab's plan. */
export function logInputOf(
  raw: BesluitenLogRaw,
  plan: Pick<LoadedPlan, 'acties' | 'users'>,
  naam: (person: PersonRef) => string = (person) => person.displayName,
): BesluitLogInput {
  const mensen = new Map<string, string>();
  for (const u of plan.users) if (u.id !== undefined) mensen.set(u.id, naam(u));
  return {
    besluiten: raw.besluiten,
    mts: raw.mts.map((m) => ({ id: m.id, value: { key: m.value.key, naam: m.value.naam } })),
    acties: plan.acties.map((a) => ({ id: a.id, value: { nummer: a.value.nummer, titel: a.value.titel } })),
    portfolio: raw.portfolio,
    mensen,
  };
}

export type BesluitenLogState = {
  status: 'loading' | 'ready' | 'error';
  entries: BesluitLogEntry[];
  mts: Loaded<MT>[];
  /** The last read's failure, also while the log loaded before is still shown. */
  error?: unknown;
  fetching: boolean;
  reload(): void;
};

/**
 * Loads the decision log through the tab's data session and joins it with the plan the tab holds. A failed read
 * keeps the log loaded before (the tab's one load pattern, `useTabQuery`).
 */
export function useBesluitenLog(): BesluitenLogState {
  const { plan } = usePlanContext();
  const t = useT();
  const load = useTabQuery(['besluitenlog'], async ({ session, siteId }) =>
    loadBesluitenLogRaw((await session()).graph, siteId),
  );
  const raw = load.data;
  // People in the UI's language: a site user without a name is "User {id}" in English, not the data's Dutch.
  const entries = useMemo(
    () => (raw && plan ? besluitenLog(logInputOf(raw, plan, (person) => personName(t, person))) : []),
    [raw, plan, t],
  );
  return {
    status: load.status,
    entries,
    mts: raw?.mts ?? [],
    ...(load.error !== undefined ? { error: load.error } : {}),
    fetching: load.fetching,
    reload: load.reload,
  };
}
