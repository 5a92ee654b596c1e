import { spliceCycles } from './historySplice';
import { writesInTickOrder } from './tickOrder';
import type { TraceEvents } from './trace';

/** The counter's modification order, rebuilt from the values the writes replaced. */
export interface CounterHistory {
  /**
   * Event index of each write-like event, in modification order: the counter just after each
   * is that event's value, read there rather than kept in a column as long as the history.
   */
  index: Int32Array;
  /** False when the writes do not chain from 0 into one history and tick order was used. */
  consistent: boolean;
}

/**
 * Items (event indices) grouped by an integer key, `keyOf[item]`, each group keeping the
 * items' order: dense arrays when the keys span a small range (counter values do), a Map of
 * group numbers otherwise. Keys are read where they are, not copied: millions of them.
 */
class Groups {
  readonly items: Int32Array;
  /** Group g holds items[start[g]] up to items[start[g + 1]] (until ByReplaced takes it over). */
  readonly start: Int32Array;
  private readonly min: number;
  private readonly span: number;
  private readonly ids: Map<number, number> | null = null;

  constructor(keyOf: Int32Array, items: Int32Array) {
    const n = items.length;
    let min = n > 0 ? keyOf[items[0]!]! : 0;
    let max = min - 1;
    for (let i = 0; i < n; i++) {
      const k = keyOf[items[i]!]!;
      if (k < min) min = k;
      if (k > max) max = k;
    }
    // Indexed loops over typed arrays: these passes run over every write of runs of millions.
    let group: Int32Array | null = null;
    let span = max - min + 1;
    if (span > 4 * n + 1024) {
      const ids = new Map<number, number>();
      group = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const k = keyOf[items[i]!]!;
        let g = ids.get(k);
        if (g === undefined) ids.set(k, (g = ids.size));
        group[i] = g;
      }
      this.ids = ids;
      span = ids.size;
    }
    this.min = min;
    this.span = span;
    // Counted into start[g + 1], summed into each group's start, then each item placed at its
    // group's start, which moves it on by one: shifting back by one gives the starts again.
    const start = new Int32Array(span + 1);
    if (group) for (let i = 0; i < n; i++) start[group[i]! + 1]!++;
    else for (let i = 0; i < n; i++) start[keyOf[items[i]!]! - min + 1]!++;
    for (let g = 0; g < span; g++) start[g + 1]! += start[g]!;
    this.items = new Int32Array(n);
    if (group) for (let i = 0; i < n; i++) this.items[start[group[i]!]!++] = items[i]!;
    else for (let i = 0; i < n; i++) this.items[start[keyOf[items[i]!]! - min]!++] = items[i]!;
    start.copyWithin(1, 0, span);
    start[0] = 0;
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
  /**
   * Per group, the place of its next unplaced write (the groups' starts, taken over). A group's
   * writes all replaced one value, so it has run out when that place holds another value's.
   */
  private readonly next: Int32Array;

  constructor(
    private readonly replaced: Int32Array,
    writes: Int32Array,
  ) {
    this.groups = new Groups(replaced, writes);
    this.next = this.groups.start;
  }

  /** The earliest-stamped unplaced write that replaced `value`, now placed; -1 if none. */
  take(value: number): number {
    const g = this.groups.group(value);
    if (g < 0) return -1;
    const { items } = this.groups;
    const at = this.next[g]!;
    if (at >= items.length || this.replaced[items[at]!] !== value) return -1;
    this.next[g] = at + 1;
    return items[at]!;
  }

  /** The writes not placed yet, group by group. */
  unplaced(): number[] {
    const { items } = this.groups;
    const left: number[] = [];
    for (let g = 0; g < this.next.length - 1; g++) {
      const at = this.next[g]!;
      if (at >= items.length) continue;
      const value = this.replaced[items[at]!]!;
      if (this.groups.group(value) !== g) continue;
      for (let i = at; i < items.length && this.replaced[items[i]!] === value; i++) {
        left.push(items[i]!);
      }
    }
    return left;
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
 * `writes` holds every write-like event (FLAG.hasReplaced) in tick order, and becomes the
 * history: once grouped, the order is written over it, so no second array as long as the
 * history (millions of writes) is needed.
 */
export function rebuildHistory(events: TraceEvents, writes: Int32Array): CounterHistory {
  const groups = new ByReplaced(events.replaced, writes);
  const chain = writes;
  let length = 0;
  for (let at = groups.take(0); at >= 0; at = groups.take(events.value[at]!)) chain[length++] = at;
  if (length === chain.length) return { index: chain, consistent: true };
  const index = spliceCycles(events, chain, length, groups);
  if (index) return { index, consistent: true };
  return { index: writesInTickOrder(events, chain), consistent: false };
}
