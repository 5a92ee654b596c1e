import { zoomIdentity, type ZoomTransform } from 'd3';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { createZoom, type ZoomController, type ZoomOptions } from './zoom';

/** What the view's controls and cursor may ask of the zoom. */
export type ZoomActions = Pick<ZoomController, 'scaleBy' | 'reset' | 'showAt'>;

/**
 * Mounts d3-zoom on `ref`'s element and returns the current transform as React state. Zoom
 * events arrive faster than frames; they are coalesced to one render per animation frame,
 * rendered synchronously in that frame so the view never lags a frame behind the gesture.
 * `onFrame` hears how long each such frame took (ms), from the render to after its paint.
 */
export function useZoom(
  ref: RefObject<Element | null>,
  options: ZoomOptions,
  onFrame: (ms: number) => void,
): { transform: ZoomTransform; zoom: ZoomActions } {
  const [transform, setTransform] = useState<ZoomTransform>(zoomIdentity);
  const controller = useRef<ZoomController | null>(null);
  // One object for the component's life, so what receives it need not re-render.
  const [zoom] = useState<ZoomActions>(() => ({
    scaleBy: (factor, at) => controller.current?.scaleBy(factor, at),
    reset: () => controller.current?.reset(),
    showAt: (worldX, screenX) => controller.current?.showAt(worldX, screenX),
  }));
  const onFrameRef = useRef(onFrame);
  const optionsRef = useRef(options);
  useEffect(() => {
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
      flushSync(() => setTransform(next));
      afterPaint.port2.postMessage(null);
    };
    const zoomController = createZoom(el, optionsRef.current, (t) => {
      pending = t;
      if (!frame) frame = requestAnimationFrame(render);
    });
    controller.current = zoomController;
    return () => {
      cancelAnimationFrame(frame);
      afterPaint.port1.close();
      zoomController.destroy();
      controller.current = null;
    };
  }, [ref]);

  const { width, height, maxScale } = options;
  useEffect(() => {
    controller.current?.update({ width, height, maxScale });
  }, [width, height, maxScale]);

  return { transform, zoom };
}
