import { describe, expect, it } from 'vitest';
import type { ListItem } from '../../../src/data/lists/list-definition.js';
import { mapPlan } from '../../../src/data/plan-store.js';

/** An Acties item as someone might leave it after typing the number by hand in SharePoint. */
const actie = (id: string, nummer: string): ListItem => ({
  id,
  eTag: `"${id},1"`,
  fields: { Title: `Actie ${nummer}`, Nummer: nummer, Status: 'Niet gestart' },
});

describe('the loaded plan', () => {
  it('orders actions by number, hand-typed numbers after the real ones, and never scrambles on a NaN', () => {
    const acties = [actie('1', 'x'), actie('2', '1.10'), actie('3', '1.2'), actie('4', 'abc'), actie('5', '1.2')];
    const loaded = mapPlan({ adviezen: [], bevindingen: [], acties, users: [] });
    expect(loaded.acties.map((a) => `${a.value.nummer}#${a.id}`)).toEqual(['1.2#3', '1.2#5', '1.10#2', 'abc#4', 'x#1']);
    const reversed = mapPlan({ adviezen: [], bevindingen: [], acties: [...acties].reverse(), users: [] });
    expect(reversed.acties.map((a) => a.id)).toEqual(loaded.acties.map((a) => a.id));
  });
});
