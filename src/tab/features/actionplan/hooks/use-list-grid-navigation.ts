/**
 * The action list's keyboard model (WAI-ARIA grid): one tab stop on the active row; arrow keys, Page Up/Down, Home
 * and End move it (scrolling the virtualised rows into view and focusing the row once rendered), Enter opens a row
 * or folds a group, Space selects a row or folds a group.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ROW_HEIGHT } from '../components/list-grid-styles.js';
import type { ListEntry } from '../lib/list-query.js';

export type ListGridNavigationOptions = {
  entries: ListEntry[];
  /** The scrolling row group: the virtualiser's scroll element, where the active row is focused. */
  scrollRef: RefObject<HTMLDivElement | null>;
  onToggleGroup: (key: string) => void;
  onOpen: (id: string) => void;
  onToggleSelected: (id: string) => void;
  selectable: boolean;
};

/** The virtualiser over the entries, the active row and the rows' key handler. */
export function useListGridNavigation({
  entries,
  scrollRef,
  onToggleGroup,
  onOpen,
  onToggleSelected,
  selectable,
}: ListGridNavigationOptions) {
  const [active, setActive] = useState(0);
  const focusPending = useRef(false);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => {
      const e = entries[index];
      return !e ? index : e.kind === 'group' ? `g:${e.key}` : `r:${e.groupKey}:${e.row.id}`;
    },
  });
  const activeIndex = Math.min(active, Math.max(0, entries.length - 1));

  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`)?.focus();
  });

  const move = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(entries.length - 1, index));
      setActive(next);
      focusPending.current = true;
      virtualizer.scrollToIndex(next, { align: 'auto' });
    },
    [entries.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>, index: number, entry: ListEntry) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const handled = (() => {
      switch (event.key) {
        case 'ArrowDown':
          move(index + 1);
          return true;
        case 'ArrowUp':
          move(index - 1);
          return true;
        case 'PageDown':
          move(index + page);
          return true;
        case 'PageUp':
          move(index - page);
          return true;
        case 'Home':
          move(0);
          return true;
        case 'End':
          move(entries.length - 1);
          return true;
        case 'Enter':
          if (entry.kind === 'group') onToggleGroup(entry.key);
          else onOpen(entry.row.id);
          return true;
        case ' ':
          if (entry.kind === 'group') onToggleGroup(entry.key);
          else if (selectable) onToggleSelected(entry.row.id);
          return true;
        default:
          return false;
      }
    })();
    if (handled) event.preventDefault();
  };

  return { virtualizer, activeIndex, setActive, onKeyDown };
}
