/**
 * The progress dashboard's figures for a report date: the date from the URL, the plan on that date (live today,
 * from the version history before), the model `voortgangAt` makes of it (a channel tab's domain only), the trend,
 * the borging per MT, the whole-plan model the documents are made of, and the key figures. The data comes from
 * the caller's `useReportData`; everything here is derived, nothing is written.
 */
import { useMemo } from 'react';
import { borging } from '../../../../domain/borging.js';
import { amsterdamDate, compareCalendarDates, isValidCalendarDate } from '../../../../domain/dates.js';
import type { CalendarDate, Domein } from '../../../../domain/model.js';
import {
  actiesAtDate,
  endOfDay,
  PLANNING_OORDELEN,
  trendPerMonth,
  voortgangAt,
  type ActieAtDate,
  type VoortgangInput,
  type Voortgangsrapportage,
} from '../../../../domain/report.js';
import { planCounts } from '../../../../domain/counts.js';
import { borgingInputOf, voortgangInputOf } from '../../../../data/report-data.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { usePlanContext } from '../../../lib/plan/plan-context.js';
import { usePlanRows } from '../../../lib/plan/use-plan-rows.js';
import { firstVersionDate, historiesOfDomein } from '../lib/history.js';
import type { ReportDataState } from './use-report-data.js';

/** One key figure: its label, number, and the list filter that shows its actions (none: not linkable). */
export type Kpi = { label: MessageKey; value: number; params?: Record<string, string>; testId: string };

/** The report date from the URL: a valid date before today, else today (a future date shows today's state). */
function peildatumOf(params: URLSearchParams | undefined, today: CalendarDate): CalendarDate {
  const requested = params?.get('datum') ?? '';
  return isValidCalendarDate(requested) && compareCalendarDates(requested, today) < 0 ? requested : today;
}

/** The dashboard's model for the report date in `params` (see the file's header). */
export function useVoortgangModel(
  scope: Domein | undefined,
  params: URLSearchParams | undefined,
  report: ReportDataState,
) {
  const { plan, now } = usePlanContext();
  const rows = usePlanRows(scope);

  const today = amsterdamDate(now);
  const peildatum = peildatumOf(params, today);
  const isToday = peildatum === today;
  const data = report.data;

  const live = useMemo((): ActieAtDate[] => plan?.acties.map((a) => ({ id: a.id, value: a.value })) ?? [], [plan]);
  // A channel tab follows the actions that belong to its domain now, on every date and in the trend.
  const inScope = useMemo(
    () => new Set(live.filter((a) => !scope || a.value.domeinen.includes(scope)).map((a) => a.id)),
    [live, scope],
  );

  // Past dates need the history; today is there at once. `existing` counts the plan's actions on the date, any domain.
  const chosen = useMemo((): { input: VoortgangInput; base: VoortgangInput; existing: number } | undefined => {
    if (!plan) return undefined;
    let base: VoortgangInput;
    if (data) base = voortgangInputOf({ ...data, plan }, { peildatum, gemeente: report.gemeente, now });
    else if (isToday)
      base = {
        gemeente: report.gemeente,
        peildatum,
        adviezen: plan.adviezen.map((a) => a.value),
        bevindingen: plan.bevindingen.map((b) => b.value),
        acties: actiesAtDate({ live, histories: [], peildatum, now }),
        inrichting: plan.inrichting,
        // As voortgangInputOf does once the history is read: the counts per domain do not change when it arrives.
        domeinVoortgang: plan.domeinVoortgang.map((r) => r.value),
      };
    else return undefined;
    return {
      input: scope ? { ...base, acties: base.acties.filter((a) => inScope.has(a.id)) } : base,
      base,
      existing: base.acties.length,
    };
  }, [plan, data, peildatum, report.gemeente, now, isToday, live, scope, inScope]);
  const input = chosen?.input;

  // A channel tab shows its domain: adviezen without actions in it are left out (their judgement would say nothing).
  const model = useMemo(
    () => (input ? withoutEmptyAdviezen(voortgangAt(input), scope !== undefined) : undefined),
    [input, scope],
  );
  const noHistory = !isToday && chosen !== undefined && chosen.existing === 0;
  const firstVersion = useMemo(() => (data ? firstVersionDate(data.histories) : undefined), [data]);

  const trend = useMemo(() => {
    if (!data) return undefined;
    const liveDomeinen = new Map(live.map((a) => [a.id, a.value.domeinen] as const));
    const points = trendPerMonth(historiesOfDomein(data.histories, liveDomeinen, scope), peildatum);
    // Today's point is the live plan's, like the key figures above it (the history was read when the view opened).
    const last = points.at(-1);
    return isToday && last && model ? [...points.slice(0, -1), { ...last, counts: model.totals }] : points;
  }, [data, live, scope, peildatum, isToday, model]);

  const borgingRows = useMemo(() => {
    if (!data || !plan || !input) return undefined;
    // Every MT is shown, so "changed since the last meeting" needs all actions, not only this tab's domain.
    return borging({ ...borgingInputOf({ ...data, plan }, endOfDay(peildatum)), acties: chosen?.base.acties ?? [] });
  }, [data, plan, input, chosen, peildatum]);

  // The report for the college and the council is always about the whole plan, also from a channel tab, with the
  // status changes of the last three months and the borging of 11.5 per MT.
  const reportModel = useMemo(
    () =>
      chosen && data && borgingRows
        ? voortgangAt({ ...chosen.base, histories: data.histories, borging: borgingRows })
        : undefined,
    [chosen, data, borgingRows],
  );

  const waiting = useMemo(
    () =>
      planCounts(
        rows.map((r) => r.actie),
        now,
        live.map((a) => a.value),
      ).wachtOp,
    [rows, now, live],
  );
  const totals = model?.totals;
  const kpis: Kpi[] = totals
    ? [
        { label: 'progress.kpi.total', value: totals.total, testId: 'kpi-total' },
        { label: 'progress.kpi.done', value: totals.afgerond, params: { status: 'Afgerond' }, testId: 'kpi-done' },
        {
          label: 'progress.kpi.running',
          value: totals.lopend,
          params: { status: 'Loopt,Belegd in lopend traject' },
          testId: 'kpi-running',
        },
        {
          label: 'progress.kpi.blocked',
          value: totals.geblokkeerd,
          params: { status: 'Geblokkeerd' },
          testId: 'kpi-blocked',
        },
        {
          label: 'progress.kpi.overdue',
          value: totals.achterstallig,
          params: { due: 'achterstallig' },
          testId: 'kpi-overdue',
        },
        // Which actions wait for another is known for the live plan only.
        ...(isToday
          ? [{ label: 'progress.kpi.waiting' as const, value: waiting, params: { wacht: '1' }, testId: 'kpi-waiting' }]
          : []),
      ]
    : [];

  return {
    today,
    peildatum,
    isToday,
    data,
    model,
    noHistory,
    firstVersion,
    trend,
    borgingRows,
    reportModel,
    kpis,
  };
}

function withoutEmptyAdviezen(model: Voortgangsrapportage, scoped: boolean): Voortgangsrapportage {
  if (!scoped) return model;
  const perAdvies = model.perAdvies.filter((a) => a.counts.total > 0);
  const oordelen = Object.fromEntries(PLANNING_OORDELEN.map((o) => [o, 0])) as Voortgangsrapportage['oordelen'];
  for (const a of perAdvies) oordelen[a.oordeel] += 1;
  return { ...model, perAdvies, oordelen };
}
