import { lowerBound } from './sortedSearch';
import type { FindingTable, WriteFinding } from './accountingTypes';
import type { TraceEvents } from './trace';

export type { FindingTable, WriteFinding } from './accountingTypes';

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
  for (let i = 0; i < writes.length; i++) {
    const owner = thread[writes[i]!]!;
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
  const lo = lowerBound(table.index, index, 0, table.length);
  return lo < table.length && table.index[lo] === index ? lo : -1;
}

/**
 * Increments the write at event `index` erased: its finding's, else 0 (a write that erased
 * none is no finding). One binary search; erasedInOrder walks events in order in one pass.
 */
export function erasedAt(table: FindingTable, index: number): number {
  const k = findingOf(table, index);
  return k < 0 ? 0 : table.erased[k]!;
}

/** erasedAt for events asked in ascending order, stepping along the findings once in all. */
export function erasedInOrder(table: FindingTable): (index: number) => number {
  let k = 0;
  return (index) => {
    while (k < table.length && table.index[k]! < index) k++;
    return k < table.length && table.index[k] === index ? table.erased[k]! : 0;
  };
}
