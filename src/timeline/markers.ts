import { lowerBound } from '../core/sortedSearch';
import type { FindingTable } from '../core/findingTable';

/**
 * The lost updates' own layer. Each clobbering write gets a marker; where too many fall in
 * view to give each an element, neighbours on a lane merge into one marker that carries
 * their count and summed erasures, so a loss is never averaged away at any zoom.
 */

/** A lane's clobbering writes, in order, with running sums of what they erased. */
export interface LaneLosses {
  index: Int32Array;
  /** erasedBefore[j] = erased by index[0..j); one longer than index. */
  erasedBefore: Float64Array;
}

/** Per lane (thread id), the clobbering writes of `findings` (in event order). */
export function indexLosses(findings: FindingTable, lanes: number): LaneLosses[] {
  const counts = new Int32Array(lanes);
  for (let k = 0; k < findings.length; k++) counts[findings.thread[k]!]!++;
  const out = Array.from(counts, (n) => ({
    index: new Int32Array(n),
    erasedBefore: new Float64Array(n + 1),
  }));
  const fill = new Int32Array(lanes);
  for (let k = 0; k < findings.length; k++) {
    const thread = findings.thread[k]!;
    const lane = out[thread];
    if (!lane) continue;
    const j = fill[thread]!++;
    lane.index[j] = findings.index[k]!;
    lane.erasedBefore[j + 1] = lane.erasedBefore[j]! + findings.erased[k]!;
  }
  return out;
}

/** One marker: a single clobbering write (count 1) or neighbours merged at this zoom. */
export interface MarkerGroup {
  lane: number;
  /** Event index of the first (and, for a single, only) clobbering write. */
  first: number;
  last: number;
  count: number;
  /** Increments these writes erased together. */
  erased: number;
}

/** Most markers at once: singles while they fit, fewer when neighbours must merge. */
export interface MarkerLimits {
  single: number;
  merged: number;
}

/**
 * The markers for the events in view, pixel columns as `columnStarts` gives them. One per
 * write when at most `limits.single` are in view; otherwise writes sharing a lane and a
 * bucket of columns merge, the bucket doubling until at most `limits.merged` remain.
 * Buckets are counted from `offset` columns left of the view (the pan offset, rounded), so
 * panning moves markers without regrouping them.
 */
export function markersInView(
  losses: readonly LaneLosses[],
  starts: Int32Array,
  limits: MarkerLimits,
  offset = 0,
): MarkerGroup[] {
  const width = starts.length - 1;
  const from = starts[0]!;
  const to = starts[width]!;
  for (let bucket = 1; ; bucket *= 2) {
    const limit = bucket === 1 ? limits.single : limits.merged;
    const groups: MarkerGroup[] = [];
    const fits = losses.every((lane, l) => {
      const { index, erasedBefore } = lane;
      const end = lowerBound(index, to);
      for (let j = lowerBound(index, from); j < end;) {
        let next = j + 1;
        if (bucket > 1) {
          const column = lowerBound(starts, index[j]! + 1) - 1;
          const edge = (Math.floor((column + offset) / bucket) + 1) * bucket - offset;
          next = lowerBound(index, starts[Math.min(width, edge)]!, j + 1, end);
        }
        groups.push({
          lane: l,
          first: index[j]!,
          last: index[next - 1]!,
          count: next - j,
          erased: erasedBefore[next]! - erasedBefore[j]!,
        });
        if (groups.length > limit && bucket < 2 * width) return false;
        j = next;
      }
      return true;
    });
    if (fits) return groups;
  }
}
