import { describe, expect, it } from 'vitest';
import { messageText, validationMessages as M } from '../../../src/domain/messages.js';
import { TEXT_MAX } from '../../../src/domain/text-limits.js';
import type { BatchRequest } from '../../../src/data/graph/batch.js';
import { batchChunks } from '../../../src/data/portfolio-import-apply.js';
import {
  dryRunImport,
  GRAPH_MAX_BODY_BYTES,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  ImportLimitError,
  readCsv,
  readImportFile,
  suggestMapping,
  type ImportContext,
} from '../../../src/data/portfolio-import.js';

const context: ImportContext = { items: [], users: [], actieIdByNummer: new Map() };
const HEADER = 'Initiatief;Omschrijving;Domein;Fase;Status;Toelichting status';

describe('import limits, checked before the rows are read', () => {
  it('refuses a file over the maximum size without parsing it', async () => {
    const big = new Uint8Array(IMPORT_MAX_BYTES + 1);
    const refused = await readImportFile('portfolio.csv', big).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ImportLimitError);
    expect(refused).toMatchObject({ kind: 'bytes', limit: IMPORT_MAX_BYTES, actual: IMPORT_MAX_BYTES + 1 });
    // Also an .xlsx: the size is checked before the workbook is opened (these bytes are no workbook at all).
    await expect(readImportFile('portfolio.xlsx', big)).rejects.toBeInstanceOf(ImportLimitError);
  });

  it('refuses more rows than the maximum, and takes exactly the maximum', () => {
    const rows = (n: number) =>
      [HEADER, ...Array.from({ length: n }, (_, i) => `Item ${i};;Concern;Idee;Op koers;`)].join('\n');
    expect(() => readCsv(rows(IMPORT_MAX_ROWS + 1))).toThrow(ImportLimitError);
    expect(readCsv(rows(IMPORT_MAX_ROWS)).rows).toHaveLength(IMPORT_MAX_ROWS);
  });
});

describe('per-field limits in the dry run, with row and column', () => {
  it('names the row and the column of a text over its maximum, shows only the start of the cell, and blocks the import', () => {
    const huge = 'o'.repeat(20 * 1024 * 1024);
    const csv = `${HEADER}\nGoed;kort;Concern;Idee;Op koers;\nTe lang;${huge};Concern;Idee;Op koers;${'t'.repeat(TEXT_MAX.statusToelichting + 1)}\n`;
    const table = readCsv(csv);
    const dryRun = dryRunImport(table, suggestMapping(table.headers), context);
    expect(dryRun.ok).toBe(false);
    expect(dryRun.rows[0]?.problems).toEqual([]);
    const row = dryRun.rows[1];
    expect(row?.rowNumber).toBe(3);
    expect(row?.action).toBe('invalid');
    expect(row?.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'omschrijving',
          code: 'omschrijvingTeLang',
          message: messageText(M.omschrijvingTeLang),
        }),
        expect.objectContaining({
          field: 'statusToelichting',
          code: 'statusToelichtingTeLang',
          message: messageText(M.statusToelichtingTeLang),
        }),
      ]),
    );
    for (const p of row?.problems ?? []) expect((p.value ?? '').length).toBeLessThanOrEqual(120);
  });
});

describe('Graph request size', () => {
  it('splits the writes into $batch requests under 4 MB and at most 20 requests each', () => {
    const write = (n: number, bytes: number) => ({
      n,
      request: {
        id: `r${n}`,
        method: 'POST',
        url: '/x',
        body: { fields: { Omschrijving: 'x'.repeat(bytes) } },
      } satisfies BatchRequest,
    });
    const small = Array.from({ length: 45 }, (_, i) => write(i, 10));
    expect(batchChunks(small).map((c) => c.length)).toEqual([20, 20, 5]);
    const large = Array.from({ length: 5 }, (_, i) => write(i, 1_500_000));
    const chunks = batchChunks(large);
    expect(chunks.map((c) => c.length)).toEqual([2, 2, 1]);
    for (const c of chunks)
      expect(new TextEncoder().encode(JSON.stringify(c.map((w) => w.request))).length).toBeLessThan(
        GRAPH_MAX_BODY_BYTES,
      );
    expect(chunks.flat().map((w) => w.n)).toEqual([0, 1, 2, 3, 4]);
    // 7.5 MB of strings, encoded once per chunk: 1 s alone, but 17 s was seen at load 16 in a worker whose heap the
    // other unit files share (isolate: false), where garbage collection costs more. The assertions are what matter.
  }, 30_000);
});
