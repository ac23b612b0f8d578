import { describe, expect, it } from 'vitest';
import type { Actie } from '../../../src/domain/model.js';
import { deadlineMakesOverdue } from '../../../src/tab/features/actionplan/lib/deadline-warning.js';

// 4 December 2026, 09:00 in Amsterdam.
const now = new Date('2026-12-04T08:00:00Z');
const actie: Actie = {
  nummer: '3.1',
  titel: 'Verduidelijken',
  advies: 3,
  plateau: 'Randvoorwaardelijk',
  domeinen: ['Concern'],
  status: 'Niet gestart',
  afhankelijkVan: [],
  bevindingen: [],
};

describe('deadlineMakesOverdue: a typed deadline that puts the action past it at once', () => {
  it('warns for a date before today in Amsterdam, not for today or later', () => {
    expect(deadlineMakesOverdue(actie, '2026-12-03', now)).toBe(true);
    expect(deadlineMakesOverdue(actie, ' 2026-01-31 ', now)).toBe(true);
    expect(deadlineMakesOverdue(actie, '2026-12-04', now)).toBe(false);
    expect(deadlineMakesOverdue(actie, '2027-01-01', now)).toBe(false);
    // Just after midnight in Amsterdam (23:30 UTC the day before), yesterday is the 4th.
    expect(deadlineMakesOverdue(actie, '2026-12-04', new Date('2026-12-04T23:30:00Z'))).toBe(true);
  });

  it('not for an empty or invalid date, nor for the deadline the action has already', () => {
    expect(deadlineMakesOverdue(actie, '', now)).toBe(false);
    expect(deadlineMakesOverdue(actie, '2026-02-30', now)).toBe(false);
    expect(deadlineMakesOverdue(actie, '3-12-2026', now)).toBe(false);
    expect(deadlineMakesOverdue(actie, '2026-06-01', now, '2026-06-01')).toBe(false);
    expect(deadlineMakesOverdue(actie, '2026-06-02', now, '2026-06-01')).toBe(true);
  });

  it('not for an action that is closed, and not for a doorlopend deadline of an action that started', () => {
    expect(deadlineMakesOverdue({ ...actie, status: 'Afgerond' }, '2026-06-01', now)).toBe(false);
    expect(deadlineMakesOverdue({ ...actie, status: 'Niet overgenomen' }, '2026-06-01', now)).toBe(false);
    expect(deadlineMakesOverdue({ ...actie, status: 'Loopt' }, '2026-06-01', now)).toBe(true);
    const doorlopend = { ...actie, planning: '2025 en verder' };
    expect(deadlineMakesOverdue({ ...doorlopend, status: 'Loopt' }, '2026-06-01', now)).toBe(false);
    expect(deadlineMakesOverdue({ ...doorlopend, status: 'Niet gestart' }, '2026-06-01', now)).toBe(true);
  });
});
