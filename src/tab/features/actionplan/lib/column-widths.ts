/**
 * The list's column widths: by default each column is as wide as its widest content (measured by the grid), a
 * width the person chose by dragging wins and is kept in localStorage per browser. Pure functions; the grid
 * measures and stores.
 */
export const SIZED_COLUMNS = ['nummer', 'status', 'eigenaar', 'deadline', 'plateau'] as const;
export type SizedColumn = (typeof SIZED_COLUMNS)[number];
export type ColumnWidths = Partial<Record<SizedColumn, number>>;

export const COLUMN_WIDTHS_KEY = 'actieplan.lijst.kolombreedtes.v1';
/** Narrower than this and not even a short word fits; wider than this and the title has no room left at 1366 px. */
export const MIN_COLUMN_PX = 48;
export const MAX_COLUMN_PX = 480;
/** A column sized to its content stops here: a very long owner name is cut with an ellipsis instead of taking the row. */
export const MAX_AUTO_PX = 300;
/** One arrow key press on a column's resize handle. */
export const KEY_STEP_PX = 16;

export function clampWidth(px: number): number {
  return Math.round(Math.min(MAX_COLUMN_PX, Math.max(MIN_COLUMN_PX, px)));
}

/** Reads what was stored, dropping anything that is not a column and a sane width (storage is user-editable). */
export function parseColumnWidths(raw: unknown): ColumnWidths | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const out: ColumnWidths = {};
  for (const column of SIZED_COLUMNS) {
    const value = (raw as Record<string, unknown>)[column];
    if (typeof value === 'number' && Number.isFinite(value)) out[column] = clampWidth(value);
  }
  return out;
}

/**
 * The grid's `grid-template-columns`: the checkbox, then each sized column at the person's width or its content's,
 * the title taking what is left (never less than 8rem). A width is a maximum (`minmax(0, …)`): in a narrower window
 * a column gives way and its cells show an ellipsis, rather than pushing the grid past the window's edge.
 */
export function gridTemplate(auto: ColumnWidths, chosen: ColumnWidths, fallback: Record<SizedColumn, number>): string {
  const width = (c: SizedColumn) =>
    `minmax(0, ${String(chosen[c] ?? Math.min(MAX_AUTO_PX, auto[c] ?? fallback[c]))}px)`;
  return [
    '3rem',
    width('nummer'),
    'minmax(8rem, 1fr)',
    width('status'),
    width('eigenaar'),
    width('deadline'),
    width('plateau'),
  ].join(' ');
}
