import { describe, expect, it } from 'vitest';
import { messageText, validationMessages as M } from '../../../src/domain/messages.js';
import type { Actie, Domein } from '../../../src/domain/model.js';
import { zoetermeerPlan } from '../../../src/domain/plan/zoetermeer.js';
import { composeAgenda, snapshotOf } from '../../../src/domain/agenda.js';
import { actiesAtDate, endOfDay, planAt } from '../../../src/domain/report.js';
import { blockingDependencies } from '../../../src/domain/rules.js';
import {
  checkLinks,
  checkVervallen,
  dependencyCycle,
  isActief,
  isVervallen,
  mayChangeActie,
  nextActienummer,
} from '../../../src/domain/plan-changes.js';

const deps = (pairs: Record<string, string[]>) =>
  Object.entries(pairs).map(([nummer, afhankelijkVan]) => ({ nummer, afhankelijkVan }));

describe('numbering a new action', () => {
  it('takes the next number within the advies: 9.1 and 9.2 give 9.3', () => {
    expect(nextActienummer(9, ['9.1', '9.2', '10.1', '1.9'])).toBe('9.3');
  });

  it('starts at 1 for an advies without actions', () => {
    expect(
      nextActienummer(
        12,
        zoetermeerPlan.acties.map((a) => a.nummer),
      ),
    ).toBe('12.1');
    expect(nextActienummer(4, [])).toBe('4.1');
  });

  it('counts numerically, not alphabetically: after 11.9 and 11.10 comes 11.11', () => {
    expect(nextActienummer(11, ['11.9', '11.10', '11.2'])).toBe('11.11');
  });

  it('never fills a gap: a missing 9.2 may have been used, so 9.1 and 9.5 give 9.6', () => {
    expect(nextActienummer(9, ['9.5', '9.1'])).toBe('9.6');
  });

  it('does not confuse advies 1 with advies 10 or 11', () => {
    expect(nextActienummer(1, ['10.4', '11.6', '1.2'])).toBe('1.3');
  });

  it('a retired action keeps its number taken (it stays in the list), so the number is never reused', () => {
    const plan = [{ nummer: '9.1' }, { nummer: '9.2' }, { nummer: '9.3', vervallen: true }];
    expect(
      nextActienummer(
        9,
        plan.map((a) => a.nummer),
      ),
    ).toBe('9.4');
  });

  it('ignores texts that are not action numbers, tolerating blanks around real ones', () => {
    expect(nextActienummer(9, ['9.x', '9', '9.03', 'abc', ' 9.4 ', '9.-1'])).toBe('9.5');
  });

  it('gives every number of the seeded plan back one past its highest action', () => {
    const nummers = zoetermeerPlan.acties.map((a) => a.nummer);
    expect(zoetermeerPlan.adviezen.map((a) => nextActienummer(a.nummer, nummers))).toEqual([
      '1.3',
      '2.4',
      '3.4',
      '4.2',
      '5.2',
      '6.3',
      '7.3',
      '8.6',
      '9.3',
      '10.7',
      '11.7',
    ]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses advies %s', (advies) => {
    expect(() => nextActienummer(advies, [])).toThrow(RangeError);
  });
});

describe('who may add or retire an action', () => {
  const nobody = { beheerder: false, mtDomeinen: [] as Domein[] };
  it('a Beheerder may, for any domain', () => {
    expect(mayChangeActie({ beheerder: true, mtDomeinen: [] }, ['Sociaal Domein', 'Fysiek Domein'])).toBe(true);
    expect(mayChangeActie({ beheerder: true, mtDomeinen: [] }, ['Concern'])).toBe(true);
  });
  it('a CMT member may, for any domain', () => {
    expect(mayChangeActie({ beheerder: false, mtDomeinen: ['Concern'] }, ['Sociaal Domein'])).toBe(true);
    expect(mayChangeActie({ beheerder: false, mtDomeinen: ['Concern'] }, ['Concern', 'Bedrijfsvoering'])).toBe(true);
  });
  it("the MT of the action's domain may", () => {
    expect(mayChangeActie({ beheerder: false, mtDomeinen: ['Sociaal Domein'] }, ['Sociaal Domein'])).toBe(true);
  });
  it('a domain MT may not for another domain, for Concern, or for an action shared with another domain', () => {
    const sociaal = { beheerder: false, mtDomeinen: ['Sociaal Domein'] as Domein[] };
    expect(mayChangeActie(sociaal, ['Fysiek Domein'])).toBe(false);
    expect(mayChangeActie(sociaal, ['Concern'])).toBe(false);
    expect(mayChangeActie(sociaal, ['Sociaal Domein', 'Fysiek Domein'])).toBe(false);
  });
  it('an MT that carries two domains may for an action of both', () => {
    expect(
      mayChangeActie({ beheerder: false, mtDomeinen: ['Sociaal Domein', 'Fysiek Domein'] }, [
        'Sociaal Domein',
        'Fysiek Domein',
      ]),
    ).toBe(true);
  });
  it('someone without a role may not, and a domain MT may not add an action without domains', () => {
    expect(mayChangeActie(nobody, ['Sociaal Domein'])).toBe(false);
    expect(mayChangeActie(nobody, [])).toBe(false);
    expect(mayChangeActie({ beheerder: false, mtDomeinen: ['Sociaal Domein'] }, [])).toBe(false);
  });
});

describe('dependency cycles', () => {
  it('finds the cycle a new dependency closes and names it from the edited action: 6.1 → 6.2 → 6.1', () => {
    const plan = deps({ '6.1': [], '6.2': ['6.1'] });
    expect(dependencyCycle(plan, '6.1', ['6.2'])).toEqual(['6.1', '6.2', '6.1']);
  });

  it('finds a longer cycle through several actions', () => {
    const plan = deps({ '8.3': [], '8.4': ['8.3'], '8.5': ['8.4'] });
    expect(dependencyCycle(plan, '8.3', ['8.5'])).toEqual(['8.3', '8.5', '8.4', '8.3']);
  });

  it('returns the shortest cycle when there are several', () => {
    const plan = deps({ '1.1': [], '1.2': ['1.1'], '2.1': ['1.2'], '2.2': ['2.1'] });
    expect(dependencyCycle(plan, '1.1', ['2.2', '1.2'])).toEqual(['1.1', '1.2', '1.1']);
  });

  it('among equally short cycles picks the one through the lowest numbers', () => {
    const plan = deps({ '1.1': [], '3.1': ['1.1'], '2.1': ['1.1'] });
    expect(dependencyCycle(plan, '1.1', ['3.1', '2.1'])).toEqual(['1.1', '2.1', '1.1']);
  });

  it('a self-dependency is a cycle of its own', () => {
    expect(dependencyCycle(deps({ '6.1': [] }), '6.1', ['6.1'])).toEqual(['6.1', '6.1']);
  });

  it('no cycle: a chain, a diamond, or a cycle elsewhere that does not pass through the edited action', () => {
    expect(dependencyCycle(deps({ '2.1': [], '2.2': ['2.1'] }), '2.3', ['2.2', '2.1'])).toBeUndefined();
    expect(
      dependencyCycle(deps({ '1.1': [], '1.2': ['1.1'], '3.2': ['1.1'], '3.3': ['1.2', '3.2'] }), '4.1', ['3.3']),
    ).toBeUndefined();
    expect(dependencyCycle(deps({ '7.1': ['7.2'], '7.2': ['7.1'] }), '6.1', ['7.1'])).toBeUndefined();
  });

  it('uses the new dependencies of the edited action, not the stored ones', () => {
    const plan = deps({ '6.1': ['6.2'], '6.2': [] });
    // 6.1 drops 6.2, so 6.2 may now depend on 6.1 ...
    expect(dependencyCycle(plan, '6.1', [])).toBeUndefined();
    // ... but with 6.1's stored link 6.2 → 6.1 closes the ring.
    expect(dependencyCycle(plan, '6.2', ['6.1'])).toEqual(['6.2', '6.1', '6.2']);
  });

  it('ends at unknown numbers without failing', () => {
    expect(dependencyCycle(deps({ '6.1': ['99.9'] }), '6.2', ['6.1', '42.1'])).toBeUndefined();
  });

  it('the seeded plan has no cycle for any of its actions', () => {
    for (const a of zoetermeerPlan.acties)
      expect(dependencyCycle(zoetermeerPlan.acties, a.nummer, a.afhankelijkVan), a.nummer).toBeUndefined();
  });

  it('stays linear on a long chain of 5,000 actions', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => ({
      nummer: `90.${i + 1}`,
      afhankelijkVan: i === 0 ? [] : [`90.${i}`],
    }));
    const cycle = dependencyCycle(chain, '90.1', ['90.5000']);
    expect(cycle).toHaveLength(5001);
    expect(cycle?.[0]).toBe('90.1');
    expect(cycle?.[1]).toBe('90.5000');
  });
});

describe('checking the links of an action', () => {
  const plan = { acties: deps({ '6.1': [], '6.2': ['6.1'] }), bevindingen: [{ nummer: 5 }, { nummer: 6 }] };
  it('accepts existing dependencies and findings', () => {
    expect(checkLinks(plan, { nummer: '6.1', afhankelijkVan: [], bevindingen: [5, 6] })).toEqual([]);
  });
  it('refuses a cycle with the message that names it (in Dutch: 6.1 → 6.2 → 6.1)', () => {
    const issues = checkLinks(plan, { nummer: '6.1', afhankelijkVan: ['6.2'], bevindingen: [] });
    expect(issues).toEqual([
      { path: 'afhankelijkVan', message: { key: 'afhankelijkheidsKring', params: { kring: ['6.1', '6.2', '6.1'] } } },
    ]);
    expect(messageText(issues[0]!.message)).toBe(
      'De afhankelijkheden vormen een kring (6.1 → 6.2 → 6.1); een actie kan niet via andere acties op zichzelf wachten. Haal één afhankelijkheid weg.',
    );
  });
  it('refuses unknown dependencies and findings, each by number', () => {
    expect(checkLinks(plan, { nummer: '6.1', afhankelijkVan: ['6.9'], bevindingen: [10] })).toEqual([
      { path: 'afhankelijkVan', message: M.afhankelijkheidOnbekend('6.1', '6.9') },
      { path: 'bevindingen', message: M.bevindingOnbekend('6.1', 10) },
    ]);
  });
  it('leaves a self-dependency to the action validation (its own message), without a second one', () => {
    expect(checkLinks(plan, { nummer: '6.1', afhankelijkVan: ['6.1'], bevindingen: [] })).toEqual([]);
  });
  it('checks a new action that is not in the plan yet', () => {
    expect(checkLinks(plan, { nummer: '6.3', afhankelijkVan: ['6.2'], bevindingen: [5] })).toEqual([]);
  });
});

describe('retiring an action', () => {
  const actie: Actie = {
    nummer: '9.2',
    titel: 'Plan procesgericht organiseren',
    advies: 9,
    plateau: 'Excelleren',
    domeinen: ['Concern'],
    status: 'Niet gestart',
    afhankelijkVan: [],
    bevindingen: [],
  };
  it('needs a reason, trimmed', () => {
    expect(checkVervallen(actie, '  Opgegaan in 9.1  ')).toEqual({ ok: true, reden: 'Opgegaan in 9.1' });
    expect(checkVervallen(actie, '')).toEqual({ ok: false, message: M.vervallenRedenVerplicht });
    expect(checkVervallen(actie, undefined)).toEqual({ ok: false, message: M.vervallenRedenVerplicht });
  });
  it('refuses an action that is already retired', () => {
    expect(checkVervallen({ ...actie, vervallen: true }, 'nogmaals')).toEqual({
      ok: false,
      message: { key: 'alVervallen', params: { nummer: '9.2' } },
    });
    expect(messageText(M.alVervallen('9.2'))).toBe('Actie 9.2 is al vervallen.');
  });
  it('only an explicit yes retires: absent or false is active', () => {
    expect(isVervallen({ vervallen: true })).toBe(true);
    expect(isActief({ vervallen: true })).toBe(false);
    expect(isVervallen({})).toBe(false);
    expect(isVervallen({ vervallen: false })).toBe(false);
    expect(isActief(actie)).toBe(true);
  });
});

describe('a retired action leaves agendas, counts and blocking, but not the reports of dates when it was active', () => {
  const base: Actie = {
    nummer: '9.1',
    titel: 'Experiment multidisciplinair team',
    advies: 9,
    plateau: 'Excelleren',
    domeinen: ['Concern'],
    status: 'Loopt',
    afhankelijkVan: [],
    bevindingen: [],
  };
  const retired: Actie = {
    ...base,
    nummer: '9.2',
    titel: 'Plan procesgericht organiseren',
    status: 'Niet gestart',
    vervallen: true,
    vervallenReden: 'Opgegaan in 9.1',
  };
  const mt = { key: 'cmt', naam: 'CMT', domeinen: ['Concern'] as Domein[] };
  const now = new Date('2026-12-01T09:00:00Z');

  it('is not on the agenda, and the next agenda lists it once as removed', () => {
    const active = { id: '2', eTag: 'e', value: { ...retired, vervallen: false } as Actie };
    const input = { mt, occurrenceStart: now, now, acties: [{ id: '1', eTag: 'e', value: base }, active] };
    const previous = snapshotOf(input);
    const agenda = composeAgenda({
      ...input,
      acties: [
        { id: '1', eTag: 'e', value: base },
        { id: '2', eTag: 'e', value: retired },
      ],
      previous,
    });
    expect(agenda.openActies.map((a) => a.nummer)).toEqual(['9.1']);
    expect(agenda.counts.acties).toBe(1);
    expect(agenda.withoutOwner.map((a) => a.nummer)).toEqual(['9.1']);
    expect(agenda.changedSinceLastMeeting).toEqual([{ kind: 'removed', id: '2', nummer: '9.2' }]);
    expect(Object.keys(snapshotOf({ ...input, acties: [{ id: '2', eTag: 'e', value: retired }] }).acties)).toEqual([]);
  });

  it('holds up no action that depended on it', () => {
    const dependent: Actie = { ...base, nummer: '9.3', afhankelijkVan: ['9.2'] };
    expect(blockingDependencies(dependent, [retired])).toEqual([]);
    expect(blockingDependencies(dependent, [{ ...retired, vervallen: false }]).map((a) => a.nummer)).toEqual(['9.2']);
  });

  it('counts in a report for a date before it was retired, not after; the live plan leaves it out', () => {
    const history = {
      id: '2',
      revisions: [
        { modified: '2026-03-01T10:00:00Z', value: { ...retired, vervallen: false } as Actie },
        { modified: '2026-06-01T10:00:00Z', value: retired },
      ],
    };
    expect(planAt([history], endOfDay('2026-05-31')).map((a) => a.value.nummer)).toEqual(['9.2']);
    expect(planAt([history], endOfDay('2026-06-01'))).toEqual([]);
    const live = [
      { id: '1', value: base },
      { id: '2', value: retired },
    ];
    expect(
      actiesAtDate({ live, histories: [history], peildatum: '2026-12-01', now }).map((a) => a.value.nummer),
    ).toEqual(['9.1']);
    expect(
      actiesAtDate({ live, histories: [history], peildatum: '2026-04-01', now }).map((a) => a.value.nummer),
    ).toEqual(['9.2']);
  });
});
