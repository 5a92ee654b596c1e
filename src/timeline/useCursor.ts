import type { ScaleLinear } from 'd3';
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { useLab } from '../store/labStore';
import type { Geometry, XPositions } from './layout';
import type { TimelineModel } from './model';
import type { ZoomActions } from './useZoom';

/** What the cursor needs to know about the view as last rendered. */
export interface CursorView {
  model: TimelineModel;
  x: ScaleLinear<number, number>;
  base: ScaleLinear<number, number>;
  positions: XPositions;
  geometry: Geometry;
  zoomed: boolean;
}

/**
 * Moves the playback cursor (and the root's data-current) straight in the DOM whenever the
 * store's `current` changes, so playing never re-renders the timeline. When the current
 * access leaves a zoomed view, the view pans to follow it. Whoever draws the view tells the
 * cursor about it with `setView`, on every zoom frame.
 */
export function useCursor(
  rootRef: RefObject<HTMLElement | null>,
  cursorRef: RefObject<SVGGElement | null>,
  zoom: ZoomActions,
): { zoomAtCurrent(factor: number): void; setView(view: CursorView): void } {
  const viewRef = useRef<CursorView | null>(null);

  const place = useCallback(
    (i: number, follow: boolean) => {
      const root = rootRef.current;
      const cursor = cursorRef.current;
      if (!root || !cursor || !viewRef.current) return;
      const { model, x, base, positions, geometry, zoomed } = viewRef.current;
      // Nothing to point at yet (step mode before the first step).
      cursor.classList.toggle('tl-cursor-none', model.length === 0);
      if (model.length === 0) return;
      root.dataset.current = String(i);
      const lane = geometry.lanes[model.trace.events.thread[i]!];
      const px = x(positions.at(i));
      const inView = px >= 0 && px <= geometry.plotWidth;
      cursor.setAttribute('transform', `translate(${Math.round(px * 10) / 10},0)`);
      cursor.classList.toggle('tl-cursor-away', !inView);
      cursor.dataset.index = String(i);
      const y = lane?.y ?? 0;
      cursor.querySelector('.tl-cursor-ring')?.setAttribute('cy', String(y));
      const source = model.sourceAt(i);
      const link = cursor.querySelector('.tl-cursor-link');
      if (link) {
        const sx = source >= 0 ? x(positions.at(source)) - px : 0;
        const top = y - geometry.laneHeight * 0.6;
        const d = source >= 0 ? `M${sx},${y - 5}C${sx},${top} 0,${top} 0,${y - 9}` : '';
        link.setAttribute('d', d);
      }
      if (follow && !inView && zoomed) {
        zoom.showAt(base(positions.at(i)), geometry.plotWidth * 0.15);
      }
    },
    [rootRef, cursorRef, zoom],
  );

  const setView = useCallback(
    (view: CursorView) => {
      viewRef.current = view;
      place(useLab.getState().playback.current, false);
    },
    [place],
  );

  useEffect(
    () =>
      useLab.subscribe((s, prev) => {
        if (s.playback.current !== prev.playback.current) place(s.playback.current, true);
      }),
    [place],
  );

  // Zooming from the keyboard or a button keeps the current access where it is on screen
  // (or brings it to the middle first), so the reader never loses it.
  const zoomAtCurrent = useCallback(
    (factor: number) => {
      if (!viewRef.current) return;
      const { x, base, positions, geometry } = viewRef.current;
      const i = useLab.getState().playback.current;
      const at = x(positions.at(i));
      if (at >= 0 && at <= geometry.plotWidth) return zoom.scaleBy(factor, at);
      zoom.showAt(base(positions.at(i)), geometry.plotWidth / 2);
      zoom.scaleBy(factor, geometry.plotWidth / 2);
    },
    [zoom],
  );
  return { zoomAtCurrent, setView };
}
