import { scaleLinear, type ZoomTransform } from 'd3';
import {
  useCallback,
  useEffect,
  useEffectEvent,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { CSSProperties, FocusEvent, KeyboardEvent, MouseEvent } from 'react';
import type { Accounting } from '../core/accounting';
import type { Trace } from '../core/trace';
import { useLab } from '../store/labStore';
import { selectStepping } from '../store/selectors';
import { createAxisLayer, type AxisLayer } from './axisLayer';
import { paintCanvas } from './canvasPaint';
import { Controls } from './Controls';
import { ChartFrame } from './CounterChart';
import { Gutter, LaneBands } from './Gutter';
import { prefersReducedMotion, useDarkScheme } from './hooks';
import { columnStarts, maxZoom, timelineGeometry, type XMode } from './layout';
import { Legend } from './Legend';
import { createMarkerLayer, markerKey, type MarkerLayer } from './markerLayer';
import { createMarksLayer, type MarksLayer } from './marksLayer';
import { timelineModel } from './model';
import { Narration } from './Narration';
import { laneSteps } from './stepLanes';
import { useCursor } from './useCursor';
import { useZoom, useZoomActions } from './useZoom';

/** The keys that move focus along the lost-update markers, and by how many (∞: to the end). */
const MARKER_MOVES: Record<string, number> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
};

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

/** Where a marker's tip goes (under it); the CSS keeps the tip inside the view (timeline.css). */
const TIP_X = '--tip-x';
const TIP_Y = '--tip-y';

/** A lost-update marker's words, shown under it while it is hovered or focused. */
interface Tip {
  key: string;
  text: string;
  left: number;
  top: number;
}

/** The layers drawn straight in the DOM, created once the elements that hold them exist. */
interface Layers {
  marks: MarksLayer;
  markers: MarkerLayer;
  axis: AxisLayer;
}

const markerOf = (target: EventTarget | null): SVGGElement | null =>
  target instanceof Element ? target.closest<SVGGElement>('[data-testid="lost-marker"]') : null;

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
  const marksRef = useRef<SVGGElement>(null);
  const markersRef = useRef<SVGGElement>(null);
  const ticksRef = useRef<SVGGElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const layers = useRef<Layers | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const tipId = useId();
  const tipKey = useRef<string | null>(null);
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

  const draws = useRef(0);
  const onFrame = useCallback((ms: number) => {
    const root = rootRef.current;
    if (!root) return;
    root.dataset.drawMs = ms.toFixed(2);
    root.dataset.draws = String(++draws.current);
  }, []);

  const zoom = useZoomActions();
  const { zoomAtCurrent, setView: setCursorView } = useCursor(rootRef, cursorRef, zoom);

  // Where the tip of a marker goes: under its ring, in the root's coordinates. Worked out from
  // what was drawn, not measured, so a zoom frame never waits for a layout.
  const tipAt = (key: string): Pick<Tip, 'left' | 'top'> | null => {
    const centre = layers.current?.markers.centre(key);
    return centre ? { left: gutter + centre.x, top: centre.y + 14 } : null;
  };

  /** One frame of the view at zoom `transform`: everything that moves when it changes. */
  const draw = (transform: ZoomTransform) => {
    const root = rootRef.current;
    const canvas = canvasRef.current;
    const drawn = layers.current;
    if (!root || !canvas || !drawn) return;
    const x = transform.rescaleX(base);
    const starts = columnStarts(positions, x, plotWidth);
    const from = starts[0]!;
    const to = starts[plotWidth]!;
    const svgMode = to - from <= Math.min(SVG_MAX_VISIBLE, plotWidth / SVG_MIN_PIXELS);
    const mode = svgMode ? 'svg' : 'canvas';
    if (root.dataset.mode !== mode) root.dataset.mode = mode;
    if (root.dataset.visible !== String(to - from)) root.dataset.visible = String(to - from);
    // The first access in view: a pan moves it, where data-visible stays.
    if (root.dataset.viewStart !== String(from)) root.dataset.viewStart = String(from);
    paintCanvas(canvas, { model, starts, geometry, marks: !svgMode, dark });
    drawn.marks.draw(svgMode ? { model, positions, x, tx: transform.x, geometry, from, to } : null);
    drawn.markers.draw({ model, positions, x, geometry, starts, tx: transform.x });
    drawn.axis.draw(x, xMode, plotWidth, model.length);
    setCursorView({ model, x, base, positions, geometry, zoomed: transform.k > 1 });
    // A shown tip follows its marker, and goes when the marker does.
    if (tipKey.current !== null) {
      const at = tipAt(tipKey.current);
      if (!at) {
        tipKey.current = null;
        setTip(null);
      } else if (tipRef.current) {
        tipRef.current.style.setProperty(TIP_X, `${at.left}px`);
        tipRef.current.style.setProperty(TIP_Y, `${at.top}px`);
      }
    }
  };

  const zoomOptions = { width: plotWidth, height, maxScale: maxZoom(model.length, plotWidth) };
  const transformRef = useZoom(zoomRef, zoom, zoomOptions, draw, onFrame);

  // The layers' elements live as long as the view; React never renders their children.
  useLayoutEffect(() => {
    const holders = [marksRef.current, markersRef.current, ticksRef.current] as const;
    const [marks, markers, ticks] = holders;
    if (!marks || !markers || !ticks) return;
    layers.current = {
      marks: createMarksLayer(marks),
      markers: createMarkerLayer(markers),
      axis: createAxisLayer(ticks),
    };
    return () => {
      layers.current = null;
      for (const g of holders) g?.replaceChildren();
    };
  }, []);

  // Whatever React changed (trace, width, x mode, colours), drawn at the current zoom before
  // paint; a render for anything else (a tooltip, step mode) draws nothing.
  const redraw = useEffectEvent(() => draw(transformRef.current));
  useLayoutEffect(() => redraw(), [model, positions, geometry, base, dark, xMode]);

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

  // After a run the accesses play by themselves, unless the reader prefers less motion. In
  // step mode the newest access is the one to look at, so nothing plays.
  useEffect(() => {
    if (!prefersReducedMotion() && !useLab.getState().stepping) useLab.getState().play();
  }, [trace]);

  // The tip's marker names the tip as its description while it shows.
  useEffect(() => {
    tipKey.current = tip?.key ?? null;
    const marker = tip ? layers.current?.markers.element(tip.key) : undefined;
    marker?.setAttribute('aria-describedby', tipId);
    return () => marker?.removeAttribute('aria-describedby');
  }, [tip, tipId]);

  // Lost-update markers, by delegation: hover and focus show the words, click or Enter seeks.
  const showTip = (target: EventTarget | null) => {
    const marker = markerOf(target);
    if (!marker) return;
    const key = markerKey(marker);
    const at = tipAt(key);
    if (!at) return;
    const text = marker.getAttribute('aria-label') ?? '';
    setTip((t) => (t?.key === key ? t : { key, text, ...at }));
  };
  const hideTip = (target: EventTarget | null, next: EventTarget | null) => {
    const marker = markerOf(target);
    if (!marker || markerOf(next) === marker) return;
    const key = markerKey(marker);
    setTip((t) => (t?.key === key ? null : t));
  };
  const seekTo = (target: EventTarget | null) => {
    const marker = markerOf(target);
    if (!marker) return false;
    useLab.getState().seek(Number(marker.getAttribute('data-index')));
    return true;
  };
  const markerEvents = {
    onMouseOver: (e: MouseEvent) => showTip(e.target),
    // A focused marker keeps its words until it loses focus: after a tap the finger's "mouse"
    // leaves as soon as anything under it moves.
    onMouseOut: (e: MouseEvent) => {
      if (markerOf(e.target) !== document.activeElement) hideTip(e.target, e.relatedTarget);
    },
    onFocus: (e: FocusEvent) => {
      const marker = markerOf(e.target);
      if (marker) layers.current?.markers.focused(marker);
      showTip(e.target);
    },
    onBlur: (e: FocusEvent) => hideTip(e.target, e.relatedTarget),
    onClick: (e: MouseEvent) => seekTo(e.target),
    onKeyDown: (e: KeyboardEvent) => {
      const marker = markerOf(e.target);
      if (!marker) return;
      const move = MARKER_MOVES[e.key];
      if (move !== undefined) layers.current?.markers.moveFocus(marker, move);
      else if (e.key === 'Enter' || e.key === ' ') seekTo(marker);
      else return;
      // Handled here: the timeline's own keys (step, play) must not fire as well.
      e.preventDefault();
      e.stopPropagation();
    },
  };

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
        aria-keyshortcuts="Space ArrowLeft ArrowRight Home End + - 0"
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
          <Gutter geometry={geometry} steps={steps} />
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
      <Legend ops={model.strategy.ops} />
    </>
  );
}
