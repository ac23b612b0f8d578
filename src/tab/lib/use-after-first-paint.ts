import { startTransition, useEffect, useState } from 'react';

/**
 * False on a component's first render, and until the browser has painted the frame that shows it; then true, set in a
 * transition (React renders what it adds in slices that yield to the browser). For a view that paints what the first
 * screen shows first and adds the rest right after (the roadmap, issue 16). A hidden page paints nothing, so there it
 * turns true at once.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return;
    const done = () => startTransition(() => setPainted(true));
    if (document.visibilityState === 'hidden') {
      done();
      return;
    }
    // An animation frame's callback runs just before that frame is painted; a task it posts runs after the paint.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(done, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
