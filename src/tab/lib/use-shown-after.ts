import { useEffect, useState } from 'react';

/** How long the plan's refresh in the background runs before the shell says "Bijwerken…". */
export const REFRESH_INDICATOR_DELAY_MS = 400;

/**
 * Whether `active` has now held for `delayMs` without a break: for the indicator of work that is usually done within a
 * moment (the plan's refresh in the background), which would otherwise flash on and off, and would take the first
 * render's time for a component nobody gets to see (issue 16).
 */
export function useShownAfter(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!active) {
      setShown(false);
      return;
    }
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return active && shown;
}
