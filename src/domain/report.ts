/**
 * Progress reporting (issue 8): the plan as it stood on a date, the trend per month, the plateau gate and the
 * voortgangsrapportage per advies in the structure of the college's response. The dashboard and the report documents
 * (PDF, Word) all take their numbers from `voortgangAt`, so they cannot disagree for the same date.
 *
 * Pure: the history of every action (its SharePoint versions, mapped to `Actie`) and the date are parameters.
 */
import { compareActienummers } from './actienummer.js';
import { addDays, amsterdamDate, calendarDateToInstant, compareCalendarDates, isValidCalendarDate } from './dates.js';
import type { BorgingMT } from './borging.js';
import type {
  Actie,
  ActieStatus,
  Advies,
  Bevinding,
  CalendarDate,
  Domein,
  Plateau,
  PortfolioFase,
  PortfolioItem,
  PortfolioStatus,
  ThemaCode,
} from './model.js';
import {
  actieForDomein,
  actieVoortgang,
  hasDomeinVoortgang,
  ownerCoverage,
  type DomeinVoortgang,
} from './domein-voortgang.js';
import { domeinVoortgangAt, type DomeinVoortgangHistory } from './domein-voortgang-history.js';
import { datesFromPlanning, deadlineKind, type DeadlineKind } from './planning.js';
import { isOverdue, progressBy, progressTotals, type ProgressCounts, type ProgressRow } from './rules.js';
import { ZOETERMEER_INRICHTING, type Inrichting } from './inrichting-basis.js';
import { bevindingenPerThema, samenhangOf } from './samenhang.js';
import { isOpen } from './status.js';

// ---------- the plan on a date ----------

/** One SharePoint version of an action: when it was saved and what the action then was. */
export type ActieRevision = { modified: string; value: Actie };
/** All known versions of one action (any order), by its SharePoint item id. */
export type ActieHistory = { id: string; revisions: readonly ActieRevision[] };
/** An action with its SharePoint item id, as the report works with it. */
export type ActieAtDate = { id: string; value: Actie };

/**
 * The instant a report "for date D" looks at: the last millisecond of D in Amsterdam. Everything saved on D counts,
 * and overdue is judged with D as today (an action whose deadline is D is not yet overdue).
 * @throws RangeError when `date` is not a calendar date.
 */
export function endOfDay(date: CalendarDate): Date {
  if (!isValidCalendarDate(date)) throw new RangeError(`endOfDay: not a calendar date: ${JSON.stringify(date)}`);
  return new Date(Date.parse(calendarDateToInstant(addDays(date, 1))) - 1);
}

/** The version of an action that was current at `at`; undefined when the action did not exist yet. */
export function actieAt(history: ActieHistory, at: Date): Actie | undefined {
  const limit = at.getTime();
  let best: { at: number; value: Actie } | undefined;
  for (const r of history.revisions) {
    const t = Date.parse(r.modified);
    if (Number.isNaN(t) || t > limit) continue;
    if (!best || t >= best.at) best = { at: t, value: r.value };
  }
  return best?.value;
}

/**
 * Every action that existed and was active at `at`, as it then was, in plan order. A retired action (Vervallen) counts
 * for the dates before it was retired, and not after.
 */
export function planAt(histories: readonly ActieHistory[], at: Date): ActieAtDate[] {
  const out: ActieAtDate[] = [];
  for (const h of histories) {
    const value = actieAt(h, at);
    if (value && value.vervallen !== true) out.push({ id: h.id, value });
  }
  return out.sort((a, b) => compareActienummers(a.value.nummer, b.value.nummer) || Number(a.id) - Number(b.id));
}

// ---------- trend ----------

/** When the oldest version of any action was saved (at or before `until`, when given); undefined without one. */
export function firstVersionAt(histories: readonly ActieHistory[], until?: Date): Date | undefined {
  let first: number | undefined;
  for (const h of histories) {
    for (const r of h.revisions) {
      const t = Date.parse(r.modified);
      if (!Number.isNaN(t) && (until === undefined || t <= until.getTime()) && (first === undefined || t < first))
        first = t;
    }
  }
  return first === undefined ? undefined : new Date(first);
}

/** The plan's counts at the end of one month (or on the report date, for the month it falls in). */
export type TrendPoint = { maand: string; peildatum: CalendarDate; counts: ProgressCounts };

function lastDayOfMonth(year: number, month: number): CalendarDate {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * One point per month from the month of the first version up to the month of `tot`: the counts at the end of that
 * month, and for the last month at `tot` itself. Empty when no action has a version on or before `tot`.
 * At most `maxMaanden` points (the latest ones).
 */
export function trendPerMonth(histories: readonly ActieHistory[], tot: CalendarDate, maxMaanden = 36): TrendPoint[] {
  const first = firstVersionAt(histories, endOfDay(tot));
  if (first === undefined) return [];
  const start = amsterdamDate(first);
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const points: TrendPoint[] = [];
  for (;;) {
    const maand = `${year}-${String(month).padStart(2, '0')}`;
    const monthEnd = lastDayOfMonth(year, month);
    const peildatum = compareCalendarDates(monthEnd, tot) < 0 ? monthEnd : tot;
    const at = endOfDay(peildatum);
    points.push({
      maand,
      peildatum,
      counts: progressTotals(
        planAt(histories, at).map((a) => a.value),
        at,
      ),
    });
    if (peildatum === tot) break;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return points.slice(-maxMaanden);
}

// ---------- the college's planning ----------

/**
 * Whether an advies met the college's planning on the report date. A one-off (eenmalig) term:
 * - `gehaald`: the term has passed and every action of the advies is closed (Afgerond or Niet overgenomen);
 * - `niet-gehaald`: the term has passed and an action is still open (Niet gestart, Loopt, Geblokkeerd or Belegd in
 *   lopend traject, also when its own deadline was moved past the term or it has none), or the advies has no actions;
 * - `binnen-termijn`: the term has not passed yet;
 * - `geen-termijn`: the planning text names no end ("Vanaf 2026", "Loopt reeds") or there is none.
 * A standing (doorlopend) commitment, "… en verder" (`DOORLOPEND_LINE`), is never `niet-gehaald` because its date
 * passed. Before the date it is `binnen-termijn`; after it:
 * - `gehaald`: every action is closed, as above;
 * - `doorlopend`: every action taken up has started (none is Niet gestart): it runs, and is judged on being kept up
 *   (for 11.5 the borging per MT);
 * - `niet-gestart`: an action is still Niet gestart after the date, or the advies has no actions.
 * Belegd in lopend traject counts as open for `gehaald` (the track still has to deliver) and as started.
 */
export type PlanningOordeel =
  'gehaald' | 'niet-gehaald' | 'doorlopend' | 'niet-gestart' | 'binnen-termijn' | 'geen-termijn';

/** Every judgement, in the order the dashboard and the report list them. */
export const PLANNING_OORDELEN: readonly PlanningOordeel[] = [
  'gehaald',
  'niet-gehaald',
  'doorlopend',
  'niet-gestart',
  'binnen-termijn',
  'geen-termijn',
];

export function planningOordeel(
  planning: string,
  acties: readonly Actie[],
  at: Date,
): { oordeel: PlanningOordeel; termijn?: CalendarDate; soort?: DeadlineKind } {
  const { deadline, soort } = datesFromPlanning(planning);
  if (!deadline) return { oordeel: 'geen-termijn' };
  const kind: DeadlineKind = soort ?? 'eenmalig';
  if (compareCalendarDates(deadline, amsterdamDate(at)) >= 0)
    return { oordeel: 'binnen-termijn', termijn: deadline, soort: kind };
  const gehaald = acties.length > 0 && acties.every((a) => !isOpen(a.status));
  if (gehaald) return { oordeel: 'gehaald', termijn: deadline, soort: kind };
  if (kind === 'eenmalig') return { oordeel: 'niet-gehaald', termijn: deadline, soort: kind };
  const gestart = acties.length > 0 && acties.every((a) => a.status !== 'Niet gestart');
  return { oordeel: gestart ? 'doorlopend' : 'niet-gestart', termijn: deadline, soort: kind };
}

// ---------- Belegd in lopend traject ----------

/**
 * Whether the college placed the action in a running track: its status is Belegd in lopend traject, or it names the
 * track that carries it (an action that the track finished keeps its track).
 */
export function isCarriedByTraject(actie: Pick<Actie, 'status' | 'lopendTraject'>): boolean {
  return actie.status === 'Belegd in lopend traject' || Boolean(actie.lopendTraject?.trim());
}

/**
 * The rule for Belegd in lopend traject in one Dutch sentence, as the dashboard and the report show it. In code:
 * Belegd counts in the total and as running, never as done (`percentAfgerond`, the gate's `gereedPercent` and the
 * report's "Wat is gedaan" take Afgerond only), and an Excelleren action carried by a track is never "in beweging"
 * before the foundation (`plateauGate`): the college decided it.
 */
export const BELEGD_LINE =
  'Belegd in lopend traject is geen afgeronde actie en geen afwijking: het college heeft deze acties zelf in een lopend traject belegd; ze tellen mee in het totaal, niet als afgerond, en niet als ‘eerder dan het plan bedoelt’.';

// ---------- the plateau gate ----------

/**
 * "Eerst het fundament": how far Randvoorwaardelijk is, and whether Excelleren already gets attention.
 * `gereedPercent` is the share of the Randvoorwaardelijk actions that were taken up and are Afgerond (Niet overgenomen
 * ones do not count either way; Belegd ones are taken up and not done, `BELEGD_LINE`). `excellerenInBeweging`
 * counts Excelleren actions that run, are blocked or done on the MTs' own initiative; those carried by a running track
 * the college chose (`isCarriedByTraject`) are counted apart in `excellerenInTraject` and never as early.
 * The gate is `open` when Randvoorwaardelijk is complete; `vroeg` when Excelleren moves while it is not.
 */
export type PlateauGate = {
  randvoorwaardelijk: ProgressCounts;
  gereedPercent: number;
  excelleren: ProgressCounts;
  excellerenInBeweging: number;
  excellerenInTraject: number;
  toestand: 'open' | 'vroeg' | 'dicht';
};

export function plateauGate(
  acties: readonly Actie[],
  at: Date,
  plateaus: readonly Plateau[] = ZOETERMEER_INRICHTING.plateaus,
): PlateauGate {
  // The set-up's first plateau is the foundation and its last the one that must wait (Zoetermeer: Randvoorwaardelijk
  // and Excelleren); a set-up of one plateau has no gate to speak of, and compares that plateau with itself.
  const eerste = plateaus[0];
  const laatste = plateaus[plateaus.length - 1];
  const rv = acties.filter((a) => a.plateau === eerste);
  const ex = acties.filter((a) => a.plateau === laatste);
  const randvoorwaardelijk = progressTotals(rv, at);
  const excelleren = progressTotals(ex, at);
  const opgepakt = randvoorwaardelijk.total - randvoorwaardelijk.nietOvergenomen;
  const gereedPercent = opgepakt === 0 ? 100 : Math.round((randvoorwaardelijk.afgerond / opgepakt) * 100);
  const moving = ex.filter((a) => a.status === 'Loopt' || a.status === 'Geblokkeerd' || a.status === 'Afgerond');
  const excellerenInTraject = ex.filter((a) => a.status !== 'Niet overgenomen' && isCarriedByTraject(a)).length;
  const excellerenInBeweging = moving.filter((a) => !isCarriedByTraject(a)).length;
  const toestand = gereedPercent >= 100 ? 'open' : excellerenInBeweging > 0 ? 'vroeg' : 'dicht';
  return { randvoorwaardelijk, gereedPercent, excelleren, excellerenInBeweging, excellerenInTraject, toestand };
}

// ---------- the report ----------

/** An action as the report lists it. */
export type RapportActie = {
  id: string;
  nummer: string;
  titel: string;
  status: ActieStatus;
  eigenaar?: string;
  /** A shared action without an owner of its own: in how many of its domains a row has one (`ownerCoverage`). */
  eigenaarPerDomein?: { belegd: number; totaal: number };
  deadline?: CalendarDate;
  /** Eenmalig, or doorlopend vanaf `deadline` (with a deadline only). */
  deadlineSoort?: DeadlineKind;
  toelichting?: string;
  lopendTraject?: string;
  /** What the action is (the report's own words for the seeded actions). */
  omschrijving?: string;
  achterstallig: boolean;
  /**
   * A shared action's breakdown ("1 van 3 domeinen afgerond"): each of its domains with its own status, in the
   * action's domain order. Absent for an action of one domain, or when the report was made without the domain rows.
   */
  domeinen?: { afgerond: number; totaal: number; perDomein: { domein: Domein; status: ActieStatus }[] };
};

/** A portfolio project linked to one of the advies' actions. */
export type RapportProject = {
  id: string;
  titel: string;
  domein: Domein;
  fase: PortfolioFase;
  status: PortfolioStatus;
  acties: string[];
};

/** One advies in the structure of the college's response. */
export type AdviesVoortgang = {
  nummer: number;
  titel: string;
  thema: ThemaCode;
  plateau: Plateau;
  /** What the advies means, in the report's own words (absent when the site has none). */
  omschrijving?: string;
  collegeReactie: string;
  collegePlanning: string;
  /** The adviezen the college takes up together with this one: named in its own response, or naming it in theirs. */
  samenhang: { noemt: number[]; genoemdDoor: number[] };
  oordeel: PlanningOordeel;
  termijn?: CalendarDate;
  /** The kind of the term: eenmalig, or doorlopend vanaf `termijn` (absent without a term). */
  termijnSoort?: DeadlineKind;
  counts: ProgressCounts;
  /** What was done: Afgerond only (`BELEGD_LINE`). */
  gedaan: RapportActie[];
  /** Placed by the college in a running track (Belegd in lopend traject), each with the track that carries it. */
  belegd: RapportActie[];
  /** What is next: the open actions (Niet gestart, Loopt, Geblokkeerd), overdue first, then by deadline and number. */
  volgende: RapportActie[];
  /** Not taken up, with the rationale. */
  nietOvergenomen: RapportActie[];
  projecten: RapportProject[];
  /** Status changes of the advies' actions since `Voortgangsrapportage.sinds`, oldest first (empty without history). */
  ontwikkelingen: StatusChange[];
};

export type Voortgangsrapportage = {
  gemeente: string;
  /**
   * The municipality's set-up the report was made with: the order and names of its plateaus, themes and domains, and
   * which plateaus the gate compares (the first and the last).
   */
  inrichting: Inrichting;
  peildatum: CalendarDate;
  totals: ProgressCounts;
  perAdvies: AdviesVoortgang[];
  perPlateau: ProgressRow[];
  perThema: ProgressRow[];
  /**
   * Per domain of the set-up (in its order): a shared action counts in each of its domains with that domain's own
   * status when the domain rows were given (`VoortgangInput.domeinVoortgang`), else with the action's roll-up.
   */
  perDomein: ProgressRow[];
  gate: PlateauGate;
  /** How many adviezen have each planning judgement. */
  oordelen: Record<PlanningOordeel, number>;
  /** First day of the period whose developments the report lists (absent: no history was given). */
  sinds?: CalendarDate;
  /** The borging of 11.5 per MT on the peildatum, when given. */
  borging?: BorgingMT[];
  /** The report's findings by theme, as its appendices group them (when the findings were given). */
  bevindingenPerThema?: { thema?: ThemaCode; bevindingen: { nummer: number; titel: string }[] }[];
};

export type VoortgangInput = {
  gemeente: string;
  peildatum: CalendarDate;
  adviezen: readonly Advies[];
  /** The actions as they were on `peildatum` (`planAt(histories, endOfDay(peildatum))`, or the live plan for today). */
  acties: readonly ActieAtDate[];
  portfolio?: readonly { id: string; value: PortfolioItem }[];
  /** The version history, for the developments since `sinds` (default: three months before the peildatum). */
  histories?: readonly ActieHistory[];
  sinds?: CalendarDate;
  borging?: readonly BorgingMT[];
  /** The findings, for the report's findings by theme. */
  bevindingen?: readonly Bevinding[];
  /** The municipality's set-up (the Inrichting list); absent: Zoetermeer's, as for a site without one of its own. */
  inrichting?: Inrichting;
  /** The shared actions' domain rows as they were on `peildatum`: the breakdown per action and the counts per domain. */
  domeinVoortgang?: readonly DomeinVoortgang[];
};

function rapportActie(a: ActieAtDate, at: Date, rijen?: readonly DomeinVoortgang[]): RapportActie {
  const out: RapportActie = {
    id: a.id,
    nummer: a.value.nummer,
    titel: a.value.titel,
    status: a.value.status,
    achterstallig: isOverdue(a.value, at),
  };
  if (a.value.eigenaar?.displayName) out.eigenaar = a.value.eigenaar.displayName;
  if (a.value.deadline) {
    out.deadline = a.value.deadline;
    out.deadlineSoort = deadlineKind(a.value);
  }
  if (a.value.statusToelichting?.trim()) out.toelichting = a.value.statusToelichting.trim();
  if (a.value.lopendTraject?.trim()) out.lopendTraject = a.value.lopendTraject.trim();
  if (a.value.omschrijving?.trim()) out.omschrijving = a.value.omschrijving.trim();
  if (rijen && hasDomeinVoortgang(a.value)) {
    const voortgang = actieVoortgang(a.value, rijen);
    const coverage = ownerCoverage(a.value, rijen);
    if (coverage.kind === 'perDomein') out.eigenaarPerDomein = { belegd: coverage.belegd, totaal: coverage.totaal };
    out.domeinen = {
      afgerond: voortgang.afgerond,
      totaal: voortgang.totaal,
      perDomein: voortgang.perDomein.map((d) => ({ domein: d.domein, status: d.status })),
    };
  }
  return out;
}

/**
 * The actions as each domain carries them, for the counts per domain: a shared action once per domain, with that
 * domain's own row (`actieForDomein`). Without rows, the actions as they are (each counts with its roll-up).
 */
function perDomeinActies(acties: readonly Actie[], rijen: readonly DomeinVoortgang[] | undefined): readonly Actie[] {
  if (!rijen) return acties;
  return acties.flatMap((a) =>
    hasDomeinVoortgang(a)
      ? [...new Set(a.domeinen)].map((d) => ({ ...actieForDomein(a, rijen, d), domeinen: [d] }))
      : [a],
  );
}

const byNummer = (a: RapportActie, b: RapportActie) =>
  compareActienummers(a.nummer, b.nummer) || Number(a.id) - Number(b.id);

function compareNext(a: RapportActie, b: RapportActie): number {
  if (a.achterstallig !== b.achterstallig) return a.achterstallig ? -1 : 1;
  if (a.deadline && b.deadline && a.deadline !== b.deadline) return compareCalendarDates(a.deadline, b.deadline);
  if (a.deadline !== undefined && b.deadline === undefined) return -1;
  if (a.deadline === undefined && b.deadline !== undefined) return 1;
  return byNummer(a, b);
}

/**
 * The voortgangsrapportage for a date: every advies (in number order, also one without actions) with the college's
 * reaction and planning, the planning judgement, the counts, what was done, what is next, and the linked portfolio
 * projects; plus the counts per plateau, theme and domain and the plateau gate. The dashboard shows these numbers.
 */
export function voortgangAt(input: VoortgangInput): Voortgangsrapportage {
  const at = endOfDay(input.peildatum);
  const inrichting = input.inrichting ?? ZOETERMEER_INRICHTING;
  const acties = input.acties.map((a) => a.value);
  const adviezen = [...input.adviezen].sort((a, b) => a.nummer - b.nummer);
  const portfolio = input.portfolio ?? [];
  const oordelen = Object.fromEntries(PLANNING_OORDELEN.map((o) => [o, 0])) as Record<PlanningOordeel, number>;
  const countsByAdvies = new Map(
    progressBy(acties, 'advies', at, adviezen, inrichting).map((r) => [r.key, r] as const),
  );
  const sinds = input.histories ? (input.sinds ?? threeMonthsBefore(input.peildatum)) : undefined;
  const wijzigingen = input.histories && sinds ? statusChanges(input.histories, endOfDay(addDays(sinds, -1)), at) : [];

  const perAdvies = adviezen.map((advies): AdviesVoortgang => {
    const own = input.acties.filter((a) => a.value.advies === advies.nummer);
    const listed = own.map((a) => rapportActie(a, at, input.domeinVoortgang));
    const nummers = new Set(own.map((a) => a.value.nummer));
    const { oordeel, termijn, soort } = planningOordeel(
      advies.collegePlanning,
      own.map((a) => a.value),
      at,
    );
    oordelen[oordeel] += 1;
    const row = countsByAdvies.get(String(advies.nummer));
    const counts: ProgressCounts = row
      ? {
          total: row.total,
          afgerond: row.afgerond,
          lopend: row.lopend,
          geblokkeerd: row.geblokkeerd,
          nietOvergenomen: row.nietOvergenomen,
          nietGestart: row.nietGestart,
          achterstallig: row.achterstallig,
          percentAfgerond: row.percentAfgerond,
        }
      : progressTotals([], at);
    const projecten = portfolio
      .filter((p) => p.value.acties.some((n) => nummers.has(n)))
      .map((p) => ({
        id: p.id,
        titel: p.value.titel,
        domein: p.value.domein,
        fase: p.value.fase,
        status: p.value.status,
        acties: p.value.acties.filter((n) => nummers.has(n)).sort(compareActienummers),
      }))
      .sort((a, b) => a.titel.localeCompare(b.titel, 'nl') || Number(a.id) - Number(b.id));
    const out: AdviesVoortgang = {
      nummer: advies.nummer,
      titel: advies.titel,
      thema: advies.thema,
      plateau: advies.plateau,
      collegeReactie: advies.collegeReactie,
      collegePlanning: advies.collegePlanning,
      samenhang: samenhangOf(adviezen, advies.nummer),
      oordeel,
      counts,
      gedaan: listed.filter((a) => a.status === 'Afgerond').sort(byNummer),
      belegd: listed.filter((a) => a.status === 'Belegd in lopend traject').sort(byNummer),
      volgende: listed
        .filter((a) => a.status === 'Niet gestart' || a.status === 'Loopt' || a.status === 'Geblokkeerd')
        .sort(compareNext),
      nietOvergenomen: listed.filter((a) => a.status === 'Niet overgenomen').sort(byNummer),
      projecten,
      ontwikkelingen: wijzigingen.filter((w) => w.advies === advies.nummer),
      ...(advies.omschrijving?.trim() ? { omschrijving: advies.omschrijving.trim() } : {}),
    };
    if (termijn) out.termijn = termijn;
    if (soort) out.termijnSoort = soort;
    return out;
  });

  return {
    gemeente: input.gemeente,
    inrichting,
    peildatum: input.peildatum,
    totals: progressTotals(acties, at),
    perAdvies,
    perPlateau: progressBy(acties, 'plateau', at, adviezen, inrichting),
    perThema: progressBy(acties, 'thema', at, adviezen, inrichting),
    perDomein: progressBy(perDomeinActies(acties, input.domeinVoortgang), 'domein', at, adviezen, inrichting),
    gate: plateauGate(acties, at, inrichting.plateaus),
    oordelen,
    ...(sinds ? { sinds } : {}),
    ...(input.borging ? { borging: [...input.borging] } : {}),
    ...(input.bevindingen
      ? {
          bevindingenPerThema: bevindingenPerThema(input.bevindingen, inrichting.themas).map((g) => ({
            ...(g.thema ? { thema: g.thema.code } : {}),
            bevindingen: g.bevindingen.map((b) => ({ nummer: b.nummer, titel: b.titel })),
          })),
        }
      : {}),
  };
}

// ---------- developments in a period ----------

/** A status change of an action, as its version history shows it. */
export type StatusChange = {
  actieId: string;
  nummer: string;
  titel: string;
  advies: number;
  /** When the version with the new status was saved (ISO). */
  op: string;
  van: ActieStatus;
  naar: ActieStatus;
  toelichting?: string;
};

/**
 * Every status change saved after `van` and at or before `tot`, oldest first (ties by number). A change is the
 * difference between two consecutive versions of an action; the first version of an action is not a change.
 */
export function statusChanges(histories: readonly ActieHistory[], van: Date, tot: Date): StatusChange[] {
  const out: StatusChange[] = [];
  for (const h of histories) {
    const ordered = h.revisions
      .map((r, index) => ({ r, index, t: Date.parse(r.modified) }))
      .filter((x) => !Number.isNaN(x.t))
      .sort((a, b) => a.t - b.t || a.index - b.index);
    for (let i = 1; i < ordered.length; i++) {
      const before = ordered[i - 1];
      const after = ordered[i];
      if (!before || !after || after.t <= van.getTime() || after.t > tot.getTime()) continue;
      if (before.r.value.status === after.r.value.status) continue;
      const w: StatusChange = {
        actieId: h.id,
        nummer: after.r.value.nummer,
        titel: after.r.value.titel,
        advies: after.r.value.advies,
        op: after.r.modified,
        van: before.r.value.status,
        naar: after.r.value.status,
      };
      const toelichting = after.r.value.statusToelichting?.trim();
      if (toelichting) w.toelichting = toelichting;
      out.push(w);
    }
  }
  return out.sort((a, b) => Date.parse(a.op) - Date.parse(b.op) || compareActienummers(a.nummer, b.nummer));
}

/** The same day three months earlier (the last day of that month when it is shorter): a quarter's report period. */
export function threeMonthsBefore(date: CalendarDate): CalendarDate {
  if (!isValidCalendarDate(date))
    throw new RangeError(`threeMonthsBefore: not a calendar date: ${JSON.stringify(date)}`);
  let year = Number(date.slice(0, 4));
  let month = Number(date.slice(5, 7)) - 3;
  if (month < 1) {
    month += 12;
    year -= 1;
  }
  const last = Number(lastDayOfMonth(year, month).slice(8, 10));
  const day = Math.min(Number(date.slice(8, 10)), last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The shared actions' domain rows a report for `peildatum` uses, by the same rule as `actiesAtDate`: the live rows
 * for today or later, the rows as their versions were at the end of that day for a past date.
 */
export function domeinVoortgangAtDate(input: {
  live: readonly DomeinVoortgang[];
  histories: readonly DomeinVoortgangHistory[];
  peildatum: CalendarDate;
  now: Date;
}): DomeinVoortgang[] {
  if (compareCalendarDates(input.peildatum, amsterdamDate(input.now)) >= 0) return [...input.live];
  return domeinVoortgangAt(input.histories, endOfDay(input.peildatum));
}

/**
 * The actions a report for `peildatum` works with: the live plan when the date is today (or later), otherwise the plan
 * as its version history shows it at the end of that day. The dashboard and the documents both choose through this
 * function, so for the same date they count the same actions.
 */
export function actiesAtDate(input: {
  live: readonly ActieAtDate[];
  histories: readonly ActieHistory[];
  peildatum: CalendarDate;
  now: Date;
}): ActieAtDate[] {
  if (compareCalendarDates(input.peildatum, amsterdamDate(input.now)) >= 0)
    return input.live.filter((a) => a.value.vervallen !== true);
  return planAt(input.histories, endOfDay(input.peildatum));
}
