import { allocFindings, type FindingTable } from './findingTable';
import type { CounterHistory } from './history';
import { EventRanks } from './eventRanks';
import { tickAt, type TraceEvents } from './trace';

/** How far past the read's stamp to look for its source: stamps are only ever slightly off. */
const LOOKBACK = 64;

/** Places of the history summed up per block, so a search can step over a block at once. */
const BLOCK_SHIFT = 6;

/**
 * Per block of 2^BLOCK_SHIFT places of the history: the earliest stamp and the least and
 * greatest value. A block stamped wholly after a read and not spanning its value holds
 * nothing readSource looks for.
 */
export interface HistoryBlocks {
  minTick: Float64Array;
  minValue: Int32Array;
  maxValue: Int32Array;
}

/** The block summaries of `history` (see HistoryBlocks). */
export function historyBlocks(events: TraceEvents, history: CounterHistory): HistoryBlocks {
  const size = history.index.length;
  const count = (size + (1 << BLOCK_SHIFT) - 1) >> BLOCK_SHIFT;
  const blocks = {
    minTick: new Float64Array(count).fill(Infinity),
    minValue: new Int32Array(count).fill(0x7fffffff),
    maxValue: new Int32Array(count).fill(-0x80000000),
  };
  const { minTick, minValue, maxValue } = blocks;
  const ticks = events.tick;
  for (let p = 0; p < size; p++) {
    const b = p >> BLOCK_SHIFT;
    const w = history.index[p]!;
    const tick = ticks ? ticks[w]! : w;
    const value = events.value[w]!;
    if (tick < minTick[b]!) minTick[b] = tick;
    if (value < minValue[b]!) minValue[b] = value;
    if (value > maxValue[b]!) maxValue[b] = value;
  }
  return blocks;
}

/**
 * Where in the history the value a read saw came from: the latest entry before `position`
 * holding `readValue` and stamped before the read (-1: the initial 0, stamped before
 * everything). When none is stamped before the read, the earliest plausible one: the entry
 * holding it stamped closest after. -2 when the read has no source at all. `blocks` lets the
 * walk back step over whole blocks where nothing can match (a thread that read long ago
 * would otherwise walk millions of places).
 */
export function readSource(
  events: TraceEvents,
  history: CounterHistory,
  position: number,
  readValue: number,
  readTick: number,
  blocks: HistoryBlocks,
): number {
  const last = (1 << BLOCK_SHIFT) - 1;
  let closestAfter = -2;
  let pastRead = 0;
  let p = position - 1;
  while (p >= 0 && pastRead <= LOOKBACK) {
    if ((p & last) === last) {
      const b = p >> BLOCK_SHIFT;
      const afterRead = blocks.minTick[b]! >= readTick;
      if (afterRead && (readValue < blocks.minValue[b]! || readValue > blocks.maxValue[b]!)) {
        p -= last + 1;
        continue;
      }
    }
    const w = history.index[p]!;
    const tick = tickAt(events, w);
    if (events.value[w] === readValue) {
      if (tick < readTick) return p;
      closestAfter = p;
    }
    if (tick < readTick) pastRead++;
    p--;
  }
  return p < 0 && readValue === 0 ? -1 : closestAfter;
}

/** Increments the write-like event `i` erased: replaced + 1 − value (see accountTrace). */
export const erasedByWrite = (events: Pick<TraceEvents, 'replaced' | 'value'>, i: number) =>
  events.replaced[i]! + 1 - events.value[i]!;

/**
 * The findings for the writes at `indices` (each erased ≠ 0), with `reads[k]` the read
 * write k built on (-1: none). Each erased the writes strictly between its read's source
 * and itself in the counter's history.
 */
export function buildFindings(
  events: TraceEvents,
  history: CounterHistory,
  indices: Int32Array,
  reads: Int32Array,
): FindingTable {
  const table = allocFindings(indices.length);
  // Each finding's write's place in the history, found in one walk along it (no column of
  // places per event: the findings are a few of millions of events), kept in `to` until
  // the finding's range is worked out.
  const place = table.to.fill(-1);
  const ranks = new EventRanks(indices, events.length);
  for (let p = 0; p < history.index.length; p++) {
    const k = ranks.rank(history.index[p]!);
    if (k >= 0) place[k] = p;
  }
  const blocks = historyBlocks(events, history);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k]!;
    const read = reads[k]!;
    const at = place[k]!;
    const source =
      read < 0 || at < 0
        ? -2
        : readSource(events, history, at, events.value[read]!, tickAt(events, read), blocks);
    table.index[k] = index;
    table.thread[k] = events.thread[index]!;
    table.read[k] = read < 0 ? -1 : read;
    table.erased[k] = erasedByWrite(events, index);
    // `to` is the write's own place in the history even when it erased none of it (describe reads it).
    table.to[k] = Math.max(at, 0);
    table.from[k] = source > -2 ? source + 1 : table.to[k]!;
  }
  return table;
}
