import type { WriteFinding } from './accountingTypes';
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
): WriteFinding[] {
  const position = new Int32Array(events.length).fill(-1);
  for (let p = 0; p < history.index.length; p++) position[history.index[p]!] = p;
  // Which finding last saw each thread as a victim, so victims stay distinct without a Set.
  const seenBy = new Int32Array(256).fill(-1);
  // Most findings have one victim: they share one frozen array per thread.
  const alone = Array.from({ length: 256 }, (_, t) => Object.freeze([t]) as number[]);
  const findings: WriteFinding[] = new Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const index = indices[k]!;
    const read = reads[k]!;
    const at = position[index]!;
    const source =
      read < 0 || at < 0
        ? -2
        : readSource(events, history, at, events.value[read]!, events.tick[read]!);
    const erasedWrites: number[] = source > -2 ? new Array(at - source - 1) : [];
    let first = -1;
    let several: number[] | null = null;
    for (let j = 0; j < erasedWrites.length; j++) {
      const w = history.index[source + 1 + j]!;
      erasedWrites[j] = w;
      const owner = events.thread[w]!;
      if (seenBy[owner] === k) continue;
      seenBy[owner] = k;
      if (first < 0) first = owner;
      else (several ??= [first]).push(owner);
    }
    const victims = several ? several.sort((x, y) => x - y) : first >= 0 ? alone[first]! : [];
    findings[k] = {
      index,
      thread: events.thread[index]!,
      readIndex: read < 0 ? null : read,
      erased: erasedByEvent[index]!,
      erasedWrites,
      victims,
    };
  }
  return findings;
}
