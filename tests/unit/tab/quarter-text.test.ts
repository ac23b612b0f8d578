import { describe, expect, it } from 'vitest';
import { quarterChoices, quarterText } from '../../../src/tab/features/portfolio/lib/quarter-text.js';

describe('quarterText: a quarter as people write it', () => {
  it('writes a stored quarter as "Q4 2026", and leaves anything else as it is', () => {
    expect(quarterText('2026-Q4')).toBe('Q4 2026');
    expect(quarterText('2027-Q1')).toBe('Q1 2027');
    expect(quarterText('2026-Q5')).toBe('2026-Q5');
    expect(quarterText('Q4 2026')).toBe('Q4 2026');
    expect(quarterText('')).toBe('');
  });
});

describe('quarterChoices: the quarters a new goal can be set for', () => {
  it('runs from the quarter before the current one to four ahead, across the turn of the year', () => {
    // 7 December 2026 in Amsterdam: Q4 2026.
    expect(quarterChoices(new Date('2026-12-07T12:00:00Z'))).toEqual([
      '2026-Q3',
      '2026-Q4',
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
      '2027-Q4',
    ]);
    // 31 December 23:30 UTC is already 1 January in Amsterdam: Q1 2027 is current.
    expect(quarterChoices(new Date('2026-12-31T23:30:00Z'), 1, 1)).toEqual(['2026-Q4', '2027-Q1', '2027-Q2']);
    expect(quarterChoices(new Date('2027-01-15T12:00:00Z'), 0, 0)).toEqual(['2027-Q1']);
  });
});
