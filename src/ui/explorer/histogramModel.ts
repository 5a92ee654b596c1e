import { bin, range } from 'd3';

/** One bar: the final values in [x0, x1), how many runs ended there, whether any could. */
export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
  /** Some reachable value lies in this bin (only known once the explorer has run). */
  reachable: boolean;
}

/** Bars wider than one value start past this many distinct values. */
export const MAX_UNIT_BINS = 40;

/** Smallest and largest value over every series, the reachable values and the expected total. */
export function valueDomain(
  lists: readonly (readonly number[])[],
  expected: number,
): [number, number] {
  let lo = expected;
  let hi = expected;
  for (const list of lists) {
    for (const v of list) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/**
 * Equal bins covering [lo, hi]: one per value when few enough, else a nice whole step
 * (multiples of it as edges), so at most maxBins + 1 bars. Reachable values are binned alike, so a bar that
 * no run reached but some schedule can is known.
 */
export function histogramBins(
  finals: readonly number[],
  [lo, hi]: [number, number],
  reachable: readonly number[] | null,
  maxBins = MAX_UNIT_BINS,
): HistogramBin[] {
  const step = niceStep((hi - lo + 1) / maxBins);
  // Whole steps on both ends, so no bar is a sliver (the top one usually holds the most runs).
  const start = Math.floor(lo / step) * step;
  const end = (Math.floor(hi / step) + 1) * step;
  const binner = bin()
    .domain([start, end])
    .thresholds(range(start + step, end, step));
  const counted = binner(finals as number[]);
  const possible = reachable ? binner(reachable as number[]) : null;
  return counted.map((b, i) => ({
    x0: b.x0!,
    x1: b.x1!,
    count: b.length,
    reachable: (possible?.[i]?.length ?? 0) > 0,
  }));
}

/** The smallest 1, 2 or 5 × 10^k at least `raw` (and at least 1). */
function niceStep(raw: number): number {
  if (raw <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

/** Values as short text: runs of consecutive ones become "2 to 6". */
export function describeValues(values: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    const a = values[i]!.toLocaleString('en');
    const b = values[j]!.toLocaleString('en');
    parts.push(j === i ? a : j === i + 1 ? `${a}, ${b}` : `${a} to ${b}`);
    i = j + 1;
  }
  return parts.join(', ');
}
