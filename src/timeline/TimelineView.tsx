import { scaleLinear } from 'd3';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Accounting } from '../core/accounting';
import type { Trace } from '../core/trace';
import { useLab } from '../store/labStore';
import { Axis } from './Axis';
import { CanvasLayer } from './CanvasLayer';
import { Controls } from './Controls';
import { ChartFrame } from './CounterChart';
import { Gutter, LaneBands } from './Gutter';
import { prefersReducedMotion, useDarkScheme } from './hooks';
import { SvgMarks } from './Lanes';
import { columnStarts, maxZoom, timelineGeometry, type XMode } from './layout';
import { Legend } from './Legend';
import { Markers } from './Markers';
import { timelineModel } from './model';
import { Narration } from './Narration';
import { useCursor } from './useCursor';
import { useZoom } from './useZoom';

/**
 * Each access in view is its own SVG shape while there are at most this many and each has
 * at least SVG_MIN_PIXELS of width; denser views go to the canvas, where shapes would only
 * overlap anyway.
 */
export const SVG_MAX_VISIBLE = 3000;
export const SVG_MIN_PIXELS = 2;
/** Room either side of the plot so the cursor's ring is whole at the first and last access. */
const CURSOR_MARGIN = 12;

/** The timeline of one trace: lanes, counter chart, lost-update layer, cursor and controls. */
export function TimelineView({
  trace,
  accounting,
  width,
}: {
  trace: Trace;
  accounting: Accounting | null;
  /** Width available, in CSS pixels (0 before it is known). */
  width: number;
}) {
  const model = useMemo(() => timelineModel(trace, accounting), [trace, accounting]);
  const rootRef = useRef<HTMLDivElement>(null);
  const zoomRef = useRef<SVGGElement>(null);
  const cursorRef = useRef<SVGGElement>(null);
  const [tipHost, setTipHost] = useState<HTMLDivElement | null>(null);
  const dark = useDarkScheme();
  const [xMode, setXMode] = useState<XMode>('order');
  const positions = xMode === 'wall' && model.wall ? model.wall : model.order;
  const geometry = useMemo(
    () => timelineGeometry(trace.threads, width || 800),
    [trace.threads, width],
  );
  const { plotWidth, height, gutter } = geometry;

  const draws = useRef(0);
  const onFrame = useCallback((ms: number) => {
    const root = rootRef.current;
    if (!root) return;
    root.dataset.drawMs = ms.toFixed(2);
    root.dataset.draws = String(++draws.current);
  }, []);
  const zoomOptions = { width: plotWidth, height, maxScale: maxZoom(model.length, plotWidth) };
  const { transform, zoom } = useZoom(zoomRef, zoomOptions, onFrame);

  const base = useMemo(
    () => scaleLinear().domain(positions.domain).range([0, plotWidth]),
    [positions, plotWidth],
  );
  const x = useMemo(() => transform.rescaleX(base), [transform, base]);
  const starts = useMemo(() => columnStarts(positions, x, plotWidth), [positions, x, plotWidth]);
  const from = starts[0]!;
  const to = starts[plotWidth]!;
  const svgMode = to - from <= Math.min(SVG_MAX_VISIBLE, plotWidth / SVG_MIN_PIXELS);

  const { zoomAtCurrent } = useCursor(
    rootRef,
    cursorRef,
    { model, x, base, positions, geometry, zoomed: transform.k > 1 },
    zoom,
  );

  // Time to first render: from the model build (this trace's first render) to the first paint.
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root || width === 0 || root.dataset.renderMs) return;
    const started = model.builtAt;
    requestAnimationFrame(() =>
      setTimeout(() => {
        root.dataset.renderMs = (performance.now() - started).toFixed(1);
      }),
    );
  }, [width, model]);

  // After a run the accesses play by themselves, unless the reader prefers less motion.
  useEffect(() => {
    if (!prefersReducedMotion()) useLab.getState().play();
  }, [trace]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const s = useLab.getState();
    const step = e.shiftKey ? 10 : 1;
    switch (e.key) {
      case ' ':
        s.togglePlay();
        break;
      case 'ArrowRight':
        s.stepBy(step);
        break;
      case 'ArrowLeft':
        s.stepBy(-step);
        break;
      case 'Home':
        s.seek(0);
        break;
      case 'End':
        s.seek(model.length - 1);
        break;
      case '+':
      case '=':
        zoomAtCurrent(2);
        break;
      case '-':
        zoomAtCurrent(0.5);
        break;
      case '0':
        zoom.reset();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const clipId = `tl-clip-${trace.events.length}`;
  return (
    <>
      <Controls
        length={model.length}
        xMode={xMode}
        hasWall={model.wall !== null}
        setXMode={setXMode}
        zoom={zoom}
        zoomAtCurrent={zoomAtCurrent}
      />
      <Narration model={model} />
      <div
        ref={rootRef}
        className="tl-root"
        data-testid="timeline"
        data-accesses={model.length}
        data-current={0}
        data-mode={svgMode ? 'svg' : 'canvas'}
        data-visible={to - from}
        data-x-mode={xMode}
        data-build-ms={model.buildMs.toFixed(1)}
        tabIndex={0}
        role="region"
        aria-label="Timeline of shared accesses"
        aria-roledescription="timeline"
        aria-keyshortcuts="Space ArrowLeft ArrowRight Home End + - 0"
        onKeyDown={onKeyDown}
        style={{ height }}
      >
        <CanvasLayer
          model={model}
          starts={starts}
          geometry={geometry}
          marks={!svgMode}
          dark={dark}
        />
        <svg className="tl-svg" width={geometry.width} height={height}>
          <defs>
            <clipPath id={clipId}>
              <rect x={0} y={0} width={plotWidth} height={height} />
            </clipPath>
          </defs>
          <Gutter geometry={geometry} />
          <g ref={zoomRef} className="tl-plot" transform={`translate(${gutter},0)`}>
            <rect className="tl-hit" width={plotWidth} height={height} />
            <LaneBands geometry={geometry} />
            <ChartFrame max={model.series.max} geometry={geometry} />
            <g clipPath={`url(#${clipId})`}>
              {svgMode && (
                <SvgMarks
                  model={model}
                  positions={positions}
                  base={base}
                  k={transform.k}
                  tx={transform.x}
                  geometry={geometry}
                  from={from}
                  to={to}
                />
              )}
              <Markers
                model={model}
                positions={positions}
                base={base}
                k={transform.k}
                tx={transform.x}
                geometry={geometry}
                starts={starts}
                tipHost={tipHost}
              />
            </g>
            <Axis x={x} mode={xMode} top={geometry.axisTop} width={plotWidth} />
          </g>
        </svg>
        <svg
          className="tl-cursor-layer"
          style={{ left: gutter - CURSOR_MARGIN }}
          width={plotWidth + 2 * CURSOR_MARGIN}
          height={height}
          aria-hidden="true"
        >
          <g transform={`translate(${CURSOR_MARGIN},0)`}>
            <g ref={cursorRef} className="tl-cursor" data-testid="current-access">
              <line className="tl-cursor-line" y1={geometry.chartTop} y2={geometry.axisTop} />
              <path className="tl-cursor-link" />
              <circle className="tl-cursor-ring" r={10} />
            </g>
          </g>
        </svg>
        <div ref={setTipHost} className="tl-tip-host" />
      </div>
      <Legend ops={model.strategy.ops} />
    </>
  );
}
