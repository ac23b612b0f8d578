import { describe, expect, it } from 'vitest';
import { quarterText } from '../../../src/tab/features/portfolio/lib/quarter-text.js';

describe('quarterText: a quarter as people write it', () => {
  it('writes a stored quarter as "Q4 2026", and leaves anything else as it is', () => {
    expect(quarterText('2026-Q4')).toBe('Q4 2026');
    expect(quarterText('2027-Q1')).toBe('Q1 2027');
    expect(quarterText('2026-Q5')).toBe('2026-Q5');
    expect(quarterText('Q4 2026')).toBe('Q4 2026');
    expect(quarterText('')).toBe('');
  });
});
