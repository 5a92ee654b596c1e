import { zoomIdentity, type ZoomTransform } from 'd3';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createZoom, type ZoomController, type ZoomOptions } from './zoom';

/** What the view's controls and cursor may ask of the zoom. */
export type ZoomActions = Pick<ZoomController, 'scaleBy' | 'reset' | 'showAt'>;

/** Zoom actions that reach d3-zoom once useZoom has mounted it (no-ops before). */
export interface ZoomHandle extends ZoomActions {
  /** Route the actions to `controller` (null: to nothing, once it is gone). */
  attach(controller: ZoomController | null): void;
  update(options: ZoomOptions): void;
}

/**
 * The view's zoom actions, one object for the component's life so what receives it need not
 * re-render. Made before the zoom is mounted, so the cursor can take them while the draw
 * that useZoom calls can take the cursor.
 */
export function useZoomActions(): ZoomHandle {
  const [handle] = useState<ZoomHandle>(() => {
    let controller: ZoomController | null = null;
    return {
      attach: (c) => {
        controller = c;
      },
      update: (options) => controller?.update(options),
      scaleBy: (factor, at) => controller?.scaleBy(factor, at),
      reset: () => controller?.reset(),
      showAt: (worldX, screenX) => controller?.showAt(worldX, screenX),
    };
  });
  return handle;
}

/**
 * Mounts d3-zoom on `ref`'s element and hands each transform to `draw`, outside React: zoom
 * events arrive faster than frames, so they are coalesced to at most one draw per animation
 * frame, and a frame costs what `draw` costs, with no render or reconciliation on top.
 * `onFrame` hears how long each such frame took (ms), from the draw to after its paint.
 * The transform last drawn stays in the returned ref, for whoever draws between gestures.
 */
export function useZoom(
  ref: RefObject<Element | null>,
  handle: ZoomHandle,
  options: ZoomOptions,
  draw: (transform: ZoomTransform) => void,
  onFrame: (ms: number) => void,
): RefObject<ZoomTransform> {
  const transformRef = useRef<ZoomTransform>(zoomIdentity);
  const drawRef = useRef(draw);
  const onFrameRef = useRef(onFrame);
  const optionsRef = useRef(options);
  useEffect(() => {
    drawRef.current = draw;
    onFrameRef.current = onFrame;
    optionsRef.current = options;
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let pending: ZoomTransform | null = null;
    let frame = 0;
    // A message posted in the frame arrives after that frame's style, layout and paint.
    const afterPaint = new MessageChannel();
    let frameStart = 0;
    afterPaint.port1.onmessage = () => onFrameRef.current(performance.now() - frameStart);
    const render = () => {
      frame = 0;
      const next = pending;
      pending = null;
      if (!next) return;
      frameStart = performance.now();
      transformRef.current = next;
      drawRef.current(next);
      afterPaint.port2.postMessage(null);
    };
    const zoomController = createZoom(el, optionsRef.current, (t) => {
      pending = t;
      if (!frame) frame = requestAnimationFrame(render);
    });
    handle.attach(zoomController);
    return () => {
      cancelAnimationFrame(frame);
      afterPaint.port1.close();
      zoomController.destroy();
      handle.attach(null);
    };
  }, [ref, handle]);

  const { width, height, maxScale } = options;
  useEffect(() => {
    handle.update({ width, height, maxScale });
  }, [handle, width, height, maxScale]);

  return transformRef;
}
