import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  changedFields,
  fieldOfPath,
  formToChange,
  mergedActie,
  parseForm,
  toForm,
} from '../../../src/tab/features/actionplan/lib/actie-form.js';
import {
  clearDraft,
  draftKey,
  loadDraft,
  parseDraft,
  saveDraft,
} from '../../../src/tab/features/actionplan/lib/draft-store.js';
import { defaultChoices, mergedForm, mergeRows } from '../../../src/tab/features/actionplan/lib/merge.js';
import {
  addSavedView,
  parseSavedViews,
  removeSavedView,
} from '../../../src/tab/features/actionplan/lib/saved-views.js';
import { seededPlan } from './fixtures.js';
import { WESTERVELD_INRICHTING } from '../../fixtures/westerveld-plan.js';

/** localStorage for the node test environment: a Map, optionally refusing writes like a blocked browser store. */
function fakeStorage(options: { blocked?: boolean } = {}) {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (options.blocked) throw new DOMException('blocked', 'SecurityError');
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
  };
}

const plan = seededPlan();
const item = plan.acties.find((a) => a.value.nummer === '6.1');
if (!item) throw new Error('6.1 missing');

describe('saved views', () => {
  it('adds, replaces by name (ignoring case) and removes views', () => {
    let views = addSavedView([], 'Achterstallig', 'due=achterstallig', 'v1');
    views = addSavedView(views, 'Bedrijfsvoering', 'domein=Bedrijfsvoering', 'v2');
    views = addSavedView(views, 'achterstallig', 'due=achterstallig&group=eigenaar', 'v3');
    expect(views.map((v) => [v.name, v.params])).toEqual([
      ['achterstallig', 'due=achterstallig&group=eigenaar'],
      ['Bedrijfsvoering', 'domein=Bedrijfsvoering'],
    ]);
    expect(removeSavedView(views, 'v2').map((v) => v.id)).toEqual(['v3']);
  });
  it('ignores an empty name and reads stored garbage tolerantly', () => {
    expect(addSavedView([], '   ', 'q=x', 'v1')).toEqual([]);
    expect(parseSavedViews('not a list')).toEqual([]);
    expect(
      parseSavedViews([
        { id: 'v1', name: 'Goed', params: 'q=a' },
        { id: 2 },
        null,
        { id: 'v3', name: 'x'.repeat(100), params: '' },
      ]),
    ).toEqual([
      { id: 'v1', name: 'Goed', params: 'q=a' },
      { id: 'v3', name: 'x'.repeat(60), params: '' },
    ]);
  });
});

describe('the detail form', () => {
  it('sends only what changed, and clears emptied fields', () => {
    const form = {
      ...toForm(item.value),
      planning: '  Nieuwe planning  ',
      deadline: '',
      statusToelichting: 'Wacht op IMO',
    };
    const withDeadline = { ...item, value: { ...item.value, deadline: '2026-12-31' } };
    const change = formToChange(withDeadline.value, form, plan.users);
    expect(change).toEqual({ planning: 'Nieuwe planning', deadline: undefined, statusToelichting: 'Wacht op IMO' });
    expect('deadline' in change).toBe(true);
    expect(mergedActie(withDeadline.value, change).deadline).toBeUndefined();
  });
  it('changes the owner only to a person the site knows', () => {
    const someone = plan.users[0];
    expect(formToChange(item.value, { ...toForm(item.value), eigenaarId: someone?.id ?? '' }, plan.users)).toEqual({
      eigenaar: someone,
    });
    expect(formToChange(item.value, { ...toForm(item.value), eigenaarId: 'unknown' }, plan.users)).toEqual({});
  });
  it('treats domains as a set and text as trimmed', () => {
    const form = { ...toForm(item.value), domeinen: [...item.value.domeinen].reverse(), titel: `${item.value.titel} ` };
    expect(changedFields(item.value, form)).toEqual([]);
  });
  it('maps validation paths to the fields that show them', () => {
    expect(fieldOfPath('statusToelichting')).toBe('statusToelichting');
    expect(fieldOfPath('eigenaar.email')).toBe('eigenaarId');
    expect(fieldOfPath('domeinen.0')).toBe('domeinen');
    expect(fieldOfPath('')).toBeUndefined();
  });
  it('reads a stored form tolerantly', () => {
    expect(parseForm({ titel: 'x' })).toBeUndefined();
    expect(parseForm({ ...toForm(item.value), domeinen: ['Concern', 'Mars'] })?.domeinen).toEqual(['Concern']);
  });
  it("reads and writes a form against another municipality's set-up (Westerveld's plateaus and domains)", () => {
    const westerveld = {
      ...toForm(item.value),
      plateau: 'Voorop lopen',
      domeinen: ['Gemeentebreed', 'Concern', 'Ruimte'],
    };
    expect(parseForm(westerveld, WESTERVELD_INRICHTING)).toEqual({
      ...westerveld,
      domeinen: ['Ruimte', 'Gemeentebreed'],
    });
    // Against Zoetermeer's set-up the plateau is none of its own: the draft is not restored.
    expect(parseForm(westerveld)).toBeUndefined();
    const change = formToChange(
      item.value,
      { ...toForm(item.value), domeinen: ['Gemeentebreed', 'Ruimte'] },
      [],
      WESTERVELD_INRICHTING,
    );
    expect(change.domeinen).toEqual(['Ruimte', 'Gemeentebreed']);
    const draft = { itemId: item.id, base: item, form: westerveld, savedAt: '2026-11-20T10:00:00Z' };
    expect(parseDraft(draft, WESTERVELD_INRICHTING)?.form.plateau).toBe('Voorop lopen');
    expect(parseDraft(draft)).toBeUndefined();
  });
});

describe('the merge view after a conflict', () => {
  const base = item.value;
  const mine = { ...toForm(base), planning: 'Mijn planning', statusToelichting: 'Mijn toelichting' };
  const theirs = { ...base, planning: 'Hun planning', lopendTraject: 'Digitaal Samenwerken' };
  const rows = mergeRows(base, mine, theirs);

  it('lists every field either side changed, marking real conflicts', () => {
    expect(rows.map((r) => [r.field, r.conflict, r.onlyMine, r.onlyTheirs])).toEqual([
      ['statusToelichting', false, true, false],
      ['planning', true, false, false],
      ['lopendTraject', false, false, true],
    ]);
    expect(rows.find((r) => r.field === 'planning')).toMatchObject({
      base: base.planning ?? '',
      mine: 'Mijn planning',
      theirs: 'Hun planning',
    });
  });
  it('keeps my changes and their changes by default, so nothing is lost', () => {
    const merged = mergedForm(theirs, mine, defaultChoices(rows));
    expect(merged).toMatchObject({
      planning: 'Mijn planning',
      statusToelichting: 'Mijn toelichting',
      lopendTraject: 'Digitaal Samenwerken',
    });
  });
  it('takes their value where I choose theirs', () => {
    const merged = mergedForm(theirs, mine, { ...defaultChoices(rows), planning: 'theirs' });
    expect(merged.planning).toBe('Hun planning');
    expect(merged.statusToelichting).toBe('Mijn toelichting');
  });
  it('is not a conflict when both typed the same', () => {
    expect(mergeRows(base, { ...toForm(base), planning: 'Zelfde' }, { ...base, planning: 'Zelfde' })[0]?.conflict).toBe(
      false,
    );
  });
});

describe('the draft store', () => {
  const original = (globalThis as { window?: unknown }).window;
  let storage: ReturnType<typeof fakeStorage>;
  beforeEach(() => {
    storage = fakeStorage();
    (globalThis as { window?: unknown }).window = { localStorage: storage };
  });
  afterEach(() => {
    (globalThis as { window?: unknown }).window = original;
  });

  it('keeps a draft per person and item, with the version it was typed against', () => {
    const form = { ...toForm(item.value), planning: 'Half getypt' };
    expect(
      saveDraft('IM@Zoetermeer.example', { itemId: item.id, base: item, form, savedAt: '2026-11-20T10:00:00Z' }),
    ).toBe(true);
    const loaded = loadDraft('im@zoetermeer.example', item.id);
    expect(loaded?.form.planning).toBe('Half getypt');
    expect(loaded?.base.eTag).toBe(item.eTag);
    expect(loadDraft('iemand.anders@zoetermeer.example', item.id)).toBeUndefined();
    clearDraft('im@zoetermeer.example', item.id);
    expect(loadDraft('im@zoetermeer.example', item.id)).toBeUndefined();
  });
  it('ignores a corrupt draft instead of breaking the detail', () => {
    storage.setItem(draftKey('im@x', '1'), '{not json');
    expect(loadDraft('im@x', '1')).toBeUndefined();
    expect(parseDraft({ itemId: '1', savedAt: 'x', form: toForm(item.value), base: { id: '1' } })).toBeUndefined();
  });
  it('reports a browser that refuses to store, so the UI can warn', () => {
    (globalThis as { window?: unknown }).window = { localStorage: fakeStorage({ blocked: true }) };
    expect(saveDraft('im@x', { itemId: item.id, base: item, form: toForm(item.value), savedAt: 'now' })).toBe(false);
  });
});
