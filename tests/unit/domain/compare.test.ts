import { describe, expect, it } from 'vitest';
import { compareItemIds, compareText } from '../../../src/domain/compare.js';

describe('the plain orders of domain/compare.ts', () => {
  it('orders SharePoint ids as numbers, anything else in code-unit order', () => {
    expect(['10', '9', '100', '1'].sort(compareItemIds)).toEqual(['1', '9', '10', '100']);
    // Not both whole numbers (or the same number written twice): code-unit order, never NaN.
    expect(compareItemIds('a', 'b')).toBeLessThan(0);
    expect(compareItemIds('10', 'a')).toBeLessThan(0);
    expect(compareItemIds('', '1')).toBeLessThan(0);
    expect(compareItemIds('01', '1')).toBeLessThan(0);
    expect(compareItemIds('7', '7')).toBe(0);
  });

  it('orders text by code units, the same on every platform', () => {
    expect(['Sociaal Domein', 'Concern', 'bedrijfsvoering', 'Ä'].sort(compareText)).toEqual([
      'Concern',
      'Sociaal Domein',
      'bedrijfsvoering',
      'Ä',
    ]);
    expect(compareText('x', 'x')).toBe(0);
  });
});
