import { useCallback, useEffect, useMemo, useRef } from 'react';
import { isoInstant, occurrenceKey } from '../../../../domain/agenda.js';
import type { AgendaKeuze, AgendaKeuzeKind } from '../../../../domain/agenda-keuze.js';
import { agendakeuzesSince, createAgendaKeuzesStore } from '../../../../data/agendakeuzes-store.js';
import { listReadUrl } from '../../../../data/list-batch.js';
import { toAgendaKeuze } from '../../../../data/lists/agendakeuzes.js';
import type { ListItem } from '../../../../data/lists/list-definition.js';
import { concernDomein, type Inrichting } from '../../../../domain/inrichting-basis.js';
import type { Domein } from '../../../../domain/model.js';
import { parseMeetingSchedule, type MeetingSchedule } from '../../../../domain/schedule.js';
import type { Agendering } from '../../../../domain/agendering.js';
import { agenderingBesluit, createBesluitenStore } from '../../../../data/besluiten-store.js';
import type { Besluit } from '../../../../data/lists/besluiten.js';
import type { Loaded } from '../../../../data/lists/field-reader.js';
import { loadMTSettings, type MTSettingsData } from '../../../../data/mts-store.js';
import { loadPortfolio, type LoadedPortfolio } from '../../../../data/portfolio-store.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { queryClient, tabQueryKey } from '../../../lib/query/query-client.js';
import { useTabQuery } from '../../../lib/query/use-tab-query.js';
import { mtForDomein, panelAgenda } from '../lib/panel-data.js';

/** The first meeting of a schedule strictly after an instant (the instellingen feature's computation, handed in). */
export type NextMeeting = (schedule: MeetingSchedule, after: Date) => Date | undefined;

/** A meeting counts as "current" until this long after its start, so the panel keeps it during the meeting. */
const MEETING_LENGTH_MS = 4 * 3_600_000;
const LOG_DAYS = 120;

type Loadedata = {
  settings: MTSettingsData;
  portfolio: LoadedPortfolio;
  besluiten: Loaded<Besluit>[];
  agenderingen: Loaded<Agendering>[];
  /** The secretaries' choices for the meetings of the last `LOG_DAYS` days and later (issue 14.3). */
  keuzes: Loaded<AgendaKeuze>[];
};

/** The CMT's tick of an escalation: its item as read (id + eTag for If-Match) and the optional decision. */
export type TickOffInput = {
  agenderingId: string;
  eTag: string;
  besluit: string;
  /** Called once the tick is stored, before the item leaves the agenda (the decision log's write comes after). */
  onTicked?: () => void;
  /**
   * The tick is stored but its entry in the decision log could not be written: called instead of rejecting (the item
   * has left the agenda, and its row with it), with a retry that writes the same entry (its ClientKey: never twice).
   */
  onLogFailed?: (failure: LogFailure) => void;
};

/** A decision log entry that did not get written after a stored tick, and how to write it again. */
export type LogFailure = { error: unknown; retry: () => Promise<void> };

export type SaveInput = { itemKey: string; besproken: boolean; tekst: string; clientKey: string };

/** A secretary's choice for one action of this meeting (issue 14.3). */
export type KeuzeInput = { actieId: string; keuze: AgendaKeuzeKind; reden?: string };

/**
 * Which MT and meeting: the side panel takes the MT of its domain and keeps the current meeting until it is over; the
 * "Volgende vergadering" view names the MT by key (`mtKey`) and takes the first meeting after now (`upcoming`).
 */
export type MeetingOptions = { mtKey?: string; upcoming?: boolean };

function pickMt<T extends { value: { key: string; actief?: boolean } }>(
  mts: readonly (T & { value: Parameters<typeof mtForDomein>[0][number]['value'] })[],
  domein: Domein | undefined,
  mtKey: string | undefined,
  inrichting: Inrichting | undefined,
): T | undefined {
  if (mtKey !== undefined) return mts.find((m) => m.value.key === mtKey && m.value.actief !== false);
  return mtForDomein(mts, domein, inrichting);
}

/** Everything the side panel shows, read once (MTs + log, portfolio, the MT's decisions) and composed in the browser. */
export function useMeeting(
  domein: Domein | undefined,
  requestedStart: Date | undefined,
  nextMeeting: NextMeeting | undefined,
  options: MeetingOptions = {},
) {
  const { mtKey, upcoming = false } = options;
  const { session, siteId, now, plan, me, userKey } = usePlanContext();

  // `now` ticks every minute and the plan changes with every edit; reading again for either is not wanted, so the
  // read takes them when it runs. The escalations are read with the plan's people and actions: it waits for the plan.
  const latest = useRef({ now, plan });
  useEffect(() => {
    latest.current = { now, plan };
  });
  const havePlan = plan !== undefined;
  const queryKey = useMemo(
    () => tabQueryKey(userKey, siteId ?? '', 'meeting', domein ?? '', mtKey ?? ''),
    [userKey, siteId, domein, mtKey],
  );
  const state = useTabQuery(
    ['meeting', domein ?? '', mtKey ?? ''],
    async ({ session, siteId }): Promise<Loadedata> => {
      const { plan, now } = latest.current;
      if (!plan) throw new Error('Geen plan');
      const since = new Date(now.getTime() - LOG_DAYS * 86_400_000);
      const s = await session();
      const [settings, portfolio] = await Promise.all([
        loadMTSettings(s.graph, siteId, since),
        loadPortfolio(s.graph, siteId),
      ]);
      const mt = pickMt(settings.mts, domein, mtKey, plan.inrichting);
      const besluiten = mt ? await createBesluitenStore(s.graph, siteId).ofMt(mt.id) : [];
      // Only the CMT's agenda lists escalations; the store's code loads only there.
      const agenderingen = mt?.value.domeinen.includes(concernDomein(plan.inrichting))
        ? await (await s.agenderingen(siteId, plan)).open()
        : [];
      // Every MT's choices from the log window on, in one read: the meeting is known only once the MT is.
      const keuzes = (
        await s.graph.getAll<ListItem>(listReadUrl(siteId, agendakeuzesSince(new Date(since.getTime()))))
      ).map(toAgendaKeuze);
      return { settings, portfolio, besluiten, agenderingen, keuzes };
    },
    { enabled: havePlan },
  );
  const data = state.data;
  /** A write of the view's own goes into the cache (what the view shows), without a read. */
  const setData = useCallback(
    (update: (d: Loadedata | undefined) => Loadedata | undefined) =>
      queryClient.setQueryData<Loadedata>(queryKey, update),
    [queryKey],
  );
  /** Someone else changed it first (412): read everything again. */
  const readAgain = useCallback(() => void queryClient.invalidateQueries({ queryKey }), [queryKey]);

  const mt = data ? pickMt(data.settings.mts, domein, mtKey, plan?.inrichting) : undefined;
  const schedule = mt?.value.schema ? parseMeetingSchedule(mt.value.schema) : undefined;
  const start = useMemo(() => {
    if (requestedStart) return requestedStart;
    if (!schedule || !nextMeeting) return undefined;
    return nextMeeting(schedule, upcoming ? now : new Date(now.getTime() - MEETING_LENGTH_MS));
    // Recomputed when the minute ticks: a finished meeting gives way to the next one.
  }, [requestedStart, schedule, nextMeeting, now, upcoming]);
  const vergadering = mt && start ? occurrenceKey(mt.value.key, start) : undefined;
  const keuzes = useMemo(
    () => (data && vergadering ? data.keuzes.filter((k) => k.value.vergadering === vergadering) : []),
    [data, vergadering],
  );

  const composed = useMemo(() => {
    if (!data || !mt || !plan || !start) return undefined;
    const next = schedule && nextMeeting ? nextMeeting(schedule, start) : undefined;
    return panelAgenda({
      mt: mt.value,
      mtId: mt.id,
      occurrenceStart: start,
      ...(next ? { nextOccurrenceStart: next } : {}),
      now,
      acties: plan.acties.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value })),
      portfolio: data.portfolio.items.map((p) => ({ id: p.id, value: p.value })),
      kwartaaldoelen: data.portfolio.kwartaaldoelen.map((k) => k.value),
      besluiten: data.besluiten,
      herinneringen: data.settings.herinneringen,
      agenderingen: data.agenderingen.map((a) => ({ id: a.id, eTag: a.eTag, value: a.value })),
      domeinVoortgang: plan.domeinVoortgang.map((r) => ({ id: r.id, eTag: r.eTag, value: r.value })),
      keuzes: keuzes.map((k) => ({ id: k.id, value: k.value })),
      inrichting: plan.inrichting,
    });
  }, [data, mt, plan, start, schedule, nextMeeting, now, keuzes]);

  /**
   * The secretary's "Ook bespreken" or "Niet nodig" for an action of this meeting: a create (ClientKey of meeting and
   * action) or an If-Match update of the action's earlier choice. A conflict reloads and is rethrown for the view.
   */
  const kiezen = useCallback(
    async (input: KeuzeInput): Promise<void> => {
      if (!siteId || !plan || !mt || !start || !vergadering) throw new Error('Geen vergadering');
      const actie = plan.acties.find((a) => a.id === input.actieId);
      if (!actie) throw new Error(`Actie ${input.actieId} staat niet (meer) in het plan.`);
      const current = keuzes.find((k) => k.value.actieId === input.actieId);
      const s = await session();
      try {
        const saved = await createAgendaKeuzesStore(s.graph, siteId).kiezen(
          {
            vergadering,
            vergadermoment: isoInstant(start),
            actieId: actie.id,
            actieNummer: actie.value.nummer,
            keuze: input.keuze,
            ...(input.reden !== undefined ? { reden: input.reden } : {}),
            ...(me?.id ? { doorId: me.id } : {}),
            ...(me?.displayName ? { doorNaam: me.displayName } : {}),
            op: isoInstant(new Date()),
          },
          current,
        );
        setData((d) => (d ? { ...d, keuzes: [...d.keuzes.filter((k) => k.id !== saved.id), saved] } : d));
      } catch (error) {
        if (error instanceof Error && error.name === 'AgendaKeuzeConflictError') readAgain();
        throw error;
      }
    },
    [session, siteId, plan, mt, start, vergadering, keuzes, me, setData, readAgain],
  );

  /** Withdraws the action's choice of this meeting (If-Match): the agenda lists it as it would without one. */
  const intrekken = useCallback(
    async (actieId: string): Promise<void> => {
      if (!siteId) throw new Error('Geen vergadering');
      const current = keuzes.find((k) => k.value.actieId === actieId);
      if (!current) return;
      const nummer = plan?.acties.find((a) => a.id === actieId)?.value.nummer ?? actieId;
      const s = await session();
      try {
        await createAgendaKeuzesStore(s.graph, siteId).intrekken({ ...current, actieNummer: nummer });
        setData((d) => (d ? { ...d, keuzes: d.keuzes.filter((k) => k.id !== current.id) } : d));
      } catch (error) {
        if (error instanceof Error && error.name === 'AgendaKeuzeConflictError') readAgain();
        throw error;
      }
    },
    [session, siteId, keuzes, plan, setData, readAgain],
  );

  /**
   * The CMT ticks an escalation as discussed, with If-Match on the eTag it was read with; the item then leaves the
   * agenda. A 412 (someone else ticked it first) throws `AgenderingConflictError`; the caller reloads.
   */
  const afvinken = useCallback(
    async (input: TickOffInput): Promise<void> => {
      if (!siteId || !plan || !data) throw new Error('Geen vergadering');
      const current = data.agenderingen.find((a) => a.id === input.agenderingId);
      if (!current) throw new Error('Dit punt is al afgevinkt.');
      const store = await (await session()).agenderingen(siteId, plan);
      const besluit = input.besluit.trim();
      const op = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
      await store.afhandelen(
        { ...current, eTag: input.eTag },
        { op, ...(me ? { door: me } : {}), ...(besluit ? { besluit } : {}) },
      );
      input.onTicked?.();
      // The item leaves the agenda once its decision log entry is written (or has failed and been said): were it to
      // leave before, a person closing the panel then could cut off that write.
      const leave = () =>
        setData((d) => (d ? { ...d, agenderingen: d.agenderingen.filter((a) => a.id !== input.agenderingId) } : d));
      // The decision also goes into this meeting's decision log, on the escalated action, like the card's tick does.
      const escalated = plan.acties.find((a) => a.value.nummer === current.value.actie);
      const entry =
        mt && start
          ? agenderingBesluit({
              agenderingId: current.id,
              besluit,
              vergadering: occurrenceKey(mt.value.key, start),
              mtId: mt.id,
              ...(escalated ? { actieId: escalated.id } : {}),
              ...(me?.id ? { doorId: me.id } : {}),
              op,
            })
          : undefined;
      if (entry) {
        const recordEntry = async (): Promise<void> => {
          const s = await session();
          const saved = await createBesluitenStore(s.graph, siteId).record(entry.besluit, entry.clientKey);
          setData((d) =>
            d
              ? { ...d, besluiten: d.besluiten.some((b) => b.id === saved.id) ? d.besluiten : [...d.besluiten, saved] }
              : d,
          );
        };
        try {
          await recordEntry();
        } catch (error) {
          if (!input.onLogFailed) {
            leave();
            throw error;
          }
          input.onLogFailed({ error, retry: recordEntry });
        }
      }
      leave();
    },
    [session, siteId, plan, data, me, mt, start, setData],
  );

  const save = useCallback(
    async (input: SaveInput): Promise<void> => {
      if (!siteId || !mt || !start) throw new Error('Geen vergadering');
      const s = await session();
      const [kind, id] = input.itemKey.split(':') as [string, string];
      const saved = await createBesluitenStore(s.graph, siteId).record(
        {
          tekst: input.tekst,
          vergadering: occurrenceKey(mt.value.key, start),
          mtId: mt.id,
          ...(kind === 'actie' ? { actieId: id } : {}),
          ...(kind === 'portfolio' ? { portfolioItemId: id } : {}),
          besproken: input.besproken,
          ...(me?.id ? { doorId: me.id } : {}),
          op: new Date().toISOString(),
        },
        input.clientKey,
      );
      setData((d) =>
        d ? { ...d, besluiten: d.besluiten.some((b) => b.id === saved.id) ? d.besluiten : [...d.besluiten, saved] } : d,
      );
    },
    [session, siteId, mt, start, me, setData],
  );

  // What each action is (the report's own words for the seeded ones), for the row's "Omschrijving".
  const omschrijvingen = useMemo(
    () =>
      new Map(
        (plan?.acties ?? []).flatMap((a) => (a.value.omschrijving ? [[a.id, a.value.omschrijving] as const] : [])),
      ),
    [plan],
  );

  return {
    /** Nothing to show yet. */
    loading: state.status === 'loading',
    /** The last read failed; with `data` kept when an earlier read succeeded (`kept`). */
    error: state.error,
    kept: data !== undefined,
    fetching: state.fetching,
    omschrijvingen,
    mt,
    start,
    agenda: composed?.agenda,
    previousKey: composed?.previousKey,
    besluiten: data?.besluiten ?? [],
    save,
    afvinken,
    keuzes,
    kiezen,
    intrekken,
    mts: data?.settings.mts ?? [],
    herinneringen: data?.settings.herinneringen ?? [],
    reload: state.reload,
  };
}
