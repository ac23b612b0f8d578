/**
 * The decision log as an .xlsx workbook: exactly the rows the view shows (its filters applied by the caller), in its
 * order. Dutch headers; the meeting and the moment of recording are real Excel date-time cells with the Amsterdam
 * wall-clock time (Excel has no time zones), not text. Loaded only when someone exports.
 */
import { TZDate } from '@date-fns/tz';
import type { BesluitLogEntry } from '../../../../domain/besluitenlog.js';
import { AMSTERDAM } from '../../../../domain/dates.js';
import type { CalendarDate } from '../../../../domain/model.js';
import { loadExcelJS } from '../../../../data/exceljs.js';

/** The media type of an .xlsx file, for a download. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const DATE_TIME_FORMAT = 'dd-mm-yyyy hh:mm';

/**
 * An instant as an Excel date-time cell showing its Amsterdam wall-clock time: exceljs writes a Date by its UTC
 * fields, so the Amsterdam fields are put there.
 */
export function excelAmsterdam(iso: string | undefined): Date | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return null;
  const t = new TZDate(ms, AMSTERDAM);
  return new Date(Date.UTC(t.getFullYear(), t.getMonth(), t.getDate(), t.getHours(), t.getMinutes(), t.getSeconds()));
}

type Cell = string | Date | null;
type Column = { header: string; width: number; value: (e: BesluitLogEntry) => Cell; dateTime?: boolean };

/** The columns, in the order of the view. */
export const BESLUITEN_COLUMNS: readonly Column[] = [
  { header: 'Vergadering', width: 18, value: (e) => excelAmsterdam(e.vergadering), dateTime: true },
  { header: 'MT', width: 24, value: (e) => e.mt?.naam ?? null },
  { header: 'Soort', width: 11, value: (e) => (e.tekst === '' ? 'Besproken' : 'Besluit') },
  { header: 'Besluit', width: 60, value: (e) => (e.tekst === '' ? null : e.tekst) },
  { header: 'Actie', width: 9, value: (e) => e.actie?.nummer ?? null },
  { header: 'Titel actie', width: 44, value: (e) => e.actie?.titel ?? null },
  { header: 'Portfolio-item', width: 36, value: (e) => e.portfolio?.titel ?? null },
  { header: 'Vastgelegd door', width: 28, value: (e) => e.door ?? null },
  { header: 'Vastgelegd op', width: 18, value: (e) => excelAmsterdam(e.op), dateTime: true },
];

/** One sheet "Besluiten" with a header row, a frozen header and an autofilter. */
export async function exportBesluitenXlsx(entries: readonly BesluitLogEntry[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Actieplan Digitaal Leiderschap';
  workbook.created = new Date();
  const ws = workbook.addWorksheet('Besluiten', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = BESLUITEN_COLUMNS.map((c) => ({
    header: c.header,
    width: c.width,
    ...(c.dateTime ? { style: { numFmt: DATE_TIME_FORMAT } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const entry of entries) ws.addRow(BESLUITEN_COLUMNS.map((c) => c.value(entry)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: BESLUITEN_COLUMNS.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** `besluitenlog-2026-11-24.xlsx`. */
export function besluitenFileName(today: CalendarDate): string {
  return `besluitenlog-${today}.xlsx`;
}
