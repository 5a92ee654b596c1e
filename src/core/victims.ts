import type { FindingTable } from './findingTable';

/**
 * Finding numbers in ascending order of `place` (a place in a history of `size`), stably: a
 * radix sort on the low then the high half of the place's bits, so its counting arrays span
 * about √size, not the history (which can be millions long). `byLow` (room for `count`) holds
 * the order by the low half between the passes.
 */
function orderByPlace(
  place: Int32Array,
  count: number,
  size: number,
  byLow: Int32Array,
): Int32Array {
  const bits = 32 - Math.clz32(size);
  const shift = bits >> 1;
  const lowMask = (1 << shift) - 1;
  const lows = new Int32Array(lowMask + 2);
  for (let k = 0; k < count; k++) lows[(place[k]! & lowMask) + 1]!++;
  for (let d = 0; d <= lowMask; d++) lows[d + 1]! += lows[d]!;
  for (let k = 0; k < count; k++) byLow[lows[place[k]! & lowMask]!++] = k;
  const order = new Int32Array(count);
  const highs = new Int32Array((size >>> shift) + 2);
  for (let k = 0; k < count; k++) highs[(place[k]! >>> shift) + 1]!++;
  for (let d = 0; d < highs.length - 1; d++) highs[d + 1]! += highs[d]!;
  for (let j = 0; j < count; j++) {
    const k = byLow[j]!;
    order[highs[place[k]! >>> shift]!++] = k;
  }
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
  const scratch = new Int32Array(n);
  const starts = orderByPlace(findings.from, n, size, scratch);
  const ends = orderByPlace(findings.to, n, size, scratch);
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
