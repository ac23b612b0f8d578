import { describe, expect, it } from 'vitest';
import { CARD_VERBS, isCardVerb, parseCardActionData, parseStatusUpdate, statusInputIds } from '../../../src/reminders/verbs.js';

const base = { mtKey: 'cmt', occurrenceKey: 'cmt|2026-11-24T08:00:00Z' };

describe('card verbs', () => {
  it('are exactly besproken, status-bijwerken and vernieuwen', () => {
    expect([...CARD_VERBS]).toEqual(['besproken', 'status-bijwerken', 'vernieuwen']);
    expect(CARD_VERBS.every(isCardVerb)).toBe(true);
    for (const v of ['verwijderen', 'Besproken', '', 1, undefined]) expect(isCardVerb(v)).toBe(false);
  });

  it('reads the data of each of our buttons', () => {
    expect(parseCardActionData({ verb: 'besproken', ...base })).toEqual({ verb: 'besproken', ...base });
    expect(parseCardActionData({ verb: 'vernieuwen', ...base, extra: 1 })).toEqual({ verb: 'vernieuwen', ...base });
    expect(parseCardActionData({ verb: 'status-bijwerken', ...base, actieId: '12', eTag: '"e,3"' })).toEqual({
      verb: 'status-bijwerken',
      ...base,
      actieId: '12',
      eTag: '"e,3"',
    });
  });

  it('refuses anything that is not one of our buttons', () => {
    for (const bad of [null, 'besproken', {}, { verb: 'wis', ...base }, { verb: 'besproken', mtKey: 'cmt' }, { verb: 'status-bijwerken', ...base, actieId: '12' }]) {
      expect(parseCardActionData(bad)).toBeUndefined();
    }
  });

  it('a status update picks the inputs of its own action, by id', () => {
    const ids = statusInputIds('12');
    const other = statusInputIds('13');
    expect(ids).toEqual({ status: 'status-12', toelichting: 'toelichting-12', deadline: 'deadline-12' });
    const value = { verb: 'status-bijwerken', ...base, actieId: '12', eTag: '"e,3"', [ids.status]: 'Geblokkeerd', [ids.toelichting]: ' Wacht op IMO ', [other.status]: 'Afgerond' };
    expect(parseStatusUpdate(value)).toEqual({ ...base, actieId: '12', eTag: '"e,3"', status: 'Geblokkeerd', toelichting: 'Wacht op IMO' });
    expect(parseStatusUpdate({ verb: 'besproken', ...base })).toBeUndefined();
  });

  it('input ids hold only safe characters, whatever the item id looks like', () => {
    expect(statusInputIds('a b/"c').status).toBe('status-a_b__c');
  });
});
