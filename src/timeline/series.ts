import { FLAG } from '../core/layout';
import type { TraceEvents } from '../core/trace';
import { BASE_SHIFT, minMaxPyramidFrom, rangeMinMax, type MinMaxPyramid } from './lod';

/** A stored value as the books count it (the bank's balance as the debits made). */
export type CountedValue = (value: number) => number;

/** Events per stored count of the ideal line; within a block the kinds are counted. */
const IDEAL_SHIFT = 6;

/**
 * Events per stored value of the counter line; within a block its writes are read back. The
 * finest block of its min/max pyramid, so a query's ragged ends read back no further.
 */
const COUNTER_SHIFT = BASE_SHIFT;

/** A step line over the events: its value just after event i. */
export type LineAt = (i: number) => number;

/** The counter and the ideal count (no increment lost), by blocks of events. */
export interface CounterSeries {
  /**
   * The counter before each block of 2^COUNTER_SHIFT events: the line without a number per
   * event, which would be the largest column of a run of millions (counterLine reads it).
   */
  counterBlocks: Int32Array;
  counterLevels: MinMaxPyramid;
  /**
   * Write-like events before each block of 2^IDEAL_SHIFT events, and in all as the last
   * entry: the ideal line without a number per event (idealLine reads it).
   */
  idealBlocks: Int32Array;
  /** The highest either line reaches (the chart's y domain). */
  max: number;
}

/** Write-like: write, add and a successful compare-and-swap (KINDS 1, 2, 3). */
const writeLike = (kind: number) => kind >= 1 && kind <= 3;

/**
 * Both lines over the trace. With books (`counted`), the counter after each event that
 * replaced a value is that value as the books count it, the value their history holds there;
 * without, each write-like event's own value. The ideal line counts write-like events: what
 * the counter would read had none been lost.
 */
export function counterSeries(
  e: TraceEvents,
  kind: Uint8Array,
  counted: CountedValue | null,
): CounterSeries {
  const n = e.length;
  const { value: written, flags } = e;
  const counterBlocks = new Int32Array((n >> COUNTER_SHIFT) + 1);
  const idealBlocks = new Int32Array((n >> IDEAL_SHIFT) + 2);
  const blockEnd = (1 << IDEAL_SHIFT) - 1;
  const counterEnd = (1 << COUNTER_SHIFT) - 1;
  // The finest level of the counter's min/max pyramid, worked out in the same pass.
  const lodEnd = (1 << BASE_SHIFT) - 1;
  const min0 = new Int32Array(Math.ceil(n / (lodEnd + 1)));
  const max0 = new Int32Array(min0.length);
  let [lo, hi] = [0, 0];
  let now = 0;
  let count = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const counts = writeLike(kind[i]!);
    if (counts) count++;
    if ((i & counterEnd) === 0) counterBlocks[i >> COUNTER_SHIFT] = now;
    if (counted ? flags[i]! & FLAG.hasReplaced : counts) {
      now = counted ? counted(written[i]!) : written[i]!;
    }
    if (now > max) max = now;
    if ((i & blockEnd) === blockEnd) idealBlocks[(i >> IDEAL_SHIFT) + 1] = count;
    if ((i & lodEnd) === 0) lo = hi = now;
    else if (now < lo) lo = now;
    else if (now > hi) hi = now;
    if ((i & lodEnd) === lodEnd || i === n - 1) {
      min0[i >> BASE_SHIFT] = lo;
      max0[i >> BASE_SHIFT] = hi;
    }
  }
  idealBlocks[idealBlocks.length - 1] = count;
  return {
    counterBlocks,
    idealBlocks,
    counterLevels: minMaxPyramidFrom(min0, max0, n),
    max: Math.max(max, count),
  };
}

/**
 * The counter line of a series of `e` (with the `kind` and `counted` it was built with): the
 * value set by the last write at or before event i in its block, else the block's own.
 */
export function counterLine(
  series: CounterSeries,
  e: TraceEvents,
  kind: Uint8Array,
  counted: CountedValue | null,
): LineAt {
  const { counterBlocks } = series;
  const { value, flags } = e;
  return (i) => {
    const first = (i >> COUNTER_SHIFT) << COUNTER_SHIFT;
    for (let j = i; j >= first; j--) {
      if (counted ? flags[j]! & FLAG.hasReplaced : writeLike(kind[j]!)) {
        return counted ? counted(value[j]!) : value[j]!;
      }
    }
    return counterBlocks[i >> COUNTER_SHIFT]!;
  };
}

/** The ideal line of a series: its block's count plus the write-like events since. */
export function idealLine(series: CounterSeries, kind: Uint8Array): LineAt {
  const { idealBlocks } = series;
  return (i) => {
    let count = idealBlocks[i >> IDEAL_SHIFT]!;
    for (let j = (i >> IDEAL_SHIFT) << IDEAL_SHIFT; j <= i; j++) if (writeLike(kind[j]!)) count++;
    return count;
  };
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
  valueAt: LineAt,
  levels: MinMaxPyramid | null,
  y: (v: number) => number,
  to: LineSink,
): void {
  const width = starts.length - 1;
  if (width < 1) return;
  const range = new Float64Array(2);
  let prev = starts[0]! > 0 ? valueAt(starts[0]! - 1) : 0;
  to(0, y(prev));
  for (let c = 0; c < width; c++) {
    const a = starts[c]!;
    const b = starts[c + 1]!;
    if (a === b) continue;
    const last = valueAt(b - 1);
    const x = c + 0.5;
    to(x, y(prev));
    let spread = false;
    if (levels) {
      rangeMinMax(levels, valueAt, a, b, range);
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
  valueAt: LineAt,
  levels: MinMaxPyramid | null,
  y: (v: number) => number,
): string {
  const parts: string[] = [];
  walkEnvelope(starts, valueAt, levels, y, (x, v) =>
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
  upper: LineAt,
  lower: LineAt,
  y: (v: number) => number,
  to: LineSink,
): boolean {
  const width = starts.length - 1;
  if (width < 1) return false;
  const after = (line: LineAt, c: number) => (starts[c]! > 0 ? line(starts[c]! - 1) : 0);
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
  upper: LineAt,
  lower: LineAt,
  y: (v: number) => number,
): string {
  const parts: string[] = [];
  const any = walkGap(starts, upper, lower, y, (x, v) =>
    parts.push(`${parts.length ? 'L' : 'M'}${round(x)},${round(v)}`),
  );
  return any ? `${parts.join('')}Z` : '';
}
