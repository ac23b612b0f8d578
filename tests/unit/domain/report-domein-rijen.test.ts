/**
 * The voortgangsrapportage with the shared actions' domain rows (issue 12.4 and 12.8): each shared action's breakdown
 * and the counts per domain with each domain's own row, and which rows a report for a date uses.
 */
import { describe, expect, it } from 'vitest';
import type { DomeinVoortgang } from '../../../src/domain/domein-voortgang.js';
import { zoetermeerDomeinVoortgang, zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { domeinVoortgangAtDate, voortgangAt, type VoortgangInput } from '../../../src/domain/report.js';

const acties = zoetermeerPlan.acties.map((value, i) => ({ id: String(i + 1), value }));
const input = (domeinVoortgang?: readonly DomeinVoortgang[]): VoortgangInput => ({
  gemeente: 'Gemeente Zoetermeer',
  peildatum: '2025-06-01',
  adviezen: zoetermeerPlan.adviezen,
  acties,
  ...(domeinVoortgang ? { domeinVoortgang } : {}),
});
// Sociaal Domein finished its part of 1.1; the other domains' rows are as seeded.
const rijen = zoetermeerDomeinVoortgang.map((r) =>
  r.actie === '1.1' && r.domein === 'Sociaal Domein' ? { ...r, status: 'Afgerond' as const } : r,
);
const a11 = (r: ReturnType<typeof voortgangAt>) =>
  r.perAdvies.flatMap((a) => [...a.volgende, ...a.gedaan, ...a.belegd]).find((a) => a.nummer === '1.1');

describe('the report with the domain rows', () => {
  it("a shared action carries its breakdown in its domains' order; without rows it has none", () => {
    const actie = zoetermeerPlan.acties.find((a) => a.nummer === '1.1');
    expect(actie?.domeinen.length).toBeGreaterThan(1);
    const met = a11(voortgangAt(input(rijen)));
    expect(met?.domeinen?.afgerond).toBe(1);
    expect(met?.domeinen?.totaal).toBe(actie?.domeinen.length);
    expect(met?.domeinen?.perDomein.map((d) => d.domein)).toEqual(actie?.domeinen);
    expect(met?.domeinen?.perDomein.find((d) => d.domein === 'Sociaal Domein')?.status).toBe('Afgerond');
    expect(a11(voortgangAt(input()))?.domeinen).toBeUndefined();
    // An action of one domain has no breakdown.
    const enkel = zoetermeerPlan.acties.find((a) => a.domeinen.length === 1);
    const rapport = voortgangAt(input(rijen)).perAdvies.flatMap((a) => [...a.volgende, ...a.gedaan, ...a.belegd]);
    expect(rapport.find((a) => a.nummer === enkel?.nummer)?.domeinen).toBeUndefined();
  });

  it("says a shared action without an owner of its own is carried by its domains' owners", () => {
    expect(a11(voortgangAt(input(rijen)))).toMatchObject({ eigenaarPerDomein: { belegd: 4, totaal: 4 } });
    expect(a11(voortgangAt(input(rijen)))?.eigenaar).toBeUndefined();
    const minder = rijen.map((r) =>
      r.actie === '1.1' && r.domein === 'Fysiek Domein' ? { ...r, eigenaar: undefined } : r,
    );
    expect(a11(voortgangAt(input(minder)))?.eigenaarPerDomein).toEqual({ belegd: 3, totaal: 4 });
    expect(a11(voortgangAt(input()))?.eigenaarPerDomein).toBeUndefined();
  });

  it("counts a shared action per domain with that domain's own row; the other domains and the totals stay", () => {
    const zonder = voortgangAt(input(zoetermeerDomeinVoortgang));
    const met = voortgangAt(input(rijen));
    const row = (r: ReturnType<typeof voortgangAt>, key: string) => r.perDomein.find((g) => g.key === key);
    expect(row(met, 'Sociaal Domein')?.afgerond).toBe((row(zonder, 'Sociaal Domein')?.afgerond ?? 0) + 1);
    expect(row(met, 'Sociaal Domein')?.total).toBe(row(zonder, 'Sociaal Domein')?.total);
    expect(row(met, 'Dienstverlening')).toEqual(row(zonder, 'Dienstverlening'));
    // The plan's own totals count each action once, with its roll-up (1.1 is not Afgerond as a whole).
    expect(met.totals).toEqual(zonder.totals);
  });

  it('a report for today or later uses the live rows, for a past date the rows as their versions were then', () => {
    const live: DomeinVoortgang[] = [{ ...rijen[0]!, status: 'Loopt' }];
    const histories = [
      {
        id: '1',
        revisions: [
          { modified: '2025-03-01T09:00:00Z', value: { ...rijen[0]!, status: 'Niet gestart' as const } },
          { modified: '2025-05-01T09:00:00Z', value: { ...rijen[0]!, status: 'Loopt' as const } },
        ],
      },
    ];
    const now = new Date('2025-06-01T10:00:00Z');
    expect(domeinVoortgangAtDate({ live, histories, peildatum: '2025-06-01', now })).toEqual(live);
    expect(domeinVoortgangAtDate({ live, histories, peildatum: '2025-04-01', now }).map((r) => r.status)).toEqual([
      'Niet gestart',
    ]);
    expect(domeinVoortgangAtDate({ live, histories, peildatum: '2025-02-01', now })).toEqual([]);
  });
});
