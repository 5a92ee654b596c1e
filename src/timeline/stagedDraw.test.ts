import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { drawInStages, markerDeadline, MARKER_SLICE_MS, type DrawPart } from './stagedDraw';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A draw whose markers take `passes` marker draws to be whole; records each call and its task. */
function recorder(passes: number) {
  const calls: { part: DrawPart; task: number }[] = [];
  let task = 0;
  let left = passes;
  const draw = (part: DrawPart) => {
    calls.push({ part, task });
    return part === 'canvas' || --left <= 0;
  };
  /** Run the next timer: one task. */
  const nextTask = () => {
    task++;
    vi.advanceTimersToNextTimer();
  };
  return { calls, draw, nextTask };
}

describe('drawInStages', () => {
  it('draws nothing in the commit, then the canvas, the overlay and the markers, each in a task', () => {
    const { calls, draw, nextTask } = recorder(3);
    const overlayStarts = vi.fn();
    drawInStages(draw, overlayStarts);
    expect(calls).toEqual([]);
    for (let i = 0; i < 6; i++) nextTask();
    expect(calls).toEqual([
      { part: 'canvas', task: 1 },
      { part: 'overlay', task: 2 },
      { part: 'markers', task: 3 },
      { part: 'markers', task: 4 },
    ]);
    expect(overlayStarts).toHaveBeenCalledOnce();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops where it is when cancelled', () => {
    const { calls, draw, nextTask } = recorder(Infinity);
    const cancel = drawInStages(draw, () => undefined);
    nextTask();
    nextTask();
    nextTask();
    cancel();
    expect(vi.getTimerCount()).toBe(0);
    expect(calls.map((c) => c.part)).toEqual(['canvas', 'overlay', 'markers']);
  });
});

describe('markerDeadline', () => {
  it('leaves a zoom frame unbounded and gives each stage a slice', () => {
    expect(markerDeadline('all')).toBe(Infinity);
    const now = performance.now();
    expect(markerDeadline('markers')).toBeGreaterThanOrEqual(now + MARKER_SLICE_MS);
    expect(markerDeadline('overlay')).toBeLessThan(performance.now() + MARKER_SLICE_MS + 1);
  });
});
