import { CELL, stampFlags, stampOp, stampTick, WALL_WORD, type TraceRegions } from './layout';
import { allocEvents, type TraceEvents } from './trace';

/** Events decoded between two progress reports. */
const REPORT_EVERY = 1 << 19;

/** Word positions of each thread's first event and of the end of its recorded ones. */
interface Heads {
  head: Int32Array;
  end: Int32Array;
  total: number;
}

/**
 * Read the per-thread regions of a shared trace buffer into one tick-ordered column set.
 * Each region is in tick order already. `progress` hears how many events are done now and then.
 */
export function decodeSharedTrace(
  cells: Int32Array,
  buffer: Int32Array,
  regions: TraceRegions,
  progress?: (done: number, total: number) => void,
): TraceEvents {
  const threadCount = regions.offset.length;
  const stride = regions.stride;
  const heads: Heads = {
    head: new Int32Array(threadCount),
    end: new Int32Array(threadCount),
    total: 0,
  };
  for (let t = 0; t < threadCount; t++) {
    const n = Math.min(Atomics.load(cells, CELL.countBase + t), regions.capacity[t]!);
    heads.head[t] = regions.offset[t]! * stride;
    heads.end[t] = heads.head[t]! + n * stride;
    heads.total += n;
  }
  const first = denseFrom(buffer, heads, stride);
  // Dense stamps from 0 are each event's index: the trace needs no column of them.
  const out = allocEvents(heads.total, stride > WALL_WORD, first === 0 ? 'index' : 'whole');
  if (first >= 0) scatter(buffer, heads, stride, first, out, progress);
  else merge(buffer, heads, stride, out, progress);
  return out;
}

/**
 * The first stamp when the stamps are dense (every one from it on taken by a recorded event,
 * as in any run that ended by itself), else -1. Stamps are distinct and each region's rise,
 * so they are dense exactly when the last is the first plus the count, less one.
 */
function denseFrom(buffer: Int32Array, { head, end, total }: Heads, stride: number): number {
  let first = Infinity;
  let last = -1;
  for (let t = 0; t < head.length; t++) {
    if (head[t]! >= end[t]!) continue;
    first = Math.min(first, stampTick(buffer[head[t]!]!));
    last = Math.max(last, stampTick(buffer[end[t]! - stride]!));
  }
  return total > 0 && last - first === total - 1 ? first : -1;
}

/** Dense stamps: each event's place is its stamp less the first, so each region is copied straight. */
function scatter(
  buffer: Int32Array,
  { head, end, total }: Heads,
  stride: number,
  first: number,
  out: TraceEvents,
  progress?: (done: number, total: number) => void,
): void {
  const { tick, thread, op, flags, value, replaced, wall } = out;
  let done = 0;
  for (let t = 0; t < head.length; t++) {
    for (let at = head[t]!; at < end[t]!;) {
      progress?.(done, total);
      const stop = Math.min(end[t]!, at + REPORT_EVERY * stride);
      done += (stop - at) / stride;
      for (; at < stop; at += stride) {
        const stamp = buffer[at]!;
        const tickAt = stampTick(stamp);
        const i = tickAt - first;
        if (tick) tick[i] = tickAt;
        thread[i] = t;
        op[i] = stampOp(stamp);
        flags[i] = stampFlags(stamp);
        value[i] = buffer[at + 1]!;
        replaced[i] = buffer[at + 2]!;
        if (wall) wall[i] = buffer[at + WALL_WORD]! / 1000;
      }
    }
  }
}

/**
 * Stamps with gaps (a stopped run's last unpublished events): a k-way merge, taken in runs, as
 * a thread often races alone for a while and its events are copied until another thread's
 * next one comes first.
 */
function merge(
  buffer: Int32Array,
  { head, end, total }: Heads,
  stride: number,
  out: TraceEvents,
  progress?: (done: number, total: number) => void,
): void {
  const threadCount = head.length;
  const { thread, op, flags, value, replaced, wall } = out;
  // Stamps with gaps are kept: they are not the events' indices.
  const tick = out.tick!;
  let reportAt = 0;
  for (let i = 0; i < total;) {
    if (progress && i >= reportAt) {
      progress(i, total);
      reportAt = i + REPORT_EVERY;
    }
    // Stamps compare in tick order: the smallest head is next, the second smallest bounds its run.
    let best = -1;
    let bestStamp = 0x7fffffff;
    let second = 0x7fffffff;
    for (let t = 0; t < threadCount; t++) {
      if (head[t]! >= end[t]!) continue;
      const stamp = buffer[head[t]!]!;
      if (stamp < bestStamp) {
        second = bestStamp;
        bestStamp = stamp;
        best = t;
      } else if (stamp < second) second = stamp;
    }
    let at = head[best]!;
    const stop = end[best]!;
    do {
      const stamp = buffer[at]!;
      tick[i] = stampTick(stamp);
      thread[i] = best;
      op[i] = stampOp(stamp);
      flags[i] = stampFlags(stamp);
      value[i] = buffer[at + 1]!;
      replaced[i] = buffer[at + 2]!;
      if (wall) wall[i] = buffer[at + WALL_WORD]! / 1000;
      i++;
      at += stride;
    } while (at < stop && buffer[at]! < second);
    head[best] = at;
  }
}
