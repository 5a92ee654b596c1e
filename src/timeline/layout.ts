import type { ScaleLinear } from 'd3';
import { lowerBound } from '../core/sortedSearch';
import { threadLabel, type ThreadInfo, type ThreadRole } from '../core/threads';

/** What the horizontal axis measures: global order of accesses, or recorded wall time. */
export type XMode = 'order' | 'wall';

/** Where each event sits along x, in domain units, non-decreasing with the event index. */
export interface XPositions {
  readonly mode: XMode;
  readonly length: number;
  readonly domain: readonly [number, number];
  at(i: number): number;
  /** The first event whose x is at least `v` (`length` when there is none). */
  lowerBound(v: number): number;
}

/** Event i occupies the unit slot [i, i + 1) and sits at its middle. */
export function orderPositions(length: number): XPositions {
  return {
    mode: 'order',
    length,
    domain: [0, Math.max(1, length)],
    at: (i) => i + 0.5,
    lowerBound: (v) => Math.min(length, Math.max(0, Math.ceil(v - 0.5))),
  };
}

/** Whether any event carries a wall time (the runtime records it only on request). */
export const hasWallTime = (wall: Float64Array | null): wall is Float64Array =>
  wall !== null && wall.some((w) => w >= 0);

/**
 * Events at their wall time (ms). Workers' clocks may disagree by a few microseconds, and
 * unrecorded times are negative, so x is the running maximum from the first recorded time:
 * order stays the trace's order and a binary search finds any time. The axis spans the
 * accesses, not the run's start: workers take a while to start (nested ones hundreds of ms),
 * and that wait would squeeze the whole race into the last few pixels.
 */
export function wallPositions(wall: Float64Array): XPositions {
  const x = new Float64Array(wall.length);
  let start = Infinity;
  for (const w of wall) if (w >= 0 && w < start) start = w;
  if (start === Infinity) start = 0;
  let run = start;
  for (let i = 0; i < wall.length; i++) x[i] = run = Math.max(run, wall[i]!);
  const end = x.length > 0 ? x[x.length - 1]! : start;
  // A sliver past the last access keeps it inside the plot.
  const pad = end > start ? (end - start) * 1e-4 : 1;
  return {
    mode: 'wall',
    length: x.length,
    domain: [start, end + pad],
    at: (i) => x[i]!,
    lowerBound: (v) => lowerBound(x, v),
  };
}

/**
 * The events of each pixel column: column c (pixels [c, c + 1)) holds events
 * [starts[c], starts[c + 1]). Every event in view falls in exactly one column.
 */
export function columnStarts(
  pos: XPositions,
  x: ScaleLinear<number, number>,
  width: number,
): Int32Array {
  const starts = new Int32Array(width + 1);
  // x.invert(c), as d3 works it out for a linear scale, without its calls per column: this
  // runs in every frame, the first of them on code not yet optimised.
  const [d0, d1] = x.domain() as [number, number];
  const [r0, r1] = x.range() as [number, number];
  for (let c = 0; c <= width; c++) {
    const t = r1 === r0 ? 0.5 : (c - r0) / (r1 - r0);
    starts[c] = pos.lowerBound(d0 * (1 - t) + d1 * t);
  }
  return starts;
}

/** The events drawn in [0, width): [from, to). */
export function visibleRange(
  pos: XPositions,
  x: ScaleLinear<number, number>,
  width: number,
): [number, number] {
  return [pos.lowerBound(x.invert(0)), pos.lowerBound(x.invert(width))];
}

/** Deepest zoom: about this many pixels between neighbouring accesses. */
const MAX_PIXELS_PER_ACCESS = 48;

/** The zoom factor at which `length` accesses spread MAX_PIXELS_PER_ACCESS apart. */
export const maxZoom = (length: number, width: number): number =>
  Math.max(1, (length * MAX_PIXELS_PER_ACCESS) / Math.max(1, width));

/** One horizontal lane: one thread, indented as the process tree. */
export interface Lane {
  thread: number;
  name: string;
  /** Unambiguous name for screen readers ("func3›func1"). */
  fullName: string;
  role: ThreadRole;
  depth: number;
  /** Centre line, in px from the top of the timeline. */
  y: number;
  /** The parent's centre line, for the tree guide (null for the root). */
  parentY: number | null;
}

/** Sizes of the timeline's parts, in CSS pixels. */
export interface Geometry {
  width: number;
  height: number;
  /** Left margin holding the lane labels; the plot starts here. */
  gutter: number;
  plotWidth: number;
  chartTop: number;
  chartHeight: number;
  lanesTop: number;
  laneHeight: number;
  axisTop: number;
  lanes: Lane[];
}

const GUTTER = 112;
/** Below this width the lane names get a narrower gutter, so the lanes keep most of it. */
const NARROW = 420;
const NARROW_GUTTER = 84;
/**
 * Room right of the plot: the last access's shape, its marker and the cursor ring are centred
 * on it, and the last tick's label on its slot, so they need space past the plot's edge.
 */
const RIGHT_MARGIN = 16;
const INDENT = 14;
const CHART_TOP = 10;
const CHART_HEIGHT = 72;
const CHART_GAP = 14;
const AXIS_HEIGHT = 42;

/** Lay the lanes out under the counter chart, one per thread in depth-first order. */
export function timelineGeometry(threads: readonly ThreadInfo[], width: number): Geometry {
  const laneHeight = threads.length > 10 ? 20 : 26;
  const lanesTop = CHART_TOP + CHART_HEIGHT + CHART_GAP;
  const depthOf = (t: ThreadInfo): number => {
    let depth = 0;
    for (let p = t.parent; p !== null && depth < threads.length; p = threads[p]?.parent ?? null) {
      depth++;
    }
    return depth;
  };
  const rowOf = new Map(threads.map((t, row) => [t.id, row]));
  const yOfRow = (row: number) => lanesTop + row * laneHeight + laneHeight / 2;
  const lanes = threads.map((t, row): Lane => {
    const parentRow = t.parent === null ? undefined : rowOf.get(t.parent);
    return {
      thread: t.id,
      name: t.name,
      fullName: threadLabel(threads, t.id),
      role: t.role,
      depth: depthOf(t),
      y: yOfRow(row),
      parentY: parentRow === undefined ? null : yOfRow(parentRow),
    };
  });
  const axisTop = lanesTop + threads.length * laneHeight;
  const gutter = width < NARROW ? NARROW_GUTTER : GUTTER;
  const plotWidth = Math.max(40, Math.floor(width) - gutter - RIGHT_MARGIN);
  return {
    width: gutter + plotWidth + RIGHT_MARGIN,
    height: axisTop + AXIS_HEIGHT,
    gutter,
    plotWidth,
    chartTop: CHART_TOP,
    chartHeight: CHART_HEIGHT,
    lanesTop,
    laneHeight,
    axisTop,
    lanes,
  };
}

/** Horizontal offset of a lane's label in the gutter. */
export const labelIndent = (depth: number): number => 8 + depth * INDENT;

/** Pan this far (px) before anchored layers are re-based (see anchorFor). */
const ANCHOR_STEP = 2048;

/**
 * Layers that must not re-render on every pan frame draw at x = k·base(x) + anchor inside a
 * group translated by (tx − anchor): a pan changes only that group's transform, while x stays
 * small (exact in single precision) whatever the zoom. The anchor moves in steps.
 */
export const anchorFor = (tx: number): number => Math.round(tx / ANCHOR_STEP) * ANCHOR_STEP;
