/**
 * The dry run's problem list as a CSV file, to fix a long list next to the spreadsheet. Semicolons and a byte-order
 * mark, as Dutch Excel opens a CSV without an import wizard; every cell quoted.
 */

/** A cell Excel would run as a formula (=, +, -, @, or a tab or return first) gets a leading apostrophe. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The header and the rows as CSV text with CRLF line ends and a byte-order mark. */
export function problemsCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(';')).join('\r\n')}\r\n`;
}
