import { FLAG } from '../core/layout';
import type { TraceEvents } from '../core/trace';
import { buildMinMaxPyramid, rangeMinMax, type MinMaxPyramid } from './lod';

/** The counter's value modification by modification, as accounting reports it. */
export interface CounterHistory {
  index: Int32Array;
  value: Int32Array;
}

/** Per event, the counter after it and the ideal count (no increment lost) after it. */
export interface CounterSeries {
  counter: Int32Array;
  ideal: Int32Array;
  counterLevels: MinMaxPyramid;
  /** The highest either line reaches (the chart's y domain). */
  max: number;
}

/**
 * Both lines over the trace. The counter follows `history` when accounting gave one (its
 * modification order is the truth where stamps and stores disagree); otherwise each write's
 * own value. The ideal line counts write-like events: what the counter would read had none
 * been lost.
 */
export function counterSeries(
  e: TraceEvents,
  kind: Uint8Array,
  history: CounterHistory | null,
): CounterSeries {
  const n = e.length;
  const { value: written, flags } = e;
  const counter = new Int32Array(n);
  const ideal = new Int32Array(n);
  // The history holds every event that replaced a value: those set the counter.
  if (history) {
    for (let k = 0; k < history.index.length; k++) {
      const i = history.index[k]!;
      if (i >= 0 && i < n) counter[i] = history.value[k]!;
    }
  }
  let now = 0;
  let count = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    // Write-like: write, add and a successful compare-and-swap (KINDS 1, 2, 3).
    const writeLike = k >= 1 && k <= 3;
    if (writeLike) count++;
    if (history ? flags[i]! & FLAG.hasReplaced : writeLike)
      now = history ? counter[i]! : written[i]!;
    counter[i] = now;
    ideal[i] = count;
    if (now > max) max = now;
  }
  return { counter, ideal, counterLevels: buildMinMaxPyramid(counter), max: Math.max(max, count) };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Receives the points of a line, in order (an SVG path builder or a canvas context). */
export type LineSink = (x: number, y: number) => void;

/**
 * A step series at pixel resolution: per pixel column, one vertical stroke from the value
 * before the column through the column's least and greatest values to its last. Exact (no
 * dip is averaged away) and at most four points per column.
 */
export function walkEnvelope(
  starts: Int32Array,
  values: Int32Array,
  levels: MinMaxPyramid | null,
  y: (v: number) => number,
  to: LineSink,
): void {
  const width = starts.length - 1;
  if (width < 1) return;
  const range = new Float64Array(2);
  let prev = starts[0]! > 0 ? values[starts[0]! - 1]! : 0;
  to(0, y(prev));
  for (let c = 0; c < width; c++) {
    const a = starts[c]!;
    const b = starts[c + 1]!;
    if (a === b) continue;
    const last = values[b - 1]!;
    const x = c + 0.5;
    to(x, y(prev));
    let spread = false;
    if (levels) {
      rangeMinMax(levels, values, a, b, range);
      const lo = Math.min(range[0]!, prev);
      const hi = Math.max(range[1]!, prev);
      spread = lo !== hi;
      if (spread) {
        to(x, y(lo));
        to(x, y(hi));
      }
    }
    if (spread || last !== prev) to(x, y(last));
    prev = last;
  }
  to(width, y(prev));
}

/** walkEnvelope as an SVG path. */
export function envelopePath(
  starts: Int32Array,
  values: Int32Array,
  levels: MinMaxPyramid | null,
  y: (v: number) => number,
): string {
  const parts: string[] = [];
  walkEnvelope(starts, values, levels, y, (x, v) =>
    parts.push(`${parts.length ? 'L' : 'M'}${round(x)},${round(v)}`),
  );
  return parts.join('');
}

/**
 * The gap between the ideal line and the counter (the increments lost so far) as a closed
 * outline, per pixel column at its values after its last event. False when there is no gap.
 */
export function walkGap(
  starts: Int32Array,
  upper: Int32Array,
  lower: Int32Array,
  y: (v: number) => number,
  to: LineSink,
): boolean {
  const width = starts.length - 1;
  if (width < 1) return false;
  const after = (values: Int32Array, c: number) => (starts[c]! > 0 ? values[starts[c]! - 1]! : 0);
  let gap = false;
  for (let c = 0; c <= width && !gap; c++) gap = after(upper, c) !== after(lower, c);
  if (!gap) return false;
  for (let c = 0; c <= width; c++) to(c, y(after(upper, c)));
  for (let c = width; c >= 0; c--) to(c, y(after(lower, c)));
  return true;
}

/** walkGap as an SVG path ('' when there is no gap). */
export function gapAreaPath(
  starts: Int32Array,
  upper: Int32Array,
  lower: Int32Array,
  y: (v: number) => number,
): string {
  const parts: string[] = [];
  const any = walkGap(starts, upper, lower, y, (x, v) =>
    parts.push(`${parts.length ? 'L' : 'M'}${round(x)},${round(v)}`),
  );
  return any ? `${parts.join('')}Z` : '';
}
