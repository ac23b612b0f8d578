import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint } from '../../../../src/tab/lib/after-next-paint.js';

/** A page's document and frames, as far as afterNextPaint uses them: frames run when the test says so. */
function page(visibility: DocumentVisibilityState) {
  const doc = new EventTarget() as EventTarget & { visibilityState: DocumentVisibilityState };
  doc.visibilityState = visibility;
  const frames = new Map<number, FrameRequestCallback>();
  let next = 1;
  vi.stubGlobal('document', doc);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frames.set(next, callback);
    return next++;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  return {
    doc,
    paintFrame: () => {
      const due = [...frames.values()];
      frames.clear();
      due.forEach((callback) => callback(0));
    },
    hide: () => {
      doc.visibilityState = 'hidden';
      doc.dispatchEvent(new Event('visibilitychange'));
    },
  };
}

describe('afterNextPaint (issue 16)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('runs in a task after the next frame, not in the frame itself, and once', () => {
    const { paintFrame } = page('visible');
    const run = vi.fn();
    afterNextPaint(run);
    vi.advanceTimersByTime(1000);
    expect(run).not.toHaveBeenCalled();
    paintFrame();
    expect(run).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
    paintFrame();
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('runs at once in a hidden page, and when the page is hidden while it waits', () => {
    page('hidden');
    const hiddenRun = vi.fn();
    afterNextPaint(hiddenRun);
    expect(hiddenRun).toHaveBeenCalledTimes(1);

    const { hide, paintFrame } = page('visible');
    const run = vi.fn();
    afterNextPaint(run);
    hide();
    expect(run).toHaveBeenCalledTimes(1);
    paintFrame();
    vi.runAllTimers();
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('does not run once cancelled', () => {
    const { paintFrame, hide } = page('visible');
    const run = vi.fn();
    afterNextPaint(run)();
    paintFrame();
    hide();
    vi.runAllTimers();
    expect(run).not.toHaveBeenCalled();
  });
});
