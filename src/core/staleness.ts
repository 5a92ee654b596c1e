import { allocFindings, type FindingTable } from './findingTable';
import type { CounterHistory } from './history';
import type { TraceEvents } from './trace';

/** How far past the read's stamp to look for its source: stamps are only ever slightly off. */
const LOOKBACK = 64;

/**
 * Where in the history the value a read saw came from: the latest entry before `position`
 * holding `readValue` and stamped before the read (-1: the initial 0, stamped before
 * everything). When none is stamped before the read, the earliest plausible one: the entry
 * holding it stamped closest after. -2 when the read has no source at all.
 */
export function readSource(
  events: TraceEvents,
  history: CounterHistory,
  position: number,
  readValue: number,
  readTick: number,
): number {
  let closestAfter = -2;
  let pastRead = 0;
  let p = position - 1;
  for (; p >= 0 && pastRead <= LOOKBACK; p--) {
    const tick = events.tick[history.index[p]!]!;
    if (history.value[p] === readValue) {
      if (tick < readTick) return p;
      closestAfter = p;
    }
    if (tick < readTick) pastRead++;
  }
  return p < 0 && readValue === 0 ? -1 : closestAfter;
}

/**
 * The findings for the writes at `indices` (each erased ≠ 0), with `reads[k]` the read
 * write k built on (-1: none). Each erased the writes strictly between its read's source
 * and itself in the counter's history.
 */
export function buildFindings(
  events: TraceEvents,
  history: CounterHistory,
  erasedByEvent: Int32Array,
  indices: Int32Array,
  reads: Int32Array,
): FindingTable {
  const position = new Int32Array(events.length).fill(-1);
  for (let p = 0; p < history.index.length; p++) position[history.index[p]!] = p;
  const table = allocFindings(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k]!;
    const read = reads[k]!;
    const at = position[index]!;
    const source =
      read < 0 || at < 0
        ? -2
        : readSource(events, history, at, events.value[read]!, events.tick[read]!);
    table.index[k] = index;
    table.thread[k] = events.thread[index]!;
    table.read[k] = read < 0 ? -1 : read;
    table.erased[k] = erasedByEvent[index]!;
    // `to` is the write's own place in the history even when it erased none of it (describe reads it).
    table.to[k] = Math.max(at, 0);
    table.from[k] = source > -2 ? source + 1 : table.to[k]!;
  }
  return table;
}
