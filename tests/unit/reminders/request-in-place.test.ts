import { describe, expect, it } from 'vitest';
import { changesBetween, requestInPlace } from '../../../src/reminders/actions.js';

const stored = { status: 'Loopt' as const, statusToelichting: 'We starten.', deadline: '2026-12-31' };

describe('requestInPlace: a status update from the card that asks for what is stored already', () => {
  it.each([
    ['the same status, nothing else given', { status: 'Loopt' }],
    ['the same status and reason (spaces around it do not count)', { status: 'Loopt', toelichting: '  We starten. ' }],
    ['the same status, reason and deadline', { status: 'Loopt', toelichting: 'We starten.', deadline: '2026-12-31' }],
  ])('in place: %s', (_what, request) => {
    expect(requestInPlace(stored, request)).toBe(true);
  });

  it.each([
    ['another status', { status: 'Afgerond' }],
    ['no status', {}],
    ['another reason', { status: 'Loopt', toelichting: 'Anders.' }],
    ['another deadline', { status: 'Loopt', deadline: '2027-01-31' }],
    ['a reason where none is stored', { status: 'Loopt', toelichting: 'Nieuw.' }],
  ])('not in place: %s', (_what, request) => {
    expect(requestInPlace(stored, request)).toBe(false);
    expect(requestInPlace({ status: 'Loopt' }, { status: 'Loopt', toelichting: 'Nieuw.' })).toBe(false);
  });

  it('a deadline where none is stored is a change', () => {
    expect(requestInPlace({ status: 'Loopt' }, { status: 'Loopt', deadline: '2026-12-31' })).toBe(false);
  });
});

describe('changesBetween: what a status update changed, for the card’s line', () => {
  const before = { status: 'Loopt' as const, statusToelichting: 'We starten.', deadline: '2026-12-31' };
  it.each([
    ['nothing', before, []],
    ['the status', { ...before, status: 'Afgerond' as const }, ['status']],
    ['the deadline', { ...before, deadline: '2027-01-31' }, ['deadline']],
    ['the deadline removed', { status: 'Loopt' as const, statusToelichting: 'We starten.' }, ['deadline']],
    ['the reason (not its spaces)', { ...before, statusToelichting: ' Anders. ' }, ['toelichting']],
    ['spaces only', { ...before, statusToelichting: ' We starten. ' }, []],
    [
      'deadline and reason',
      { ...before, deadline: '2027-01-31', statusToelichting: 'Later.' },
      ['deadline', 'toelichting'],
    ],
  ] as const)('%s', (_what, after, expected) => {
    expect(changesBetween(before, after)).toEqual(expected);
  });
});
