import { paletteFor, type Palette } from './hooks';
import { KINDS, maskBitAt } from './kinds';
import type { Geometry } from './layout';
import { baseKind, lowerKind, rangeMasks, upperKind } from './lod';
import type { TimelineModel } from './model';
import { walkEnvelope, walkGap } from './series';

export interface CanvasProps {
  model: TimelineModel;
  starts: Int32Array;
  geometry: Geometry;
  /** False when the SVG marks are showing: the canvas then draws only the counter chart. */
  marks: boolean;
  /** Changes when the colour scheme flips, so the canvas repaints in the new colours. */
  dark: boolean;
}

/** Rows of a lane: what was seen (upper), what was written (lower), lock traffic (base). */
const ROWS = 3;
/** Row r's kind for each lane mask (masks are bytes): a lookup, per column and lane. */
const KIND_OF_MASK = [upperKind, lowerKind, baseKind].map((pick) =>
  Int8Array.from({ length: 256 }, (_, mask) => pick(mask)),
);

function rowSpans(laneHeight: number): [number, number][] {
  const half = Math.max(3, Math.round(laneHeight * 0.28));
  return [
    [-half, -1],
    [1, half],
    [half + 2, half + 4],
  ];
}

/**
 * The counter against the ideal line, with the gap between them (the increments lost so
 * far) shaded: per pixel column, so its cost is the width's whatever the trace's length.
 * Without an ideal line (a claim), the counter alone.
 */
function paintChart(ctx: CanvasRenderingContext2D, props: CanvasProps, palette: Palette): void {
  const { model, starts, geometry } = props;
  const { series } = model;
  // As scaleLinear().domain([0, top]).range([bottom, chartTop]) maps it, without d3's calls
  // for each of a few thousand points.
  const top = Math.max(1, series.max);
  const bottom = geometry.chartTop + geometry.chartHeight;
  const y = (v: number) => bottom * (1 - v / top) + geometry.chartTop * (v / top);
  const lineTo = (px: number, py: number) => ctx.lineTo(px, py);
  ctx.lineWidth = 1.5;
  ctx.lineJoin = 'round';
  if (model.idealAt) {
    ctx.beginPath();
    if (walkGap(starts, model.idealAt, model.counterAt, y, lineTo)) {
      ctx.fillStyle = palette.gap;
      ctx.fill();
    }
    ctx.beginPath();
    walkEnvelope(starts, model.idealAt, null, y, lineTo);
    ctx.setLineDash([5, 3]);
    ctx.strokeStyle = palette.ideal;
    ctx.stroke();
  }
  ctx.beginPath();
  walkEnvelope(starts, model.counterAt, series.counterLevels, y, lineTo);
  ctx.setLineDash([]);
  ctx.strokeStyle = palette.counter;
  ctx.stroke();
}

/**
 * The accesses when many are in view: for each lane and pixel column, the kinds present
 * (from the mask pyramid, O(log n) per column) painted as at most three thin rows. Runs of
 * equal columns merge into one rectangle and rectangles are filled one colour at a time, so
 * a frame costs the width's worth of work whatever the number of events.
 */
function paintMarks(ctx: CanvasRenderingContext2D, props: CanvasProps, palette: Palette): void {
  const { model, starts, geometry } = props;
  const width = starts.length - 1;
  const lanes = model.lanes;
  const thread = model.trace.events.thread;
  const { kind, clobbered } = model;
  const bitAt = (i: number) => maskBitAt(kind, clobbered, i);
  const masks = new Uint8Array(lanes);
  const runKind = new Int8Array(lanes * ROWS).fill(-1);
  const runStart = new Int32Array(lanes * ROWS);
  const spans = rowSpans(geometry.laneHeight);
  const paths = KINDS.map(() => new Path2D());
  const laneY = geometry.lanes.map((l) => l.y);
  const flush = (slot: number, end: number) => {
    const kind = runKind[slot]!;
    if (kind < 0) return;
    const lane = Math.floor(slot / ROWS);
    const [top, bottom] = spans[slot % ROWS]!;
    const y = laneY[lane];
    if (y !== undefined)
      paths[kind]!.rect(runStart[slot]!, y + top, end - runStart[slot]!, bottom - top);
  };
  for (let c = 0; c <= width; c++) {
    const a = starts[c]!;
    const b = c < width ? starts[c + 1]! : a;
    if (c < width && a < b) rangeMasks(model.masks, thread, bitAt, a, b, masks);
    else masks.fill(0);
    for (let lane = 0; lane < lanes; lane++) {
      for (let row = 0; row < ROWS; row++) {
        const slot = lane * ROWS + row;
        const kind = c < width ? KIND_OF_MASK[row]![masks[lane]!]! : -1;
        if (kind === runKind[slot]) continue;
        flush(slot, c);
        runKind[slot] = kind;
        runStart[slot] = c;
      }
    }
  }
  paths.forEach((path, kind) => {
    ctx.fillStyle = palette.kinds[kind]!;
    ctx.fill(path);
  });
}

/**
 * Paint the counter chart, and the accesses when `marks`, for the columns of `starts`. Called
 * once per zoom frame, straight from the zoom handler: the work is the width's, not the trace's.
 */
export function paintCanvas(canvas: HTMLCanvasElement, props: CanvasProps): void {
  const width = props.starts.length - 1;
  const height = props.geometry.height;
  const dpr = window.devicePixelRatio || 1;
  const pixelWidth = Math.round(width * dpr);
  const pixelHeight = Math.round(height * dpr);
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const palette = paletteFor(canvas, props.dark);
  paintChart(ctx, props, palette);
  if (props.marks) paintMarks(ctx, props, palette);
}
