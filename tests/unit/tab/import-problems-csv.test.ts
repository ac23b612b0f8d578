import { describe, expect, it } from 'vitest';
import { csvCell, problemsCsv } from '../../../src/tab/features/portfolio/lib/import-problems-csv.js';

describe('the problem list as CSV', () => {
  it('quotes every cell, doubles quotes and keeps semicolons and line breaks inside the cell', () => {
    expect(csvCell('Kies een domein uit de lijst.')).toBe('"Kies een domein uit de lijst."');
    expect(csvCell('a "b"; c\nd')).toBe('"a ""b""; c\nd"');
    expect(csvCell(3)).toBe('"3"');
  });

  it('never hands Excel a formula from a cell someone typed', () => {
    for (const bad of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(bad).startsWith(`"'`)).toBe(true);
    expect(csvCell('2-3')).toBe('"2-3"');
  });

  it('writes a byte-order mark, the header and CRLF rows', () => {
    expect(
      problemsCsv(
        ['Rij', 'Probleem'],
        [
          [3, 'x'],
          [4, 'y'],
        ],
      ),
    ).toBe('\uFEFF"Rij";"Probleem"\r\n"3";"x"\r\n"4";"y"\r\n');
  });
});
