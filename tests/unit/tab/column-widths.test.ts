import { describe, expect, it } from 'vitest';
import {
  clampWidth,
  gridTemplate,
  MAX_AUTO_PX,
  MAX_COLUMN_PX,
  MIN_COLUMN_PX,
  parseColumnWidths,
} from '../../../src/tab/features/actionplan/lib/column-widths.js';

const FALLBACK = { nummer: 64, status: 184, eigenaar: 240, deadline: 208, plateau: 160 };

describe('the list column widths', () => {
  it('reads stored widths, keeps only known columns with finite numbers and clamps them', () => {
    expect(
      parseColumnWidths({
        eigenaar: 120.4,
        deadline: 9000,
        status: 2,
        titel: 300,
        plateau: 'breed',
        nummer: Number.NaN,
      }),
    ).toEqual({ eigenaar: 120, deadline: MAX_COLUMN_PX, status: MIN_COLUMN_PX });
    expect(parseColumnWidths(null)).toBeUndefined();
    expect(parseColumnWidths([100])).toBeUndefined();
    expect(parseColumnWidths('{"eigenaar":100}')).toBeUndefined();
    expect(parseColumnWidths({})).toEqual({});
  });

  it('clamps a dragged width to the allowed range', () => {
    expect(clampWidth(-50)).toBe(MIN_COLUMN_PX);
    expect(clampWidth(10_000)).toBe(MAX_COLUMN_PX);
    expect(clampWidth(150.6)).toBe(151);
  });

  it('uses the person’s width, else the content’s (capped), else the fallback; the title takes the rest', () => {
    expect(gridTemplate({}, {}, FALLBACK)).toBe(
      '3rem minmax(0, 64px) minmax(8rem, 1fr) minmax(0, 184px) minmax(0, 240px) minmax(0, 208px) minmax(0, 160px)',
    );
    expect(gridTemplate({ nummer: 50, eigenaar: 900, deadline: 199 }, { deadline: 120 }, FALLBACK)).toBe(
      `3rem minmax(0, 50px) minmax(8rem, 1fr) minmax(0, 184px) minmax(0, ${String(MAX_AUTO_PX)}px) minmax(0, 120px) minmax(0, 160px)`,
    );
  });
});
