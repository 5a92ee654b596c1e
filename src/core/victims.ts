import type { FindingTable } from './findingTable';

/** Bits of a sort key that hold the finding number (places and numbers stay below 2^24). */
const NUMBER = 2 ** 24;

/**
 * Finding numbers in ascending order of `place` (a place in a history of `size`), stably:
 * counted per place when findings are many, else sorted (a few findings in a long history
 * need no array as long as the history).
 */
function orderByPlace(place: Int32Array, count: number, size: number): Int32Array {
  const order = new Int32Array(count);
  if (count * 16 < size) {
    const keys = new Float64Array(count);
    for (let k = 0; k < count; k++) keys[k] = place[k]! * NUMBER + k;
    keys.sort();
    for (let k = 0; k < count; k++) order[k] = keys[k]! % NUMBER;
    return order;
  }
  const start = new Int32Array(size + 2);
  for (let k = 0; k < count; k++) start[place[k]! + 1]!++;
  for (let p = 0; p <= size; p++) start[p + 1]! += start[p]!;
  for (let k = 0; k < count; k++) order[start[place[k]!]!++] = k;
  return order;
}

/**
 * Per thread (index into `ids`), how many of its writes another thread's stale write erased,
 * each counted once however many erased it. Findings' ranges of the history overlap heavily
 * (together they can cover it ten times over), so rather than visiting each range this sweeps
 * the history once, keeping per clobbering thread how many ranges cover the current place.
 */
export function victimCounts(
  thread: Uint8Array,
  ids: readonly number[],
  findings: FindingTable,
  history: Int32Array,
): Float64Array {
  const victims = new Float64Array(ids.length);
  const n = findings.length;
  if (n === 0) return victims;
  const size = history.length;
  const starts = orderByPlace(findings.from, n, size);
  const ends = orderByPlace(findings.to, n, size);
  // Ranges covering the current place, by the clobbering thread's id and in all.
  const covering = new Int32Array(256);
  let total = 0;
  let s = 0;
  let x = 0;
  for (let p = 0; p < size; p++) {
    for (; s < n && findings.from[starts[s]!]! <= p; s++) {
      covering[findings.thread[starts[s]!]!]!++;
      total++;
    }
    for (; x < n && findings.to[ends[x]!]! <= p; x++) {
      covering[findings.thread[ends[x]!]!]!--;
      total--;
    }
    if (total === 0) {
      // Nothing covers the history until the next range starts: step there at once.
      if (s >= n) break;
      p = Math.max(p, findings.from[starts[s]!]! - 1);
      continue;
    }
    const t = thread[history[p]!]!;
    if (t >= ids.length) continue;
    const own = ids[t]!;
    if (total > (own >= 0 && own < 256 ? covering[own]! : 0)) victims[t]++;
  }
  return victims;
}
