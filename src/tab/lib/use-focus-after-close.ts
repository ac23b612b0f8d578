import { useEffect, useRef, type RefObject } from 'react';

/**
 * When `open` turns false (a form closed by saving or cancelling), the focus goes to the first of `targets` that is
 * on the page (mounted and in the document), not to the page itself: the control the editing began from, or a
 * fallback when that is gone.
 */
export function useFocusAfterClose(open: boolean, ...targets: RefObject<HTMLElement | null>[]): void {
  const wasOpen = useRef(open);
  const latest = useRef(targets);
  latest.current = targets;
  useEffect(() => {
    if (wasOpen.current && !open)
      latest.current
        .map((t) => t.current)
        .find((e) => e !== null && e.isConnected)
        ?.focus();
    wasOpen.current = open;
  }, [open]);
}
