import type { TraceEvents } from './trace';

/** One clobbering write as a plain object (a list on screen, a test, an export). */
export interface WriteFinding {
  /** Event index of the clobbering write. */
  index: number;
  thread: number;
  /** The read this write's value came from (the same thread's latest read); null for add/cas. */
  readIndex: number | null;
  /** replaced + 1 − value: increments this write erased (negative: lost ones it brought back). */
  erased: number;
  /**
   * Event indices of the writes between its read's source and itself in the counter's
   * history (a view into the history, not a copy: it can hold millions).
   */
  erasedWrites: Int32Array;
  /** Distinct threads owning erasedWrites, ascending. */
  victims: number[];
}

/**
 * Every clobbering write of a run, column by column: a run with millions of them keeps a few
 * typed arrays, which a worker hands to the page without copying. Entry k erased the writes
 * at `history[from[k]]` up to (not including) `history[to[k]]` of the counter's history.
 */
export interface FindingTable {
  length: number;
  /** Event index of each clobbering write, ascending. */
  index: Int32Array;
  thread: Uint8Array;
  /** The read its value came from; -1 for none (add, cas). */
  read: Int32Array;
  erased: Int32Array;
  from: Int32Array;
  to: Int32Array;
}

/** An empty table with room for `n` findings. */
export function allocFindings(n: number): FindingTable {
  return {
    length: n,
    index: new Int32Array(n),
    thread: new Uint8Array(n),
    read: new Int32Array(n),
    erased: new Int32Array(n),
    from: new Int32Array(n),
    to: new Int32Array(n),
  };
}

/** Finding `k` as a plain object; `history` is the counter's modification order (event indices). */
export function findingAt(
  table: FindingTable,
  history: Int32Array,
  events: Pick<TraceEvents, 'thread'>,
  k: number,
): WriteFinding {
  const erasedWrites = history.subarray(table.from[k]!, table.to[k]!);
  const read = table.read[k]!;
  return {
    index: table.index[k]!,
    thread: table.thread[k]!,
    readIndex: read < 0 ? null : read,
    erased: table.erased[k]!,
    erasedWrites,
    // Worked out when asked: a stale write can have erased millions (the timeline only rings a few).
    get victims() {
      return victimsOf(erasedWrites, events.thread);
    },
  };
}

/** The distinct owners of `writes`, ascending. */
function victimsOf(writes: Int32Array, thread: Uint8Array): number[] {
  const seen = new Uint8Array(256);
  const victims: number[] = [];
  for (const w of writes) {
    const owner = thread[w]!;
    if (seen[owner]) continue;
    seen[owner] = 1;
    victims.push(owner);
  }
  return victims.sort((a, b) => a - b);
}

/** The first `limit` findings (all by default) as plain objects. */
export function findingList(
  table: FindingTable,
  history: Int32Array,
  events: Pick<TraceEvents, 'thread'>,
  limit = table.length,
): WriteFinding[] {
  const n = Math.min(limit, table.length);
  return Array.from({ length: n }, (_, k) => findingAt(table, history, events, k));
}

/** The number of the finding of the write at event `index`, or -1 (binary search). */
export function findingOf(table: FindingTable, index: number): number {
  let lo = 0;
  let hi = table.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.index[mid]! < index) lo = mid + 1;
    else hi = mid;
  }
  return lo < table.length && table.index[lo] === index ? lo : -1;
}
