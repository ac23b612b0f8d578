/**
 * The action list's column widths: each column as wide as its widest content (measured with the grid's own font),
 * unless the person chose a width (kept per browser), and a fallback until the font is known.
 */
import { useCallback, useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { ACTIE_STATUSES } from '../../../../domain/model.js';
import { deadlineKind } from '../../../../domain/planning.js';
import { deadlineWords } from '../../../components/deadline-text.js';
import { useLocale, useT } from '../../../i18n/i18n.js';
import type { MessageKey } from '../../../i18n/nl.js';
import { plateauLabel, STATUS_LABEL } from '../../../lib/labels.js';
import { ownerText } from '../../../components/owner-text.js';
import { readJson, writeJson } from '../../../lib/storage.js';
import {
  clampWidth,
  COLUMN_WIDTHS_KEY,
  gridTemplate,
  parseColumnWidths,
  type ColumnWidths,
  type SizedColumn,
} from '../lib/column-widths.js';
import type { ListEntry } from '../lib/list-query.js';

/** Widths until the content is measured (first paint), close to the seeded plan's. */
const FALLBACK_PX: Record<SizedColumn, number> = {
  nummer: 64,
  status: 184,
  eigenaar: 240,
  deadline: 208,
  plateau: 160,
};
/** What a cell adds to its text: its padding, and the icon and gap before an owner, a deadline or a badge's text. */
const CELL_PADDING_PX = 2 * 8 + 2;
const ICON_PX = 20;
const BADGE_CHROME_PX = 12 + 16 + 4;
/** "Achterstallig, 31 dec 2025" in semibold with its icon fits; longer deadline words wrap. */
const DEADLINE_WRAP_PX = 256;

/**
 * Each column's content width: the widest text any entry puts in it (and its header), measured with the grid's own
 * font on a canvas, so all rows count, not only the ones the virtualiser has in the DOM.
 */
function useContentWidths(entries: ListEntry[], font: string | undefined): ColumnWidths {
  const t = useT();
  const locale = useLocale();
  return useMemo(() => {
    if (!font) return {};
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return {};
    const measureIn = (weight: string) => (text: string) => {
      context.font = `${weight} ${font}`;
      return context.measureText(text).width;
    };
    const measure = measureIn('400');
    // An overdue deadline is written in semibold (DeadlineText), which is wider.
    const measureBold = measureIn('600');
    const header = (key: MessageKey) => measureBold(t(key)) + ICON_PX;
    const widths: Record<SizedColumn, number> = {
      nummer: header('plan.col.nummer'),
      status: Math.max(
        header('plan.col.status'),
        ...ACTIE_STATUSES.map((s) => measure(t(STATUS_LABEL[s])) + BADGE_CHROME_PX),
      ),
      eigenaar: Math.max(
        header('plan.col.eigenaar'),
        measure(t('plan.noOwner')) + ICON_PX,
        ...entries.flatMap((e) =>
          e.kind === 'row' && !e.row.actie.eigenaar && e.row.eigenaarPerDomein
            ? [measure(ownerText(t, undefined, e.row.eigenaarPerDomein)) + ICON_PX]
            : [],
        ),
      ),
      deadline: Math.max(header('plan.col.deadline'), measure(t('plan.noDeadline'))),
      plateau: header('plan.col.plateau'),
    };
    const seen = new Set<string>();
    for (const entry of entries) {
      if (entry.kind !== 'row') continue;
      const a = entry.row.actie;
      widths.nummer = Math.max(widths.nummer, measure(a.nummer));
      if (a.eigenaar && !seen.has(a.eigenaar.displayName)) {
        seen.add(a.eigenaar.displayName);
        widths.eigenaar = Math.max(widths.eigenaar, measure(a.eigenaar.displayName) + ICON_PX);
      }
      if (a.deadline) {
        const words = deadlineWords(
          { deadline: a.deadline, overdue: entry.row.overdue, doorlopend: deadlineKind(a) === 'doorlopend' },
          t,
          locale,
        );
        widths.deadline = Math.max(widths.deadline, entry.row.overdue ? measureBold(words) + ICON_PX : measure(words));
      }
      widths.plateau = Math.max(widths.plateau, measure(plateauLabel(t, a.plateau)));
    }
    const out: ColumnWidths = {};
    for (const [column, width] of Object.entries(widths) as [SizedColumn, number][])
      out[column] = Math.ceil(width + CELL_PADDING_PX);
    // A deadline wraps (DeadlineText): its column is as wide as a dated overdue deadline, and a standing
    // commitment's longer words take a second line rather than the title's room.
    out.deadline = Math.min(out.deadline ?? 0, DEADLINE_WRAP_PX);
    return out;
  }, [entries, font, t, locale]);
}

/** The person's own column widths, kept per browser; a stored value that is not a width is ignored. */
function useChosenWidths(): [ColumnWidths, (column: SizedColumn, px: number | undefined) => void, () => void] {
  const [chosen, setChosen] = useState<ColumnWidths>(() => readJson(COLUMN_WIDTHS_KEY, parseColumnWidths) ?? {});
  const set = useCallback((column: SizedColumn, px: number | undefined) => {
    setChosen((current) => {
      const next = { ...current };
      if (px === undefined) delete next[column];
      else next[column] = clampWidth(px);
      return next;
    });
  }, []);
  // Stored from the state's updater, so a resize and its save in one event write the new width, not the one before.
  // Writing the same value twice (React may call an updater twice in development) is harmless.
  const save = useCallback(() => {
    setChosen((current) => {
      writeJson(COLUMN_WIDTHS_KEY, current);
      return current;
    });
  }, []);
  return [chosen, set, save];
}

export type ListGridWidths = {
  /** The grid's `grid-template-columns` (the `--lijst-kolommen` variable). */
  template: string;
  /** A column's width as shown: the person's, else its content's, else the fallback. */
  widthOf: (column: SizedColumn) => number;
  /** Sets (or, with undefined, forgets) the person's width of a column; `save` keeps it in the browser. */
  setWidth: (column: SizedColumn, px: number | undefined) => void;
  save: () => void;
};

/** The grid's column widths; `gridRef` is the grid element, whose computed font the content is measured in. */
export function useListGridWidths(entries: ListEntry[], gridRef: RefObject<HTMLElement | null>): ListGridWidths {
  const [font, setFont] = useState<string>();
  useLayoutEffect(() => {
    const el = gridRef.current;
    if (!el) return;
    const cs = getComputedStyle(el);
    setFont(`${cs.fontSize} ${cs.fontFamily}`);
  }, [gridRef]);
  const contentWidths = useContentWidths(entries, font);
  const [chosen, setWidth, save] = useChosenWidths();
  return {
    template: gridTemplate(contentWidths, chosen, FALLBACK_PX),
    widthOf: (column) => chosen[column] ?? contentWidths[column] ?? FALLBACK_PX[column],
    setWidth,
    save,
  };
}
