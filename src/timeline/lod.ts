/**
 * Level of detail for a million accesses: precomputed once per trace, then every query about
 * a range of events costs O(log n), so a frame's cost depends on the width in pixels, never
 * on how many events are in view.
 */

/**
 * The finest block holds 2^BASE_SHIFT events; each level up doubles it. 32 events: a query
 * reads at most 62 single events at its ends, and the pyramids of 8,000,000 events take
 * 6 MB, not the 26 MB of 8-event blocks.
 */
export const BASE_SHIFT = 5;

/**
 * Visit [a, b) as the fewest aligned pieces: single events at the ragged ends (`raw`), and
 * whole blocks of `level` (`block`) in between. Every event is covered exactly once.
 */
export function forEachCover(
  a: number,
  b: number,
  depth: number,
  raw: (i: number) => void,
  block: (level: number, k: number) => void,
): void {
  const size = 1 << BASE_SHIFT;
  if (depth === 0 || b - a < 2 * size) {
    for (let i = a; i < b; i++) raw(i);
    return;
  }
  let lo = a;
  while (lo & (size - 1)) raw(lo++);
  let hi = b;
  while (hi & (size - 1)) raw(--hi);
  lo >>= BASE_SHIFT;
  hi >>= BASE_SHIFT;
  for (let level = 0; lo < hi; level++) {
    if (level === depth - 1) {
      for (let k = lo; k < hi; k++) block(level, k);
      return;
    }
    if (lo & 1) block(level, lo++);
    if (hi & 1) block(level, --hi);
    lo >>= 1;
    hi >>= 1;
  }
}

/** Block counts per level, finest first, up to a single block. */
function levelSizes(n: number): number[] {
  const sizes: number[] = [];
  for (let blocks = Math.ceil(n / (1 << BASE_SHIFT)); blocks > 0; blocks = Math.ceil(blocks / 2)) {
    sizes.push(blocks);
    if (blocks === 1) break;
  }
  return sizes;
}

/** Per lane and block, the OR of the kind bits of that lane's events in the block. */
export interface MaskPyramid {
  lanes: number;
  /** levels[L][k * lanes + lane]. */
  levels: Uint8Array[];
}

/**
 * The masks of events whose bit is 1 << kind, and `flagBit` besides for the few events at
 * `flagged` (the writes that erased increments), from the kinds with no column of bits.
 */
export function buildMaskPyramid(
  lane: Uint8Array,
  kind: Uint8Array,
  lanes: number,
  flagged: Int32Array | null,
  flagBit: number,
): MaskPyramid {
  const sizes = levelSizes(kind.length);
  const levels = sizes.map((blocks) => new Uint8Array(blocks * lanes));
  const first = levels[0];
  if (!first) return { lanes, levels };
  for (let i = 0; i < kind.length; i++)
    first[(i >> BASE_SHIFT) * lanes + lane[i]!]! |= 1 << kind[i]!;
  if (flagged) for (const i of flagged) first[(i >> BASE_SHIFT) * lanes + lane[i]!]! |= flagBit;
  for (let L = 1; L < levels.length; L++) {
    const below = levels[L - 1]!;
    const here = levels[L]!;
    for (let k = 0; k * lanes < below.length; k++) {
      const from = k * lanes;
      const to = (k >> 1) * lanes;
      for (let l = 0; l < lanes; l++) here[to + l]! |= below[from + l]!;
    }
  }
  return { lanes, levels };
}

/** out[lane] = OR of the bits (bitAt) of that lane's events in [a, b). */
export function rangeMasks(
  p: MaskPyramid,
  lane: Uint8Array,
  bitAt: (i: number) => number,
  a: number,
  b: number,
  out: Uint8Array,
): void {
  out.fill(0);
  const lanes = p.lanes;
  forEachCover(
    a,
    b,
    p.levels.length,
    (i) => (out[lane[i]!]! |= bitAt(i)),
    (level, k) => {
      const masks = p.levels[level]!;
      for (let l = 0, at = k * lanes; l < lanes; l++) out[l]! |= masks[at + l]!;
    },
  );
}

/** Per block, the least and greatest of a series (the counter's value after each event). */
export interface MinMaxPyramid {
  min: Int32Array[];
  max: Int32Array[];
}

/**
 * The pyramid over `n` values from its finest level, worked out by the caller (the least and
 * greatest of each block of 2^BASE_SHIFT values): each level above from the one below.
 */
export function minMaxPyramidFrom(min0: Int32Array, max0: Int32Array, n: number): MinMaxPyramid {
  const sizes = levelSizes(n);
  const min = [min0];
  const max = [max0];
  if (sizes.length === 0) return { min: [], max: [] };
  for (let L = 1; L < sizes.length; L++) {
    const [minBelow, maxBelow] = [min[L - 1]!, max[L - 1]!];
    const [minHere, maxHere] = [new Int32Array(sizes[L]!), new Int32Array(sizes[L]!)];
    for (let k = 0; k < minHere.length; k++) {
      const a = 2 * k;
      const b = Math.min(a + 1, minBelow.length - 1);
      minHere[k] = Math.min(minBelow[a]!, minBelow[b]!);
      maxHere[k] = Math.max(maxBelow[a]!, maxBelow[b]!);
    }
    min.push(minHere);
    max.push(maxHere);
  }
  return { min, max };
}

/** [least, greatest] of the values at a..b-1 into `out`; [+Inf, -Inf] when the range is empty. */
export function rangeMinMax(
  p: MinMaxPyramid,
  valueAt: (i: number) => number,
  a: number,
  b: number,
  out: Float64Array,
): void {
  let lo = Infinity;
  let hi = -Infinity;
  forEachCover(
    a,
    b,
    p.min.length,
    (i) => {
      const v = valueAt(i);
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    },
    (level, k) => {
      const bmin = p.min[level]![k]!;
      const bmax = p.max[level]![k]!;
      if (bmin < lo) lo = bmin;
      if (bmax > hi) hi = bmax;
    },
  );
  out[0] = lo;
  out[1] = hi;
}

// Which kind each painted row of a lane shows when a pixel column holds several (KINDS order:
// read 0, write 1, add 2, casOk 3, casFail 4, lock 5, unlock 6). The upper row is what was
// seen, the lower what was written, a thin base what held the lock.
const UPPER = [4, 0];
const LOWER = [1, 3, 2];
const BASE = [5, 6];

const firstPresent = (mask: number, order: readonly number[]): number => {
  for (const kind of order) if (mask & (1 << kind)) return kind;
  return -1;
};

/** The kind painted in a lane's upper (seen), lower (written) and base (lock) rows; -1: none. */
export const upperKind = (mask: number): number => firstPresent(mask, UPPER);
export const lowerKind = (mask: number): number => firstPresent(mask, LOWER);
export const baseKind = (mask: number): number => firstPresent(mask, BASE);
