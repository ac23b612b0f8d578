import { describe, expect, it } from 'vitest';
import {
  agenderingClientKey,
  BESLUIT_INPUT_ID,
  BESLUIT_MAX_LENGTH,
  besluitClientKey,
  besluitKeyText,
  besluitTextProblem,
  CARD_VERBS,
  isCardVerb,
  parseBesluitRequest,
  parseCardActionData,
  parseStatusUpdate,
  statusInputIds,
} from '../../../src/reminders/verbs.js';

const base = { mtKey: 'cmt', occurrenceKey: 'cmt|2026-11-24T08:00:00Z' };

describe('card verbs', () => {
  it('are exactly besproken, status-bijwerken, vernieuwen, besluit-vastleggen, agenderen and agendering-besproken', () => {
    expect([...CARD_VERBS]).toEqual([
      'besproken',
      'status-bijwerken',
      'vernieuwen',
      'besluit-vastleggen',
      'agenderen',
      'agendering-besproken',
    ]);
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
    for (const bad of [
      null,
      'besproken',
      {},
      { verb: 'wis', ...base },
      { verb: 'besproken', mtKey: 'cmt' },
      { verb: 'status-bijwerken', ...base, actieId: '12' },
      // If-Match: * would match every version: a forged or broken eTag is not the card's.
      { verb: 'status-bijwerken', ...base, actieId: '12', eTag: '*' },
      { verb: 'status-bijwerken', ...base, actieId: '12', eTag: 'e,3' },
      { verb: 'status-bijwerken', ...base, actieId: '12', eTag: '"e,3", *' },
      { verb: 'agendering-besproken', ...base, agenderingId: '4', eTag: '*' },
    ]) {
      expect(parseCardActionData(bad)).toBeUndefined();
    }
  });

  it('a status update picks the inputs of its own action, by id', () => {
    const ids = statusInputIds('12');
    const other = statusInputIds('13');
    expect(ids).toEqual({ status: 'status-12', toelichting: 'toelichting-12', deadline: 'deadline-12' });
    const value = {
      verb: 'status-bijwerken',
      ...base,
      actieId: '12',
      eTag: '"e,3"',
      [ids.status]: 'Geblokkeerd',
      [ids.toelichting]: ' Wacht op IMO ',
      [other.status]: 'Afgerond',
    };
    expect(parseStatusUpdate(value)).toEqual({
      ...base,
      actieId: '12',
      eTag: '"e,3"',
      status: 'Geblokkeerd',
      toelichting: 'Wacht op IMO',
    });
    expect(parseStatusUpdate({ verb: 'besproken', ...base })).toBeUndefined();
  });

  it('input ids hold only safe characters, whatever the item id looks like', () => {
    expect(statusInputIds('a b/"c').status).toBe('status-a_b__c');
  });
});

describe('"Besluit vastleggen"', () => {
  it('reads the typed decision of a besluit-vastleggen invoke, on one line', () => {
    expect(
      parseBesluitRequest({
        verb: 'besluit-vastleggen',
        ...base,
        [BESLUIT_INPUT_ID]: '  IMO-terugkoppeling\r\n  elk   kwartaal ',
      }),
    ).toEqual({
      ...base,
      tekst: 'IMO-terugkoppeling elk kwartaal',
    });
    expect(parseBesluitRequest({ verb: 'besluit-vastleggen', ...base })).toEqual({ ...base, tekst: '' });
    expect(parseBesluitRequest({ verb: 'besluit-vastleggen', ...base, [BESLUIT_INPUT_ID]: 12 })).toEqual({
      ...base,
      tekst: '',
    });
  });

  it('is not read from another verb, nor from data that is not one of our buttons', () => {
    expect(parseBesluitRequest({ verb: 'besproken', ...base, [BESLUIT_INPUT_ID]: 'x' })).toBeUndefined();
    expect(parseBesluitRequest({ verb: 'besluit-vastleggen', mtKey: 'cmt', [BESLUIT_INPUT_ID]: 'x' })).toBeUndefined();
    expect(parseBesluitRequest(null)).toBeUndefined();
  });

  it('refuses an empty text and one over 255 characters, in Dutch; accepts exactly 255', () => {
    expect(besluitTextProblem('')).toMatch(/^Typ eerst het besluit.*Er is niets vastgelegd\.$/);
    expect(besluitTextProblem('   ')).toBeDefined();
    expect(besluitTextProblem('x'.repeat(BESLUIT_MAX_LENGTH))).toBeUndefined();
    expect(besluitTextProblem('x'.repeat(BESLUIT_MAX_LENGTH + 1))).toBe(
      'Een besluit mag hoogstens 255 tekens lang zijn (dit zijn er 256). Er is niets vastgelegd.',
    );
    expect(besluitTextProblem('Besluit: **vet** [link](http://x)')).toBeUndefined();
  });

  it('the ClientKey is the meeting, the person and the normalised text: the same decision clicked again is the same key', () => {
    const key = besluitClientKey(base.occurrenceKey, '29:1secretaris', 'IMO-terugkoppeling elk kwartaal');
    expect(key).toMatch(/^kaart-besluit:[A-Za-z0-9_-]{43}$/);
    // Trimmed, white space collapsed, case-folded, one Unicode form.
    expect(besluitKeyText('  IMO-terugkoppeling\n\t elk   KWARTAAL ')).toBe('imo-terugkoppeling elk kwartaal');
    expect(besluitKeyText('Cafe\u0301 dicht')).toBe(besluitKeyText('Café DICHT'));
    expect(besluitClientKey(base.occurrenceKey, '29:1secretaris', '  imo-terugkoppeling   ELK kwartaal\n')).toBe(key);
    // Another text, another person or another meeting is another decision.
    expect(besluitClientKey(base.occurrenceKey, '29:1secretaris', 'IMO-terugkoppeling elk half jaar')).not.toBe(key);
    expect(besluitClientKey(base.occurrenceKey, '29:1gemeentesecretaris', 'IMO-terugkoppeling elk kwartaal')).not.toBe(
      key,
    );
    expect(besluitClientKey('cmt|2026-12-01T08:00:00Z', '29:1secretaris', 'IMO-terugkoppeling elk kwartaal')).not.toBe(
      key,
    );
    // The parts cannot run into each other.
    expect(besluitClientKey('a', 'b c', 'd')).not.toBe(besluitClientKey('a', 'b', 'c d'));
  });
});

describe('escalation verbs', () => {
  const base = { mtKey: 'cmt', occurrenceKey: 'cmt|2026-11-24T08:00:00Z' };
  it('agendering-besproken needs the escalation id and its eTag', () => {
    expect(parseCardActionData({ ...base, verb: 'agendering-besproken', agenderingId: '4', eTag: '"e"' })).toEqual({
      ...base,
      verb: 'agendering-besproken',
      agenderingId: '4',
      eTag: '"e"',
    });
    expect(parseCardActionData({ ...base, verb: 'agendering-besproken', agenderingId: '4' })).toBeUndefined();
    expect(parseCardActionData({ ...base, verb: 'agendering-besproken', eTag: '"e"' })).toBeUndefined();
  });
  it('the escalation ClientKey is the card, the person, the action and the normalised reason', () => {
    const k = agenderingClientKey('mt|x', '29:1', '5', 'Budget  ontbreekt');
    expect(agenderingClientKey('mt|x', '29:1', '5', ' budget ontbreekt ')).toBe(k);
    expect(agenderingClientKey('mt|x', '29:2', '5', 'Budget ontbreekt')).not.toBe(k);
    expect(agenderingClientKey('mt|x', '29:1', '6', 'Budget ontbreekt')).not.toBe(k);
    expect(agenderingClientKey('mt|y', '29:1', '5', 'Budget ontbreekt')).not.toBe(k);
    expect(k).toMatch(/^kaart-agendering:[A-Za-z0-9_-]{43}$/);
  });
});
