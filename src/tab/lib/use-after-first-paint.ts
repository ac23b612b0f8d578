import { startTransition, useEffect, useState } from 'react';
import { afterNextPaint } from './after-next-paint.js';

/**
 * False on a component's first render, and until the browser has painted the frame that shows it; then true, set in a
 * transition (React renders what it adds in slices that yield to the browser). For a view that paints what the first
 * screen shows first and adds the rest right after (the roadmap, issue 16). A hidden page paints nothing, so there it
 * turns true at once (`afterNextPaint`).
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    return afterNextPaint(() => startTransition(() => setPainted(true)));
  }, [painted]);
  return painted;
}
