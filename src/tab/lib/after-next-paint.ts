/**
 * Runs `run` once, in a task right after the browser has painted its next frame: an animation frame's callback runs
 * just before that frame is painted, and a task it posts runs after the paint. A hidden page paints no frame: there
 * `run` runs at once, also when the page is hidden while it waits. No React: the boot uses it too.
 * @returns cancels `run` if it has not run yet
 */
export function afterNextPaint(run: () => void): () => void {
  let done = false;
  let task: ReturnType<typeof setTimeout> | undefined;
  let frame: number | undefined;
  const stop = () => {
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    if (task !== undefined) clearTimeout(task);
    document.removeEventListener('visibilitychange', onHidden);
  };
  const once = () => {
    if (done) return;
    stop();
    run();
  };
  function onHidden(): void {
    if (document.visibilityState === 'hidden') once();
  }
  if (document.visibilityState === 'hidden') {
    once();
    return stop;
  }
  document.addEventListener('visibilitychange', onHidden);
  frame = requestAnimationFrame(() => {
    frame = undefined;
    task = setTimeout(once, 0);
  });
  return stop;
}
