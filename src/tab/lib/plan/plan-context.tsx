import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Actie, Domein, PersonRef } from '../../../domain/model.js';
import { compareActienummers } from '../../../domain/actienummer.js';
import { concernDomein } from '../../../domain/inrichting-basis.js';
import { findSiteUser } from '../../../domain/site-user.js';
import type { Loaded } from '../../../data/lists/field-reader.js';
import { actieForDomein, type DomeinVoortgang } from '../../../domain/domein-voortgang.js';
import { withRollUp, type LoadedPlan } from '../../../data/plan-store.js';
import { useDomeinChoice, useScope, viewedDomein } from '../../app/scope.js';
import type { DataSession } from '../data-session.js';
import { planCacheKey, readCachedPlan, writeCachedPlan } from './plan-cache.js';
import { bootCachedPlan, bootColdPlan, takePlanBoot, type PlanBoot } from './plan-boot.js';
import type { PlanSnapshot } from './snapshot.js';

export type PlanStatus = 'loading' | 'ready' | 'error';

export type PlanState = {
  status: PlanStatus;
  /** The plan with this person's unsaved (optimistic) changes applied. */
  plan?: LoadedPlan;
  /** The plan shown came from the browser cache and is being checked against the site. */
  fromCache: boolean;
  refreshing: boolean;
  /** The last load error; with a cached plan the plan stays visible and this is shown beside it. */
  error?: unknown;
  savedAt?: string;
  siteId?: string;
};

export type PlanContextValue = PlanState & {
  /** The signed-in person as a site user, when the site knows them. */
  me?: PersonRef;
  userKey: string;
  now: Date;
  reload(): void;
  /** The data session (Graph client and stores), created on first use. */
  session(): Promise<DataSession>;
  /** Shows `item` instead of the stored item until `clearOverride` (optimistic update). */
  setOverride(item: Loaded<Actie>): void;
  clearOverride(id: string): void;
  /** Puts a saved item into the plan (and the cache), replacing the old version; a new item is added. */
  replaceActie(item: Loaded<Actie>): void;
  /** The stored (not overridden) version of an item. */
  storedActie(id: string): Loaded<Actie> | undefined;
};

const PlanContext = createContext<PlanContextValue | undefined>(undefined);

export function usePlanContext(): PlanContextValue {
  const value = useContext(PlanContext);
  if (!value) throw new Error('usePlanContext outside PlanProvider');
  return value;
}

/** The plan with `item` in it: replacing its old version, or added in number order when it is new. */
function withActie(plan: LoadedPlan, item: Loaded<Actie>): LoadedPlan {
  // A saved action comes back with its stored status; a shared action shows the roll-up of its domains again.
  const [rolled = item] = withRollUp([item], plan.domeinVoortgang);
  if (plan.acties.some((a) => a.id === item.id))
    return { ...plan, acties: plan.acties.map((a) => (a.id === item.id ? rolled : a)) };
  // A new action (Nieuwe actie) joins the plan in number order.
  return {
    ...plan,
    acties: [...plan.acties, rolled].sort((a, b) => compareActienummers(a.value.nummer, b.value.nummer)),
  };
}

/**
 * The plan as one domain's tab shows it: every shared action with that domain's own row (status, owner, deadline).
 * The CMT's (the set-up's concern domain) sees the roll-up, as its card does (docs/domein-voortgang.md, "Who sees
 * what"); its own row of an action it shares (11.5) is in the action's detail.
 */
function forDomein(plan: LoadedPlan, domein: Domein): LoadedPlan {
  if (domein === concernDomein(plan.inrichting)) return plan;
  const perActie = new Map<string, DomeinVoortgang[]>();
  for (const r of plan.domeinVoortgang) perActie.set(r.value.actie, [...(perActie.get(r.value.actie) ?? []), r.value]);
  return {
    ...plan,
    projectedFor: domein,
    acties: plan.acties.map((a) => {
      const rijen = perActie.get(a.value.nummer);
      if (!rijen) return a;
      const value = actieForDomein(a.value, rijen, domein);
      return value === a.value ? a : { ...a, value };
    }),
  };
}

const MINUTE = 60_000;
/**
 * People change the plan elsewhere too (a card's button in the channel, SharePoint, another tab): an open tab brings
 * it up to date with a delta (one small `$batch`) when it comes back into view, and every `PLAN_REFRESH_EVERY_MS`
 * while it is visible; not within `PLAN_REFRESH_GAP_MS` of the last load, so a focus right after the start asks nothing.
 */
export const PLAN_REFRESH_EVERY_MS = 2 * MINUTE;
export const PLAN_REFRESH_GAP_MS = 30_000;

/**
 * Holds the plan for the views: first from the browser cache (first paint without the network), then
 * revalidated against the site. Also the place where optimistic changes live until the site confirms them.
 */
export function PlanProvider({
  siteUrl,
  userKey,
  createSession,
  onFirstView,
  children,
}: {
  siteUrl: string;
  userKey: string;
  createSession: () => Promise<DataSession>;
  /** Called once, when the first plan (or the first error) is on screen. */
  onFirstView?: () => void;
  children: ReactNode;
}) {
  const cacheKey = planCacheKey(siteUrl, userKey);
  // A warm start: the boot read the plan from the cache before React mounted, so the first render shows it (an
  // effect adopting it would first commit a spinner, then the plan). The effect below then brings it up to date.
  // A cold start whose `$batch` answered before React mounted (plan-boot.ts, COLD_PLAN_WAIT_MS) starts from that plan:
  // it is fresh, so the effect below only stores it.
  // The cold plan first: where localStorage cannot be read the boot reads the cache and loads cold at once, and when
  // both are in, the cold plan is the newer one (and stored already).
  const [fromBoot] = useState(() => {
    const cold = bootColdPlan(cacheKey);
    if (cold) return { snapshot: cold, fromCache: false };
    const cached = bootCachedPlan(cacheKey);
    return cached ? { snapshot: cached, fromCache: true } : undefined;
  });
  const [state, setState] = useState<PlanState>(() =>
    fromBoot
      ? {
          status: 'ready',
          fromCache: fromBoot.fromCache,
          refreshing: fromBoot.fromCache,
          savedAt: fromBoot.snapshot.savedAt,
          siteId: fromBoot.snapshot.siteId,
        }
      : { status: 'loading', fromCache: false, refreshing: true },
  );
  const [snapshot, setSnapshot] = useState<PlanSnapshot | undefined>(fromBoot?.snapshot);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, Loaded<Actie>>>(new Map());
  const [attempt, setAttempt] = useState(0);
  const [now, setNow] = useState(() => new Date());
  const sessionRef = useRef<Promise<DataSession> | undefined>(undefined);
  const snapshotRef = useRef<PlanSnapshot | undefined>(fromBoot?.snapshot);
  /** The fresh plan the first render started from, stored once by the load effect instead of loaded again. */
  const freshFromBoot = useRef(fromBoot && !fromBoot.fromCache ? fromBoot.snapshot : undefined);
  const firstViewDone = useRef(false);

  // `createSession` is a new function whenever the sign-in above renders again (a new user object for the same
  // person: SignedIn is keyed by the person). A `session` that changed with it started the load effect again, which
  // then asked for the plan a second time; so `session` is stable and calls the latest `createSession`.
  const createSessionRef = useRef(createSession);
  useEffect(() => {
    createSessionRef.current = createSession;
  }, [createSession]);
  const session = useCallback(() => {
    sessionRef.current ??= createSessionRef.current().catch((error: unknown) => {
      sessionRef.current = undefined;
      throw error;
    });
    return sessionRef.current;
  }, []);
  // The work main.tsx started before React mounted, held until a load finished with it: a load that React cancels
  // (StrictMode's second mount in development) leaves it to the next one, which waits for the same requests.
  const bootRef = useRef<PlanBoot | undefined>(undefined);

  const adopt = useCallback(
    /** @param stored the plan is in the cache already (the boot's cold plan: plan-boot.ts writes it) */
    (next: PlanSnapshot, fromCache: boolean, stored = fromCache) => {
      snapshotRef.current = next;
      setSnapshot(next);
      setState({ status: 'ready', fromCache, refreshing: fromCache, savedAt: next.savedAt, siteId: next.siteId });
      if (!stored) void writeCachedPlan(cacheKey, next);
    },
    [cacheKey],
  );

  useEffect(() => {
    let cancelled = false;
    // The work main.tsx started before React mounted (token and cold $batch, or on a warm start only the cache read),
    // taken over once per page.
    bootRef.current ??= takePlanBoot(cacheKey);
    const early = bootRef.current?.cacheKey === cacheKey ? bootRef.current : undefined;
    const done = () => {
      if (bootRef.current === early) bootRef.current = undefined;
    };
    if (early)
      sessionRef.current ??= early.session().catch((error: unknown) => {
        sessionRef.current = undefined;
        throw error;
      });
    // The first render showed the boot's fresh cold plan (which the boot stored): nothing to load.
    const fresh = freshFromBoot.current;
    freshFromBoot.current = undefined;
    if (fresh && snapshotRef.current === fresh) {
      done();
      return;
    }
    // Unchanged on the first load (no second render of the views right after the first).
    setState((s) => (s.refreshing && s.error === undefined ? s : { ...s, refreshing: true, error: undefined }));
    (async () => {
      // The cache and the data session's code load at the same time; the cache usually wins.
      const sessionPromise = session();
      if (!snapshotRef.current) {
        const cached = await (early ? early.cached : readCachedPlan(cacheKey));
        if (cancelled) return;
        if (cached) adopt(cached, true);
      }
      // A cold load the boot started beside the cache read (localStorage unreadable: plan-boot.ts) brings the whole
      // plan, newer than the cached one and stored already: it replaces the cached plan instead of a delta on top of
      // it. (With the mark the boot loads cold only when the cache was empty, and without it the cache is read only
      // when the cold load failed, so this is undefined then.)
      const newerCold = early && snapshotRef.current ? await early.cold.catch(() => undefined) : undefined;
      if (cancelled) return;
      if (newerCold) {
        done();
        adopt(newerCold, false, true);
        return;
      }
      const s = await sessionPromise;
      const previous = snapshotRef.current;
      if (previous) {
        const { snapshot: next, changed } = await s.refresh(previous);
        if (cancelled) return;
        done();
        // The person saved meanwhile (`replaceActie`): this delta started before that write and would put the old
        // version back. Drop it, delta links too, and ask again from the plan with the write in it.
        if (snapshotRef.current !== previous) {
          setAttempt((n) => n + 1);
          return;
        }
        if (changed) {
          adopt(next, false);
        } else {
          // Nothing changed: keep the plan object (no re-render of the views), store the new delta links.
          const kept = { ...next, plan: previous.plan };
          snapshotRef.current = kept;
          void writeCachedPlan(cacheKey, kept);
          setState((st) => ({
            ...st,
            status: 'ready',
            fromCache: false,
            refreshing: false,
            savedAt: kept.savedAt,
            siteId: kept.siteId,
          }));
        }
      } else {
        const bootCold = early ? await early.cold : undefined;
        const next = bootCold ?? (await s.loadCold());
        if (cancelled) return;
        done();
        adopt(next, false, bootCold !== undefined);
      }
    })().catch((error: unknown) => {
      if (cancelled) return;
      // A retry starts its own requests.
      done();
      console.error('Plan load failed', error);
      setState((s) => ({ ...s, status: snapshotRef.current ? 'ready' : 'error', refreshing: false, error }));
    });
    return () => {
      cancelled = true;
    };
  }, [cacheKey, session, adopt, attempt]);

  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), MINUTE);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    if (firstViewDone.current || state.status === 'loading') return;
    firstViewDone.current = true;
    onFirstView?.();
  }, [state.status, onFirstView]);

  const replaceActie = useCallback(
    (item: Loaded<Actie>) => {
      const current = snapshotRef.current;
      if (!current) return;
      const next = { ...current, plan: withActie(current.plan, item), savedAt: new Date().toISOString() };
      snapshotRef.current = next;
      setSnapshot(next);
      void writeCachedPlan(cacheKey, next);
    },
    [cacheKey],
  );

  const setOverride = useCallback((item: Loaded<Actie>) => {
    setOverrides((m) => new Map(m).set(item.id, item));
  }, []);
  const clearOverride = useCallback((id: string) => {
    setOverrides((m) => {
      if (!m.has(id)) return m;
      const next = new Map(m);
      next.delete(id);
      return next;
    });
  }, []);
  const storedActie = useCallback((id: string) => snapshotRef.current?.plan.acties.find((a) => a.id === id), []);

  // The domain the tab shows (the header's choice; the side panel's MT): its own row of every shared action.
  const scope = useScope();
  const [choice] = useDomeinChoice();
  const plan = useMemo(() => {
    if (!snapshot) return undefined;
    const base =
      overrides.size === 0
        ? snapshot.plan
        : { ...snapshot.plan, acties: snapshot.plan.acties.map((a) => overrides.get(a.id) ?? a) };
    const domein = viewedDomein(scope, choice, base.inrichting);
    return domein ? forDomein(base, domein) : base;
  }, [snapshot, overrides, scope, choice]);

  const me = useMemo(() => (plan ? findSiteUser(plan.users, { upn: userKey }) : undefined), [plan, userKey]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const lastLoad = useRef(Date.now());
  useEffect(() => {
    lastLoad.current = Date.now();
  }, [attempt]);
  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== 'visible' || !snapshotRef.current) return;
      if (Date.now() - lastLoad.current < PLAN_REFRESH_GAP_MS) return;
      // At once, not when React has re-rendered: `focus` and `visibilitychange` come together.
      lastLoad.current = Date.now();
      reload();
    };
    document.addEventListener('visibilitychange', refresh);
    window.addEventListener('focus', refresh);
    const timer = setInterval(refresh, PLAN_REFRESH_EVERY_MS);
    return () => {
      document.removeEventListener('visibilitychange', refresh);
      window.removeEventListener('focus', refresh);
      clearInterval(timer);
    };
  }, [reload]);

  const value = useMemo<PlanContextValue>(
    () => ({
      ...state,
      ...(plan ? { plan } : {}),
      ...(me ? { me } : {}),
      userKey,
      now,
      reload,
      session,
      setOverride,
      clearOverride,
      replaceActie,
      storedActie,
    }),
    [state, plan, me, userKey, now, reload, session, setOverride, clearOverride, replaceActie, storedActie],
  );
  return <PlanContext.Provider value={value}>{children}</PlanContext.Provider>;
}
