import { describe, expect, it } from 'vitest';
import type { LoadedPlan } from '../../../src/data/plan-store.js';
import type { PersonRef } from '../../../src/domain/model.js';
import { SYSTEM_ACCOUNT_ID } from '../../../src/domain/site-user.js';
import { EMPTY_FILTERS, matchesFilters } from '../../../src/tab/features/actionplan/lib/list-query.js';
import {
  deriveRows,
  NO_OWNER,
  offersPerDomein,
  ownerChoices,
  PER_DOMEIN_OWNER,
} from '../../../src/tab/lib/plan/derive.js';
import { NOW, seededPlan } from './fixtures.js';

const im: PersonRef = { id: '21', displayName: 'Informatiemanager Sociaal', email: 'im.sociaal@zoetermeer.example' };
const cio: PersonRef = { id: '22', displayName: 'CIO', email: 'cio@zoetermeer.example' };
const nobody: PersonRef = { id: '23', displayName: 'Bezoeker', email: 'bezoeker@zoetermeer.example' };
const byMail: PersonRef = { displayName: 'Extern', email: 'extern@example.org' };
const systemAccount: PersonRef = { id: SYSTEM_ACCOUNT_ID, displayName: 'SharePoint App' };
const users = [im, cio, nobody, systemAccount];

/**
 * The seeded plan with these owners only: 1.2 and 2.1 the IM, 3.1 the CIO, 4.1 someone known by address only.
 */
function planWithOwners(): LoadedPlan {
  const plan = seededPlan();
  const owner: Record<string, PersonRef> = { '1.2': im, '2.1': im, '3.1': cio, '4.1': byMail };
  return {
    ...plan,
    users,
    acties: plan.acties.map((a) => {
      const { eigenaar: _seeded, ...value } = a.value;
      const given = owner[a.value.nummer];
      return { ...a, value: given ? { ...value, eigenaar: given } : value };
    }),
  };
}
const rows = deriveRows(planWithOwners(), NOW);
const keyOf = (p: PersonRef) => p.id ?? p.email ?? p.displayName;

describe("the list's owner filter: the people it offers", () => {
  it("are the rows' owners, each once, those known by address only included", () => {
    expect(ownerChoices(rows, users, []).map(keyOf).sort()).toEqual(['21', '22', 'extern@example.org']);
  });

  it("never include SharePoint's own account, nor a site user who owns nothing", () => {
    const keys = ownerChoices(rows, users, []).map(keyOf);
    expect(keys).not.toContain(SYSTEM_ACCOUNT_ID);
    expect(keys).not.toContain('23');
  });

  it('keep a chosen person who owns nothing now (a saved view), so the choice stays visible', () => {
    const keys = ownerChoices(rows, users, ['23', NO_OWNER, PER_DOMEIN_OWNER, 'gone@example.org']).map(keyOf);
    expect(keys).toContain('23');
    expect(keys).not.toContain('gone@example.org');
    expect(keys).not.toContain(NO_OWNER);
    expect(keys).not.toContain(PER_DOMEIN_OWNER);
  });

  it("follow the rows: a part of the plan offers its own rows' owners only", () => {
    const cmt = rows.filter((r) => r.actie.nummer === '3.1');
    expect(ownerChoices(cmt, users, [])).toEqual([cio]);
    expect(ownerChoices([], users, [])).toEqual([]);
  });

  it('offer "Eigenaar per domein" only where a row has it, or it is chosen already', () => {
    const perDomein = [{ ownerKey: PER_DOMEIN_OWNER }, { ownerKey: '21' }];
    const own = [{ ownerKey: '21' }, { ownerKey: NO_OWNER }];
    expect(offersPerDomein(perDomein, [])).toBe(true);
    expect(offersPerDomein(own, [])).toBe(false);
    expect(offersPerDomein(own, [PER_DOMEIN_OWNER])).toBe(true);
    expect(offersPerDomein([], ['21'])).toBe(false);
  });

  describe("on the roll-up, the owners of a shared action's domain rows", () => {
    const imFysiek: PersonRef = {
      id: '24',
      displayName: 'Informatiemanager Fysiek',
      email: 'im.fysiek@zoetermeer.example',
    };
    const plan = planWithOwners();
    const row = (domein: string, eigenaar?: PersonRef) => ({
      id: `dv-${domein}`,
      eTag: '"1"',
      problems: [],
      value: { actie: '1.1', domein, status: 'Loopt' as const, ...(eigenaar ? { eigenaar } : {}) },
    });
    const withRows = {
      ...plan,
      users: [...users, imFysiek],
      domeinVoortgang: [row('Sociaal Domein', im), row('Fysiek Domein', imFysiek), row('Bedrijfsvoering', im)],
    } as LoadedPlan;
    const rolled = deriveRows(withRows, NOW);
    const elf = rolled.find((r) => r.actie.nummer === '1.1');

    it('are offered, each once', () => {
      expect(elf?.domeinEigenaren).toEqual([im, imFysiek]);
      expect(ownerChoices(rolled, withRows.users, []).map(keyOf).sort()).toEqual([
        '21',
        '22',
        '24',
        'extern@example.org',
      ]);
    });

    it('find the action under each of them, beside the actions they own themselves', () => {
      const found = (key: string) =>
        rolled
          .filter((r) => matchesFilters(r, { ...EMPTY_FILTERS, eigenaar: [key] }, '2026-11-20'))
          .map((r) => r.actie.nummer);
      expect(found('24')).toEqual(['1.1']);
      expect(found('21').sort()).toEqual(['1.1', '1.2', '2.1']);
      expect(found('22')).toEqual(['3.1']);
    });

    it("are not a domain's view's: there the action has that domain's own row", () => {
      const projected = deriveRows({ ...withRows, projectedFor: 'Sociaal Domein' } as LoadedPlan, NOW);
      expect(projected.find((r) => r.actie.nummer === '1.1')?.domeinEigenaren).toBeUndefined();
    });
  });
});
