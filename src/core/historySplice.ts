import { SplicedChain } from './splicedChain';
import { inTickOrder } from './tickOrder';
import { tickAt, type TraceEvents } from './trace';

/** The writes a walk along the chain left, taken by the value they replaced. */
export interface UnplacedWrites {
  /** The earliest-stamped unplaced write that replaced `value`, now placed; -1 if none. */
  take(value: number): number;
  /** The writes not placed yet, in any order. */
  unplaced(): number[];
}

/** Per value some pending write replaced, the chain's nodes holding it, in chain order. */
function chainNodesOf(events: TraceEvents, chain: Int32Array, pending: readonly number[]) {
  const wanted = new Map<number, number[]>();
  let min = Infinity;
  let max = -Infinity;
  for (const w of pending) {
    const v = events.replaced[w]!;
    if (!wanted.has(v)) wanted.set(v, []);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  // A byte per value where the values span a small range, so millions of places ask no map.
  const span = max - min + 1;
  const marks = span <= 4 * chain.length + 1024 ? new Uint8Array(span) : null;
  if (marks) for (const v of wanted.keys()) marks[v - min] = 1;
  for (let k = 0; k < chain.length; k++) {
    const v = events.value[chain[k]!]!;
    if (v < min || v > max || (marks ? !marks[v - min] : !wanted.has(v))) continue;
    wanted.get(v)!.push(k + 1);
  }
  return wanted;
}

/**
 * Splice the writes the chain left (cycles: a value left and later returned to) into it, each
 * cycle after the visit of its value stamped latest before it (else the earliest visit).
 * Null when some write cannot be placed. `room` holds the chain in its first `length` entries
 * and becomes the history (it has room for every write).
 */
export function spliceCycles(
  events: TraceEvents,
  room: Int32Array,
  length: number,
  groups: UnplacedWrites,
): Int32Array | null {
  const chain = room.subarray(0, length);
  const list = new SplicedChain(events, chain);
  let pending = inTickOrder(events, groups.unplaced(), room.length);
  const chainNodes = chainNodesOf(events, chain, pending);
  const splicedNodes = new Map<number, number[]>([[0, [0]]]);
  const placed = new Set<number>();
  while (pending.length > 0) {
    for (const w of pending) {
      if (placed.has(w)) continue;
      const from = events.replaced[w]!;
      // After the latest visit of `from` stamped before this write; else the earliest visit.
      const tick = tickAt(events, w);
      let latest = -1;
      let earliest = -1;
      const consider = (node: number) => {
        const t = list.tickOf(node);
        if (t <= tick && (latest < 0 || t > list.tickOf(latest))) latest = node;
        if (earliest < 0 || t < list.tickOf(earliest)) earliest = node;
      };
      chainNodes.get(from)?.forEach(consider);
      splicedNodes.get(from)?.forEach(consider);
      if (earliest < 0) continue; // Its cycle hangs off a value not reached yet.
      let at = latest >= 0 ? latest : earliest;
      let value = from;
      do {
        const e = groups.take(value);
        if (e < 0) return null;
        placed.add(e);
        at = list.insertAfter(at, e);
        value = events.value[e]!;
        const same = splicedNodes.get(value);
        if (same) same.push(at);
        else splicedNodes.set(value, [at]);
      } while (value !== from);
    }
    const left = pending.filter((w) => !placed.has(w));
    if (left.length === pending.length) return null;
    pending = left;
  }
  return list.order(room);
}
