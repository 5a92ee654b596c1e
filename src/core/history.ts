import type { TraceEvents } from './trace';

/** The counter's modification order, rebuilt from the values the writes replaced. */
export interface CounterHistory {
  /** Event index of each write-like event, in modification order. */
  index: Int32Array;
  /** The counter just after each of them. */
  value: Int32Array;
  /** False when the writes do not chain from 0 into one history and tick order was used. */
  consistent: boolean;
}

/**
 * Items grouped by an integer key, each group keeping the items' order: dense arrays when
 * the keys span a small range (counter values do), a Map of group numbers otherwise.
 */
class Groups {
  readonly items: Int32Array;
  /** Group g holds items[start[g]] up to items[start[g + 1]]. */
  readonly start: Int32Array;
  private readonly min: number;
  private readonly span: number;
  private readonly ids: Map<number, number> | null = null;

  constructor(keys: Int32Array, items: Int32Array) {
    const n = keys.length;
    let min = n > 0 ? keys[0]! : 0;
    let max = min - 1;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      if (k < min) min = k;
      if (k > max) max = k;
    }
    this.min = min;
    this.span = max - min + 1;
    // Indexed loops over typed arrays: these passes run over every write of runs of millions.
    const group = new Int32Array(n);
    if (this.span > 4 * n + 1024) {
      const ids = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        let g = ids.get(keys[i]!);
        if (g === undefined) ids.set(keys[i]!, (g = ids.size));
        group[i] = g;
      }
      this.ids = ids;
      this.span = ids.size;
    } else {
      for (let i = 0; i < n; i++) group[i] = keys[i]! - min;
    }
    const start = new Int32Array(this.span + 1);
    for (let i = 0; i < n; i++) start[group[i]! + 1]!++;
    for (let g = 0; g < this.span; g++) start[g + 1]! += start[g]!;
    const fill = start.slice(0, this.span);
    this.items = new Int32Array(items.length);
    for (let i = 0; i < n; i++) this.items[fill[group[i]!]!++] = items[i]!;
    this.start = start;
  }

  /** The group number of `key`, or -1 when no item has it. */
  group(key: number): number {
    if (this.ids) return this.ids.get(key) ?? -1;
    const g = key - this.min;
    return g >= 0 && g < this.span ? g : -1;
  }
}

/** Unplaced writes by the value they replaced, each group in tick order, taken from the front. */
class ByReplaced {
  private readonly groups: Groups;
  private readonly head: Int32Array;

  constructor(events: TraceEvents, writes: Int32Array) {
    const replaced = new Int32Array(writes.length);
    for (let i = 0; i < writes.length; i++) replaced[i] = events.replaced[writes[i]!]!;
    this.groups = new Groups(replaced, writes);
    this.head = this.groups.start.slice(0, -1);
  }

  /** The earliest-stamped unplaced write that replaced `value`, now placed; -1 if none. */
  take(value: number): number {
    const g = this.groups.group(value);
    if (g < 0 || this.head[g]! >= this.groups.start[g + 1]!) return -1;
    return this.groups.items[this.head[g]!++]!;
  }
}

/**
 * Rebuild the modification order. Order stamps are taken just after each access, so two
 * near-simultaneous writes can carry them swapped; the values cannot lie. Starting from 0,
 * repeatedly take the earliest-stamped write that replaced the current value. A walk like
 * that can only stall at the true last value, leaving cycles (a value left and later
 * returned to) unplaced: each is spliced in where its stamps fit best. When the values do
 * not chain at all, the history falls back to tick order and is marked inconsistent.
 *
 * `writes` holds the write-like event indices in tick order.
 */
export function rebuildHistory(events: TraceEvents, writes: Int32Array): CounterHistory {
  const groups = new ByReplaced(events, writes);
  const chain = new Int32Array(writes.length);
  let length = 0;
  for (let at = groups.take(0); at >= 0; at = groups.take(events.value[at]!)) chain[length++] = at;
  const index =
    length === writes.length
      ? chain
      : spliceCycles(events, writes, chain.subarray(0, length), groups);
  if (!index) return { index: writes.slice(), value: valuesOf(events, writes), consistent: false };
  return { index, value: valuesOf(events, index), consistent: true };
}

/** The counter just after each of `writes`. */
function valuesOf(events: TraceEvents, writes: Int32Array): Int32Array {
  const value = new Int32Array(writes.length);
  for (let i = 0; i < writes.length; i++) value[i] = events.value[writes[i]!]!;
  return value;
}

/** Splice the unplaced cycles into the chain; null when some write cannot be placed. */
function spliceCycles(
  events: TraceEvents,
  writes: Int32Array,
  chain: Int32Array,
  groups: ByReplaced,
): Int32Array | null {
  // A linked list of nodes: node 0 is the initial state, node k + 1 holds chain[k].
  const nodeEvent = new Int32Array(writes.length + 1);
  const next = new Int32Array(writes.length + 1);
  nodeEvent[0] = -1;
  nodeEvent.set(chain, 1);
  for (let k = 0; k <= chain.length; k++) next[k] = k < chain.length ? k + 1 : -1;
  let nodes = chain.length + 1;
  const chainValues = new Int32Array(chain.length);
  const chainNodeIds = new Int32Array(chain.length);
  for (let k = 0; k < chain.length; k++) {
    chainValues[k] = events.value[chain[k]!]!;
    chainNodeIds[k] = k + 1;
  }
  const chainNodes = new Groups(chainValues, chainNodeIds);
  const splicedNodes = new Map<number, number[]>([[0, [0]]]);
  const tickOf = (node: number) => (node === 0 ? -Infinity : events.tick[nodeEvent[node]!]!);

  const placed = new Uint8Array(events.length);
  for (let k = 0; k < chain.length; k++) placed[chain[k]!] = 1;
  let pending = writes.filter((w) => !placed[w]);
  while (pending.length > 0) {
    for (const w of pending) {
      if (placed[w]) continue;
      const from = events.replaced[w]!;
      // After the latest visit of `from` stamped before this write; else the earliest visit.
      const tick = events.tick[w]!;
      let latest = -1;
      let earliest = -1;
      const consider = (node: number) => {
        const t = tickOf(node);
        if (t <= tick && (latest < 0 || t > tickOf(latest))) latest = node;
        if (earliest < 0 || t < tickOf(earliest)) earliest = node;
      };
      const g = chainNodes.group(from);
      if (g >= 0) {
        for (let i = chainNodes.start[g]!; i < chainNodes.start[g + 1]!; i++) {
          consider(chainNodes.items[i]!);
        }
      }
      splicedNodes.get(from)?.forEach(consider);
      if (earliest < 0) continue; // Its cycle hangs off a value not reached yet.
      let at = latest >= 0 ? latest : earliest;
      let value = from;
      do {
        const e = groups.take(value);
        if (e < 0) return null;
        placed[e] = 1;
        const node = nodes++;
        nodeEvent[node] = e;
        next[node] = next[at]!;
        next[at] = node;
        value = events.value[e]!;
        const same = splicedNodes.get(value);
        if (same) same.push(node);
        else splicedNodes.set(value, [node]);
        at = node;
      } while (value !== from);
    }
    const left = pending.filter((w) => !placed[w]);
    if (left.length === pending.length) return null;
    pending = left;
  }
  const order = new Int32Array(writes.length);
  let k = 0;
  for (let node = next[0]!; node >= 0; node = next[node]!) order[k++] = nodeEvent[node]!;
  return order;
}
