import { describe, expect, it } from 'vitest';
import { planCounts, waitsOnOtherActie } from '../../../src/domain/counts.js';
import { ACTIE_STATUSES, type Actie, type ActieStatus } from '../../../src/domain/model.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';

const NOW = new Date('2026-12-04T10:00:00Z');

function actie(nummer: string, status: ActieStatus, extra: Partial<Actie> = {}): Actie {
  return {
    nummer,
    titel: `Actie ${nummer}`,
    advies: Number(nummer.split('.')[0]),
    plateau: 'Randvoorwaardelijk',
    domeinen: ['Concern'],
    status,
    afhankelijkVan: [],
    bevindingen: [],
    ...extra,
  } as Actie;
}

describe("the plan's headline counts (one definition for every surface)", () => {
  it("counts Geblokkeerd by the action's own status only, and waiting on another action apart from it", () => {
    const plan = [
      actie('1.1', 'Loopt'),
      actie('1.2', 'Niet gestart', { afhankelijkVan: ['1.1'] }), // waits: 1.1 still runs
      actie('1.3', 'Geblokkeerd', { afhankelijkVan: ['1.1'] }), // blocked itself: counted once, as geblokkeerd
      actie('1.4', 'Loopt', { afhankelijkVan: ['1.5'] }), // 1.5 is done: does not wait
      actie('1.5', 'Afgerond'),
      actie('1.6', 'Afgerond', { afhankelijkVan: ['1.1'] }), // closed actions never wait
    ];
    expect(planCounts(plan, NOW)).toEqual({ acties: 6, open: 4, achterstallig: 0, geblokkeerd: 1, wachtOp: 1 });
  });

  it('judges a dependency outside the counted actions against the whole plan', () => {
    const concern = actie('3.2', 'Loopt');
    const domein = actie('1.1', 'Niet gestart', { domeinen: ['Sociaal Domein'], afhankelijkVan: ['3.2'] });
    expect(planCounts([domein], NOW).wachtOp).toBe(0);
    expect(planCounts([domein], NOW, [domein, concern]).wachtOp).toBe(1);
  });

  it('is overdue the day after the deadline in Amsterdam, and never for a closed action', () => {
    const plan = [
      actie('2.1', 'Loopt', { deadline: '2026-12-03' }),
      actie('2.2', 'Loopt', { deadline: '2026-12-04' }),
      actie('2.3', 'Afgerond', { deadline: '2025-01-01' }),
      actie('2.4', 'Niet overgenomen', { deadline: '2025-01-01' }),
    ];
    expect(planCounts(plan, NOW)).toMatchObject({ open: 2, achterstallig: 1 });
  });

  it('adds every status up: open plus the closed ones is the whole, for a plan with every status', () => {
    const plan = ACTIE_STATUSES.map((s, i) => actie(`5.${i + 1}`, s));
    const c = planCounts(plan, NOW);
    expect(c.acties).toBe(ACTIE_STATUSES.length);
    expect(c.open).toBe(ACTIE_STATUSES.length - 2);
    expect(c.geblokkeerd).toBe(1);
  });

  it('gives the seeded plan the figures every surface must show', () => {
    const c = planCounts(zoetermeerPlan.acties, NOW);
    expect(c.acties).toBe(33);
    expect(c.geblokkeerd + c.wachtOp).toBeGreaterThan(0);
    expect(c.geblokkeerd).toBe(zoetermeerPlan.acties.filter((a) => a.status === 'Geblokkeerd').length);
  });

  it('waits on another action only when open, not Geblokkeerd itself, and held up by at least one', () => {
    const dep = actie('7.1', 'Loopt');
    expect(waitsOnOtherActie(actie('7.2', 'Niet gestart'), [dep])).toBe(true);
    expect(waitsOnOtherActie(actie('7.2', 'Belegd in lopend traject'), [dep])).toBe(true);
    expect(waitsOnOtherActie(actie('7.2', 'Loopt'), [])).toBe(false);
    expect(waitsOnOtherActie(actie('7.2', 'Geblokkeerd'), [dep])).toBe(false);
    expect(waitsOnOtherActie(actie('7.2', 'Afgerond'), [dep])).toBe(false);
    expect(waitsOnOtherActie(actie('7.2', 'Niet overgenomen'), [dep])).toBe(false);
  });
});
