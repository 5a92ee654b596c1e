import type { TraceEvents } from './trace';

/** The writes a walk along the chain left, taken by the value they replaced. */
export interface UnplacedWrites {
  /** The earliest-stamped unplaced write that replaced `value`, now placed; -1 if none. */
  take(value: number): number;
  /** The writes not placed yet, in any order. */
  unplaced(): number[];
}

/**
 * The chain as a linked list that takes insertions. Node 0 is the initial state, node k
 * (1 ≤ k ≤ chain length) holds chain[k − 1], later nodes the spliced writes. Only links
 * other than "on to the next chain node" are stored: a few thousand cycles in a history
 * of millions.
 */
class SplicedChain {
  private readonly link = new Map<number, number>();
  private readonly spliced: number[] = [];

  constructor(
    private readonly events: TraceEvents,
    private readonly chain: Int32Array,
  ) {}

  tickOf(node: number): number {
    if (node === 0) return -Infinity;
    const c = this.chain.length;
    return this.events.tick[node <= c ? this.chain[node - 1]! : this.spliced[node - c - 1]!]!;
  }

  /** A new node for `event` right after node `at`; its number. */
  insertAfter(at: number, event: number): number {
    const c = this.chain.length;
    const node = c + 1 + this.spliced.length;
    this.spliced.push(event);
    this.link.set(node, this.link.get(at) ?? (at < c ? at + 1 : -1));
    this.link.set(at, node);
    return node;
  }

  /** The events in list order: runs of the chain copied whole between the spliced ones. */
  order(): Int32Array {
    const { chain, link, spliced } = this;
    const c = chain.length;
    const out = new Int32Array(c + spliced.length);
    const turns = [...link.keys()].filter((node) => node <= c).sort((a, b) => a - b);
    let k = 0;
    let node = 0;
    for (let t = 0; ; t++) {
      while (t < turns.length && turns[t]! < node) t++;
      const stop = t < turns.length ? turns[t]! : c;
      out.set(chain.subarray(node, stop), k);
      k += stop - node;
      if (t >= turns.length) return out;
      let next = link.get(stop)!;
      for (; next > c; next = link.get(next)!) out[k++] = spliced[next - c - 1]!;
      if (next < 0) return out;
      out[k++] = chain[next - 1]!;
      node = next;
    }
  }
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

/** The unplaced writes in the order of `writes` (tick order): sorted when few, else filtered. */
function inTickOrder(events: TraceEvents, writes: Int32Array, left: number[]): number[] {
  if (left.length * 32 < writes.length) {
    return left.sort((a, b) => events.tick[a]! - events.tick[b]! || a - b);
  }
  const mark = new Uint8Array(events.length);
  for (const w of left) mark[w] = 1;
  const ordered: number[] = [];
  for (let i = 0; i < writes.length; i++) if (mark[writes[i]!]) ordered.push(writes[i]!);
  return ordered;
}

/**
 * Splice the writes the chain left (cycles: a value left and later returned to) into it, each
 * cycle after the visit of its value stamped latest before it (else the earliest visit).
 * Null when some write cannot be placed. `writes` holds every write in tick order.
 */
export function spliceCycles(
  events: TraceEvents,
  writes: Int32Array,
  chain: Int32Array,
  groups: UnplacedWrites,
): Int32Array | null {
  const list = new SplicedChain(events, chain);
  let pending = inTickOrder(events, writes, groups.unplaced());
  const chainNodes = chainNodesOf(events, chain, pending);
  const splicedNodes = new Map<number, number[]>([[0, [0]]]);
  const placed = new Set<number>();
  while (pending.length > 0) {
    for (const w of pending) {
      if (placed.has(w)) continue;
      const from = events.replaced[w]!;
      // After the latest visit of `from` stamped before this write; else the earliest visit.
      const tick = events.tick[w]!;
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
  return list.order();
}
