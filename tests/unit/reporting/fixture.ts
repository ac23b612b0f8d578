/**
 * The report tests' data: the seeded Zoetermeer plan, with a few statuses changed so that every status occurs, one
 * hostile title (markup, template and XML syntax, control characters) and the sample portfolio. The expected counts
 * are computed here from the actions themselves, without the domain's counting rules.
 */
import type { Actie, ActieStatus, CalendarDate } from '../../../src/domain/model.js';
import { zoetermeerPlan, zoetermeerPortfolio } from '../../../src/domain/plan/zoetermeer.js';
import { voortgangAt, type Voortgangsrapportage } from '../../../src/domain/report.js';
import { TEXT_MAX } from '../../../src/domain/text-limits.js';

export const GEMEENTE = 'Gemeente Zoetermeer';

/** Shown literally in every document: not markup, not a template, not XML. */
export const HOSTILE_TITLE = '<script>alert("x")</script> **vet** {{x}} & ]]> <w:t>';

/** Status changes so that every status and an overdue blocked action occur. */
const CHANGES: Record<string, Partial<Actie>> = {
  '1.2': { status: 'Afgerond', titel: HOSTILE_TITLE },
  '3.1': { status: 'Loopt' },
  '3.2': { status: 'Geblokkeerd', statusToelichting: 'Wacht op besluit CMT\nover de prioritering.' },
  '5.1': { status: 'Afgerond', statusToelichting: 'Informatiemanagers zitten in de MT’s van hun domein.' },
  '8.1': { status: 'Loopt' },
  // Control characters that XML cannot hold at all; the documents drop them.
  '10.1': { titel: 'Opdrachtgeverschap\u0001 versterken\u000B in de lijn' },
};

export function fixtureActies(): Actie[] {
  return zoetermeerPlan.acties.map((a) => ({ ...a, ...(CHANGES[a.nummer] ?? {}) }));
}

export function fixtureModel(
  peildatum: CalendarDate,
  acties: readonly Actie[] = fixtureActies(),
): Voortgangsrapportage {
  return voortgangAt({
    gemeente: GEMEENTE,
    peildatum,
    adviezen: zoetermeerPlan.adviezen,
    acties: acties.map((value, i) => ({ id: String(i + 1), value })),
    portfolio: zoetermeerPortfolio.map((value, i) => ({ id: String(i + 1), value })),
  });
}

/** The counts row of one advies in column order: Totaal, Afgerond, Lopend, Geblokkeerd, Niet gestart, Niet overgenomen, Achterstallig. */
export function expectedCounts(acties: readonly Actie[], advies: number, peildatum: CalendarDate): number[] {
  const own = acties.filter((a) => a.advies === advies);
  const n = (...statuses: ActieStatus[]) => own.filter((a) => statuses.includes(a.status)).length;
  const open = own.filter((a) => a.status !== 'Afgerond' && a.status !== 'Niet overgenomen');
  // ISO dates order as strings; overdue is a deadline before the peildatum. A standing commitment ("… en verder") is
  // overdue only while it has not started (docs/decisions.md, revised 2026-12-04).
  const doorlopend = (a: Actie) => /en verder\.?$/i.test(a.planning?.trim() ?? '');
  const achterstallig = open.filter(
    (a) => a.deadline !== undefined && a.deadline < peildatum && (!doorlopend(a) || a.status === 'Niet gestart'),
  ).length;
  return [
    own.length,
    n('Afgerond'),
    n('Loopt', 'Belegd in lopend traject'),
    n('Geblokkeerd'),
    n('Niet gestart'),
    n('Niet overgenomen'),
    achterstallig,
  ];
}

/** A hand-written StatusToelichting far beyond its maximum, without a single space (the 20,000 characters). */
export const WILD_TOELICHTING = 'x'.repeat(20_000);

/**
 * The plan with the longest texts the app allows, every one a single unbroken word, plus hand-written SharePoint text
 * beyond the limits (action 3.2's explanation of 20,000 characters, advies 1's reaction of 10,000): the worst case a
 * report must render in about normal time.
 */
export function longTextFixture(): { acties: Actie[]; adviezen: typeof zoetermeerPlan.adviezen } {
  const woord = (c: string, n: number) => c.repeat(n);
  const acties = fixtureActies().map((a) =>
    a.nummer === '3.2'
      ? { ...a, statusToelichting: WILD_TOELICHTING }
      : {
          ...a,
          titel: woord('T', TEXT_MAX.regel),
          statusToelichting: woord('s', TEXT_MAX.statusToelichting),
          lopendTraject: a.lopendTraject === undefined ? undefined : woord('l', TEXT_MAX.regel),
        },
  );
  const adviezen = zoetermeerPlan.adviezen.map((a) => ({
    ...a,
    titel: woord('A', TEXT_MAX.regel),
    collegeReactie: a.nummer === 1 ? woord('r', 10_000) : woord('c', TEXT_MAX.collegeReactie),
    collegePlanning: woord('p', TEXT_MAX.regel),
  }));
  return { acties, adviezen };
}

/** The report model of `longTextFixture`. */
export function longTextModel(peildatum: CalendarDate): Voortgangsrapportage {
  const { acties, adviezen } = longTextFixture();
  return voortgangAt({
    gemeente: GEMEENTE,
    peildatum,
    adviezen,
    acties: acties.map((value, i) => ({ id: String(i + 1), value })),
    portfolio: zoetermeerPortfolio.map((value, i) => ({ id: String(i + 1), value })),
  });
}
