/**
 * The Dutch texts of the report documents (issue 8): titles, column headings, status categories, the planning
 * judgement and the plateau gate, and dates written out in Dutch. The documents are Dutch only: they are attached to
 * a raadsinformatiebrief. Pure: no I/O, no clock.
 */
import { amsterdamDate, isValidCalendarDate, MONTHS_NL } from '../domain/dates.js';
import type { CalendarDate, Plateau, ThemaCode } from '../domain/model.js';
import type { DeadlineKind } from '../domain/planning.js';
import { PLANNING_OORDELEN, type PlanningOordeel, type PlateauGate } from '../domain/report.js';
import type { ProgressCounts } from '../domain/rules.js';
import type { StatusCategory } from '../domain/status.js';
import { themaNameIn, ZOETERMEER_INRICHTING, type Inrichting } from '../domain/inrichting-basis.js';

export const RAPPORT_TITEL = 'Voortgangsrapportage Actieplan Digitaal Leiderschap';
export const DEFAULT_GEMEENTE = 'Gemeente Zoetermeer';

/** What a report says where a section has nothing to show. */
export const NONE_TEXT = 'Geen.';

/**
 * A calendar date written out in Dutch: `2025-06-30` → `30 juni 2025`. A calendar date already is a day in
 * Amsterdam, so no time zone is involved. Text that is not a calendar date comes back unchanged (data from
 * SharePoint can be anything; a report must not fail on it).
 */
export function dateNl(d: CalendarDate): string {
  if (!isValidCalendarDate(d)) return d;
  const [y, m, day] = d.split('-');
  return `${Number(day)} ${MONTHS_NL[Number(m) - 1]} ${Number(y)}`;
}

/** The day an instant falls on in Europe/Amsterdam, written out in Dutch: 2025-06-29T22:30Z → `30 juni 2025`. */
export function dateTimeNl(at: Date): string {
  return dateNl(amsterdamDate(at));
}

/** The report categories of a status, as the counts tables name them. */
export const STATUS_CATEGORIE: Readonly<Record<StatusCategory, string>> = {
  afgerond: 'Afgerond',
  lopend: 'Lopend',
  geblokkeerd: 'Geblokkeerd',
  'niet-gestart': 'Niet gestart',
  'niet-overgenomen': 'Niet overgenomen',
};

/** The columns of every counts table, in this order. `lopend` includes Belegd in lopend traject. */
export const COUNT_COLUMNS: readonly { key: keyof Omit<ProgressCounts, 'percentAfgerond'>; label: string }[] = [
  { key: 'total', label: 'Totaal' },
  { key: 'afgerond', label: STATUS_CATEGORIE.afgerond },
  { key: 'lopend', label: STATUS_CATEGORIE.lopend },
  { key: 'geblokkeerd', label: STATUS_CATEGORIE.geblokkeerd },
  { key: 'nietGestart', label: STATUS_CATEGORIE['niet-gestart'] },
  { key: 'nietOvergenomen', label: STATUS_CATEGORIE['niet-overgenomen'] },
  { key: 'achterstallig', label: 'Achterstallig' },
];

/** The counts in the order of `COUNT_COLUMNS`. */
export function countCells(c: ProgressCounts): number[] {
  return COUNT_COLUMNS.map((k) => c[k.key]);
}

export const COUNT_EXPLANATION =
  'Lopend omvat ook acties die zijn belegd in een lopend traject. Achterstallig: open acties waarvan de deadline op de peildatum is verstreken (ook meegeteld onder hun status); bij een doorlopende afspraak alleen als de actie dan nog niet is gestart.';

/** Under the counts per domain: why that table has no total. */
export const PER_DOMEIN_TOELICHTING =
  'Per domein telt een actie van meer domeinen mee bij elk van haar domeinen, met de eigen stand van dat domein; die tabel heeft daarom geen totaal.';

/** The planning judgement per advies. */
export const OORDEEL: Readonly<Record<PlanningOordeel, string>> = {
  gehaald: 'Gehaald',
  'niet-gehaald': 'Niet gehaald',
  doorlopend: 'Doorlopend',
  'niet-gestart': 'Niet op tijd gestart',
  'binnen-termijn': 'Binnen termijn',
  'geen-termijn': 'Geen termijn',
};

export const OORDEEL_ORDER: readonly PlanningOordeel[] = PLANNING_OORDELEN;

/** The judgements that call for attention (shown in bold, as a warning). */
export function isWarning(oordeel: PlanningOordeel): boolean {
  return oordeel === 'niet-gehaald' || oordeel === 'niet-gestart';
}

/** What each judgement means, for the summary. */
export const OORDEEL_EXPLANATIONS: Readonly<Record<PlanningOordeel, string>> = {
  gehaald: 'de termijn is verstreken en alle acties zijn afgerond of niet overgenomen',
  'niet-gehaald':
    'een eenmalige termijn is verstreken en er staat nog ten minste één actie open (ook belegd in een lopend traject)',
  doorlopend: 'een doorlopende afspraak (“en verder”): alle acties zijn gestart en worden beoordeeld op het volhouden',
  'niet-gestart': 'een doorlopende afspraak (“en verder”) waarvan na de datum nog ten minste één actie niet is gestart',
  'binnen-termijn': 'de termijn is nog niet verstreken',
  'geen-termijn': 'de planning noemt geen einddatum, of het college gaf geen planning',
};

/** The planning of one advies in one sentence: the college's text and the term that follows from it, with its kind. */
export function planningSentence(collegePlanning: string, termijn?: CalendarDate, soort?: DeadlineKind): string {
  const planning = collegePlanning.trim()
    ? `“${collegePlanning.trim()}”`
    : 'Het college gaf voor dit advies geen planning';
  const uitTermijn = termijn
    ? soort === 'doorlopend'
      ? `, doorlopend vanaf ${dateNl(termijn)}`
      : `, termijn ${dateNl(termijn)}`
    : '';
  return `${planning}${uitTermijn}.`;
}

/**
 * The state of the plateau gate ("eerst het fundament") in a few words; "vroeg" names the set-up's last plateau
 * (Zoetermeer's Excelleren when no set-up is given).
 */
export function gateState(
  toestand: PlateauGate['toestand'],
  plateaus: readonly Plateau[] = ZOETERMEER_INRICHTING.plateaus,
): string {
  switch (toestand) {
    case 'open':
      return 'Fundament gereed';
    case 'vroeg':
      return `${plateaus[plateaus.length - 1] ?? ''} vóór het fundament`;
    case 'dicht':
      return 'Fundament in uitvoering';
  }
}

/** The last plateau's actions that run in a track the college chose: said apart, never counted as early. */
function trajectZin(gate: PlateauGate, laatste: string): string {
  const n = gate.excellerenInTraject;
  if (n === 0) return '';
  return ` ${n === 1 ? `Eén ${laatste}-actie is` : `${n} ${laatste}-acties zijn`} door het college belegd in een lopend traject; die tellen niet als vroeg.`;
}

/**
 * The plateau gate in one sentence (the same wording as the dashboard), naming the set-up's first and last plateau
 * (Zoetermeer's Randvoorwaardelijk and Excelleren when no set-up is given).
 */
export function gateSentence(gate: PlateauGate, plateaus: readonly Plateau[] = ZOETERMEER_INRICHTING.plateaus): string {
  const eerste = plateaus[0] ?? '';
  const laatste = plateaus[plateaus.length - 1] ?? '';
  const rv = gate.randvoorwaardelijk;
  const opgepakt = rv.total - rv.nietOvergenomen;
  const basis = `${rv.afgerond} van ${opgepakt} opgepakte acties afgerond`;
  switch (gate.toestand) {
    case 'open':
      return `${eerste} is gereed (${basis}): de weg naar ${laatste} is vrij.`;
    case 'vroeg':
      return `${eerste} is voor ${gate.gereedPercent}% gereed (${basis}), maar ${laatste} is al in beweging (${gate.excellerenInBeweging} van ${gate.excelleren.total} acties): eerder dan het plan bedoelt.${trajectZin(gate, laatste)}`;
    case 'dicht':
      return `${eerste} is voor ${gate.gereedPercent}% gereed (${basis}); ${laatste} wacht daarop, zoals het plan bedoelt.${trajectZin(gate, laatste)}`;
  }
}

/** "Thema A: Structuur versterken": the theme's name as the municipality's set-up gives it. */
export function themaLabel(code: ThemaCode, inrichting: Inrichting = ZOETERMEER_INRICHTING): string {
  return `Thema ${code}: ${themaNameIn(inrichting, code)}`;
}

export function plateauLabel(plateau: Plateau): string {
  return `Plateau: ${plateau}`;
}

export function adviesHeading(nummer: number, titel: string): string {
  return `Advies ${nummer}. ${titel}`;
}

/** The standard footer text next to the page number. */
export function voetregel(gemeente: string, peildatum: CalendarDate): string {
  return `${gemeente} · Voortgangsrapportage peildatum ${dateNl(peildatum)}`;
}

export function pageText(pagina: number, totaal: number): string {
  return `Pagina ${pagina} van ${totaal}`;
}

/** A file name for the report: `voortgangsrapportage-2025-12-31.pdf`. */
export function rapportFileName(peildatum: CalendarDate, extensie: 'pdf' | 'docx'): string {
  const datum = isValidCalendarDate(peildatum) ? peildatum : 'onbekend';
  return `voortgangsrapportage-${datum}.${extensie}`;
}
