import { FLAG } from './layout';
import { tickAt, type TraceEvents } from './trace';

/** Compares event indices by order stamp, ties in event order: how writes are taken in turn. */
export const byTick =
  (events: TraceEvents) =>
  (a: number, b: number): number =>
    tickAt(events, a) - tickAt(events, b) || a - b;

/**
 * Event indices `some` (of `total` writes) in tick order. When they are many, gathered by a
 * pass over the events rather than sorted: in event order, which is tick order unless the
 * columns are not.
 */
export function inTickOrder(events: TraceEvents, some: number[], total: number): number[] {
  if (some.length * 32 < total) return some.sort(byTick(events));
  const mark = new Uint8Array(events.length);
  for (const i of some) mark[i] = 1;
  const ordered: number[] = [];
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    if (!mark[i]) continue;
    if (ordered.length > 0 && tickAt(events, i) < tickAt(events, ordered.at(-1)!)) sorted = false;
    ordered.push(i);
  }
  return sorted ? ordered : ordered.sort(byTick(events));
}

/** Every write-like event in tick order, written into `into`, which has room for them all. */
export function writesInTickOrder(events: TraceEvents, into: Int32Array): Int32Array {
  let k = 0;
  let sorted = true;
  for (let i = 0; i < events.length; i++) {
    if (!(events.flags[i]! & FLAG.hasReplaced)) continue;
    if (k > 0 && tickAt(events, i) < tickAt(events, into[k - 1]!)) sorted = false;
    into[k++] = i;
  }
  const order = into.subarray(0, k);
  return sorted ? order : order.sort(byTick(events));
}
