import { scaleLinear, type ZoomTransform } from 'd3';
import { useEffectEvent, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CSSProperties } from 'react';
import type { Accounting } from '../core/accounting';
import { scenarioOf } from '../core/scenarios';
import type { Trace } from '../core/trace';
import { useLab } from '../store/labStore';
import { selectStepping } from '../store/selectors';
import { paintCanvas } from './canvasPaint';
import { Controls } from './Controls';
import { ChartFrame } from './CounterChart';
import { Gutter, LaneBands } from './Gutter';
import { useDarkScheme } from './hooks';
import { columnStarts, maxZoom, timelineGeometry, type XMode } from './layout';
import { Legend } from './Legend';
import { timelineModel, type TimelineModel } from './model';
import { Narration } from './Narration';
import { drawInStages, markerDeadline, type DrawPart } from './stagedDraw';
import { laneSteps } from './stepLanes';
import { useAutoplay } from './useAutoplay';
import { useCursor } from './useCursor';
import { useLayers } from './useLayers';
import { useMarkerEvents } from './useMarkerEvents';
import { TIP_X, TIP_Y, useMarkerTips } from './useMarkerTips';
import { TIMELINE_SHORTCUTS, useTimelineKeys } from './useTimelineKeys';
import { useTimings } from './useTimings';
import { useZoom, useZoomActions } from './useZoom';

/**
 * Each access in view is its own SVG shape while there are at most this many and each has
 * at least SVG_MIN_PIXELS of width; denser views go to the canvas, where shapes would only
 * overlap anyway.
 */
export const SVG_MAX_VISIBLE = 3000;
export const SVG_MIN_PIXELS = 2;
/** Room either side of the plot so the cursor's ring is whole at the first and last access. */
const CURSOR_MARGIN = 12;
/** How far marks and markers may show past the plot's edges (px). */
const CLIP_SPILL = 6;

/**
 * The timeline of one trace: lanes, counter chart, lost-update layer, cursor and controls.
 * React renders what changes with the trace, the width or the mode; what changes with every
 * zoom frame (canvas, marks, markers, ticks, cursor) is drawn by `draw`, outside React.
 */
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
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const dark = useDarkScheme();
  const stepping = useLab(selectStepping);
  const steps = useMemo(() => (stepping ? laneSteps(stepping) : null), [stepping]);
  const [xMode, setXMode] = useState<XMode>('order');
  const positions = xMode === 'wall' && model.wall ? model.wall : model.order;
  const geometry = useMemo(
    () => timelineGeometry(trace.threads, width || 800),
    [trace.threads, width],
  );
  const { plotWidth, height, gutter } = geometry;
  const base = useMemo(
    () => scaleLinear().domain(positions.domain).range([0, plotWidth]),
    [positions, plotWidth],
  );

  const { onFrame, onDrawn } = useTimings(rootRef, model, width);
  const zoom = useZoomActions();
  const { zoomAtCurrent, setView: setCursorView } = useCursor(rootRef, cursorRef, zoom);
  const { marksRef, markersRef, ticksRef, layers } = useLayers();
  const tips = useMarkerTips(layers, gutter);
  const markerEvents = useMarkerEvents(layers, tips);
  const { tip, tipId, tipRef } = tips;
  const onKeyDown = useTimelineKeys(model.length, zoom, zoomAtCurrent);
  useAutoplay(trace);

  /** The canvas, and the root's record of what is in view. */
  const paintBase = (
    root: HTMLElement,
    canvas: HTMLCanvasElement,
    {
      svgMode,
      from,
      to,
      starts,
    }: { svgMode: boolean; from: number; to: number; starts: Int32Array },
  ) => {
    const mode = svgMode ? 'svg' : 'canvas';
    if (root.dataset.mode !== mode) root.dataset.mode = mode;
    if (root.dataset.visible !== String(to - from)) root.dataset.visible = String(to - from);
    // The first access in view: a pan moves it, where data-visible stays.
    if (root.dataset.viewStart !== String(from)) root.dataset.viewStart = String(from);
    paintCanvas(canvas, { model, starts, geometry, marks: !svgMode, dark });
  };

  /**
   * One frame of the view at zoom `transform`: everything that moves when it changes, or one
   * stage of a first draw (see drawInStages). False while some marker in view is not drawn yet.
   */
  const draw = (transform: ZoomTransform, part: DrawPart = 'all'): boolean => {
    const root = rootRef.current;
    const canvas = canvasRef.current;
    const drawn = layers.current;
    if (!root || !canvas || !drawn) return true;
    const x = transform.rescaleX(base);
    const starts = columnStarts(positions, x, plotWidth);
    const from = starts[0]!;
    const to = starts[plotWidth]!;
    const svgMode = to - from <= Math.min(SVG_MAX_VISIBLE, plotWidth / SVG_MIN_PIXELS);
    if (part === 'all' || part === 'canvas') paintBase(root, canvas, { svgMode, from, to, starts });
    if (part === 'canvas') return true;
    const overlay = part !== 'markers';
    const view = { model, positions, x, geometry, starts, tx: transform.x };
    if (overlay) drawn.marks.draw(svgMode ? { ...view, from, to } : null);
    const whole = drawn.markers.draw(view, markerDeadline(part));
    if (overlay) {
      drawn.axis.draw(x, xMode, plotWidth, model.length);
      setCursorView({ model, x, base, positions, geometry, zoomed: transform.k > 1 });
    }
    tips.follow();
    return whole;
  };

  const zoomOptions = { width: plotWidth, height, maxScale: maxZoom(model.length, plotWidth) };
  const transformRef = useZoom(zoomRef, zoom, zoomOptions, draw, onFrame);

  // Whatever React changed (width, x mode, colours), drawn at the current zoom before paint; a
  // render for anything else (a tooltip, step mode) draws nothing. A new trace is drawn in
  // stages, each a task of its own: the commit that shows a run's results stays short, and so
  // does each part of the draw.
  const redraw = useEffectEvent((part: DrawPart): boolean => {
    const whole = draw(transformRef.current, part);
    if (whole && part !== 'canvas') onDrawn();
    return whole;
  });
  const drawnModel = useRef<TimelineModel | null>(null);
  useLayoutEffect(() => {
    if (drawnModel.current === model) return void redraw('all');
    return drawInStages(redraw, () => (drawnModel.current = model));
  }, [model, positions, geometry, base, dark, xMode]);

  const clipId = `tl-clip-${useId().replace(/[^\w-]/g, '')}`;
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
        data-x-mode={xMode}
        data-build-ms={model.buildMs.toFixed(1)}
        tabIndex={0}
        role="region"
        aria-label="Timeline of shared accesses"
        aria-roledescription="timeline"
        aria-keyshortcuts={TIMELINE_SHORTCUTS}
        onKeyDown={onKeyDown}
        style={{ height }}
      >
        <canvas
          ref={canvasRef}
          className="tl-canvas"
          aria-hidden="true"
          style={{ left: gutter, width: plotWidth, height }}
        />
        <svg className="tl-svg" width={geometry.width} height={height}>
          <defs>
            <clipPath id={clipId}>
              {/* Half a shape's width either side, so the first and last are whole. */}
              <rect x={-CLIP_SPILL} y={0} width={plotWidth + 2 * CLIP_SPILL} height={height} />
            </clipPath>
          </defs>
          <Gutter
            geometry={geometry}
            steps={steps}
            chartLabel={scenarioOf(trace.config).chartLabel}
          />
          <g ref={zoomRef} className="tl-plot" transform={`translate(${gutter},0)`}>
            <rect className="tl-hit" width={plotWidth} height={height} />
            <LaneBands geometry={geometry} steps={steps} />
            <ChartFrame max={model.series.max} geometry={geometry} />
            <g clipPath={`url(#${clipId})`}>
              <g ref={marksRef} className="tl-marks" />
              <g ref={markersRef} className="tl-lost-layer" {...markerEvents} />
            </g>
            <g className="tl-axis" transform={`translate(0,${geometry.axisTop})`}>
              <line className="tl-axis-line" x1={0} x2={plotWidth} />
              <g ref={ticksRef} />
              <text className="tl-axis-title" x={plotWidth} y={28} textAnchor="end">
                {xMode === 'order' ? 'accesses, in global order' : 'wall time (ms since start)'}
              </text>
            </g>
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
        <div className="tl-tip-host">
          {tip && (
            <div
              ref={tipRef}
              id={tipId}
              role="tooltip"
              className="tl-tip"
              style={{ [TIP_X]: `${tip.left}px`, [TIP_Y]: `${tip.top}px` } as CSSProperties}
            >
              {tip.text}
            </div>
          )}
        </div>
      </div>
      <Legend ops={model.strategy.ops} scenario={scenarioOf(trace.config)} />
    </>
  );
}
