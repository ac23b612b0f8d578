import { describe, expect, it } from 'vitest';
import { sameETag } from '../../../src/data/etag.js';

describe('the same version of a list item, whatever form its eTag has', () => {
  const onItem = '"{6E2C1F0A-53B1-4C6D-9E7A-0B1C2D3E4F50},7"';
  it('matches the item’s form, the fields answer’s form, a weak one and another case', () => {
    for (const other of [
      onItem,
      '"6E2C1F0A-53B1-4C6D-9E7A-0B1C2D3E4F50,7"',
      'W/"{6E2C1F0A-53B1-4C6D-9E7A-0B1C2D3E4F50},7"',
      '"{6e2c1f0a-53b1-4c6d-9e7a-0b1c2d3e4f50},7"',
      ' "6e2c1f0a-53b1-4c6d-9e7a-0b1c2d3e4f50,7" ',
    ])
      expect(sameETag(onItem, other), other).toBe(true);
  });
  it('tells another version or another item apart, and a missing eTag from a present one', () => {
    expect(sameETag(onItem, '"{6E2C1F0A-53B1-4C6D-9E7A-0B1C2D3E4F50},8"')).toBe(false);
    expect(sameETag(onItem, '"{6E2C1F0A-53B1-4C6D-9E7A-0B1C2D3E4F51},7"')).toBe(false);
    expect(sameETag(onItem, undefined)).toBe(false);
    expect(sameETag(undefined, undefined)).toBe(true);
  });
});
