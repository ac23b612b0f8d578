import { describe, expect, it } from 'vitest';
import { goalDraftKey, goalForm, parseGoalDraft } from '../../../src/tab/features/portfolio/lib/goal-draft.js';

const form = {
  kwartaal: '2027-Q1',
  doel: 'Alle teamsites gemigreerd',
  behaald: 'deels' as const,
  reden: 'Twee volgen',
};
const base = {
  id: '7',
  eTag: '"abc,3"',
  value: { portfolioKey: 'informatiebeheer-sharepoint', kwartaal: '2027-Q1' as const, doel: 'Alle teamsites' },
  problems: [],
};

describe("a quarter goal's draft", () => {
  it('is read back whole: a new goal without a base, a change with the version it was typed against', () => {
    expect(parseGoalDraft(JSON.parse(JSON.stringify({ form })))).toEqual({ form });
    expect(parseGoalDraft(JSON.parse(JSON.stringify({ form, base })))).toEqual({ form, base });
  });

  it("is not one when a field is not text, the outcome is not one of the domain's, or the base has no eTag", () => {
    for (const bad of [
      null,
      'concept',
      {},
      { form: { ...form, doel: 3 } },
      { form: { ...form, kwartaal: undefined } },
      { form: { ...form, behaald: 'bijna' } },
      { form, base: { ...base, eTag: undefined } },
      { form, base: { ...base, id: 7 } },
      { form, base: { ...base, value: null } },
      { form, base: null },
    ]) {
      expect(parseGoalDraft(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });

  it('drops the stored problems of its base (they are read again with the goal)', () => {
    const stored = { form, base: { ...base, problems: [{ field: 'Kwartaal', message: 'x' }] } };
    expect(parseGoalDraft(stored)?.base?.problems).toEqual([]);
  });

  it('is kept per person (whatever the case of their address), initiative and goal', () => {
    const a = goalDraftKey('IM@Zoetermeer.nl', { portfolioKey: 'p1', goalId: '7' });
    expect(a).toBe(goalDraftKey('im@zoetermeer.nl', { portfolioKey: 'p1', goalId: '7' }));
    expect(
      new Set([
        a,
        goalDraftKey('im@zoetermeer.nl', { portfolioKey: 'p1', goalId: 'nieuw' }),
        goalDraftKey('im@zoetermeer.nl', { portfolioKey: 'p2', goalId: '7' }),
        goalDraftKey('imo@zoetermeer.nl', { portfolioKey: 'p1', goalId: '7' }),
      ]).size,
    ).toBe(4);
  });

  it("starts a change's form from the goal, an open outcome and no reason as empty choices", () => {
    expect(goalForm({ portfolioKey: 'p1', kwartaal: '2026-Q4', doel: 'Businesscase klaar' })).toEqual({
      kwartaal: '2026-Q4',
      doel: 'Businesscase klaar',
      behaald: '',
      reden: '',
    });
    expect(
      goalForm({ portfolioKey: 'p1', kwartaal: '2026-Q4', doel: 'X', behaald: 'nee', reden: 'Geen budget' }),
    ).toEqual({
      kwartaal: '2026-Q4',
      doel: 'X',
      behaald: 'nee',
      reden: 'Geen budget',
    });
  });
});
