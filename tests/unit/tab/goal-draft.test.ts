import { afterEach, describe, expect, it } from 'vitest';
import {
  clearGoalDraft,
  goalDraftIds,
  goalDraftKey,
  goalForm,
  parseGoalDraft,
  rebaseGoalForm,
  saveGoalDraft,
} from '../../../src/tab/features/portfolio/lib/goal-draft.js';
import { MemoryStorage } from './lib/memory-storage.js';

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
      // A base whose goal is damaged: its text or quarter not text, an outcome that is not the domain's.
      { form, base: { ...base, value: { ...base.value, doel: undefined } } },
      { form, base: { ...base, value: { ...base.value, kwartaal: 2027 } } },
      { form, base: { ...base, value: { ...base.value, behaald: 'bijna' } } },
      { form, base: { ...base, value: { ...base.value, behaald: '' } } },
      { form, base: { ...base, value: { ...base.value, reden: 4 } } },
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

describe("a goal's form moved onto someone else's version", () => {
  const was = { portfolioKey: 'p1', kwartaal: '2027-Q1' as const, doel: 'Pilot klaar' };

  it('takes their value where this person changed nothing, and keeps what this person changed', () => {
    const typed = { ...goalForm(was), behaald: 'deels' as const, reden: 'Twee teams volgen' };
    const theirs = { ...was, doel: 'Pilot klaar in twee teams', kwartaal: '2027-Q2' as const };
    expect(rebaseGoalForm(typed, was, theirs)).toEqual({
      form: { kwartaal: '2027-Q2', doel: 'Pilot klaar in twee teams', behaald: 'deels', reden: 'Twee teams volgen' },
      both: [],
    });
  });

  it('names the fields both changed, each to another value; the same change on both sides is no clash', () => {
    const typed = { ...goalForm(was), reden: 'Mijn reden', doel: 'Pilot af' };
    const theirs = { ...was, reden: 'Hun reden', doel: 'Pilot af' };
    const moved = rebaseGoalForm(typed, was, theirs);
    expect(moved.both).toEqual(['reden']);
    expect(moved.form.reden).toBe('Mijn reden');
  });
});

describe('the drafts of one initiative', () => {
  const host = globalThis as { window?: unknown };
  afterEach(() => {
    delete host.window;
  });

  it("are found by their goal's id, the new goal's and other people's and initiatives' left out", () => {
    const storage = new MemoryStorage();
    host.window = { localStorage: storage };
    const draft = { form: goalForm(base.value) };
    saveGoalDraft('IM@zoetermeer.nl', { portfolioKey: 'p1', goalId: '7' }, draft);
    saveGoalDraft('im@zoetermeer.nl', { portfolioKey: 'p1', goalId: '12' }, draft);
    saveGoalDraft('im@zoetermeer.nl', { portfolioKey: 'p1', goalId: 'nieuw' }, draft);
    saveGoalDraft('im@zoetermeer.nl', { portfolioKey: 'p10', goalId: '8' }, draft);
    saveGoalDraft('imo@zoetermeer.nl', { portfolioKey: 'p1', goalId: '9' }, draft);
    storage.setItem('portfolio.concept.v1|im@zoetermeer.nl|p1', '{}');
    expect(goalDraftIds('im@zoetermeer.nl', 'p1').sort()).toEqual(['12', '7']);
    clearGoalDraft('im@zoetermeer.nl', { portfolioKey: 'p1', goalId: '7' });
    expect(goalDraftIds('im@zoetermeer.nl', 'p1')).toEqual(['12']);
  });

  it('are none where the browser blocks storage', () => {
    host.window = {
      get localStorage(): Storage {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(goalDraftIds('im@zoetermeer.nl', 'p1')).toEqual([]);
  });
});
