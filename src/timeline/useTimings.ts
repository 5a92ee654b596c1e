import { useCallback, useRef, type RefObject } from 'react';
import type { TimelineModel } from './model';

/**
 * The timeline's measurements, written on its root for the benchmarks and the e2e checks:
 * `data-draw-ms` and `data-draws` after every zoom frame (pass `onFrame` to the zoom), and
 * `data-render-ms` once, from the model build to the paint after the first whole draw at a
 * known width (call `onDrawn` after each draw that React asked for).
 */
export function useTimings(
  rootRef: RefObject<HTMLElement | null>,
  model: TimelineModel,
  width: number,
): { onFrame: (ms: number) => void; onDrawn: () => void } {
  const draws = useRef(0);
  const onFrame = useCallback(
    (ms: number) => {
      const root = rootRef.current;
      if (!root) return;
      root.dataset.drawMs = ms.toFixed(2);
      root.dataset.draws = String(++draws.current);
    },
    [rootRef],
  );
  const onDrawn = useCallback(() => {
    const root = rootRef.current;
    if (!root || width === 0 || root.dataset.renderMs) return;
    const started = model.builtAt;
    requestAnimationFrame(() =>
      setTimeout(() => {
        root.dataset.renderMs ||= (performance.now() - started).toFixed(1);
      }),
    );
  }, [rootRef, width, model]);
  return { onFrame, onDrawn };
}
