import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { BesluitLogEntry } from '../../../src/domain/besluitenlog.js';
import { exportBesluitenXlsx } from '../../../src/tab/features/besluiten/lib/besluiten-export.js';

describe('the decision log export', () => {
  it('writes text that looks like a formula as a plain string cell, never as a formula', async () => {
    const entries: BesluitLogEntry[] = [
      {
        id: '1',
        tekst: '=HYPERLINK("https://evil.example","klik")',
        besproken: true,
        vergadering: '2026-09-01T07:00:00.000Z',
        op: '2026-09-01T08:00:00Z',
        mt: { id: '1', key: 'cmt', naam: '+CMT' },
        actie: { id: '2', nummer: '1.1', titel: '@SUM(A1)' },
      },
    ];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportBesluitenXlsx(entries)).buffer as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    sheet.getRow(2).eachCell((cell) => cells.push(cell));
    const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("https://evil.example","klik")', '+CMT']));
    expect(cells.some((c) => c.type === ExcelJS.ValueType.Formula)).toBe(false);
    expect(texts.some((t) => t.includes('@SUM(A1)'))).toBe(true);
  });
});

describe('the link from a detail panel to the decision log', () => {
  it('is read by the log as "everything about this item, in every MT"', async () => {
    const { besluitenOverHash } = await import('../../../src/tab/lib/besluiten-link.js');
    const { besluitenQuery, toFilter } = await import('../../../src/tab/features/besluiten/lib/besluiten-query.js');
    for (const [kind, key] of [
      ['actie', 'actieId'],
      ['portfolio', 'portfolioId'],
    ] as const) {
      const hash = besluitenOverHash(kind, '42');
      const query = besluitenQuery(new URLSearchParams(hash.slice(hash.indexOf('?') + 1)));
      expect(query.over).toEqual({ kind, id: '42' });
      // "alle" overrides a channel tab's own MT.
      expect(toFilter(query, 'mt-sociaal-domein')).toEqual({ [key]: '42' });
    }
  });
});
