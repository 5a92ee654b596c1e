import { BASE_SHIFT, minMaxPyramidFrom, type MinMaxPyramid } from '../lod';

/**
 * The min/max pyramid of a series held as a column, a value per event: the plain way the
 * series' own pass (counterSeries, without such a column) is checked against.
 */
export function buildMinMaxPyramid(values: Int32Array): MinMaxPyramid {
  const n = values.length;
  const blocks = Math.ceil(n / (1 << BASE_SHIFT));
  const [min0, max0] = [new Int32Array(blocks), new Int32Array(blocks)];
  for (let k = 0, i = 0; i < n; k++) {
    let lo = values[i]!;
    let hi = lo;
    const end = Math.min(n, i + (1 << BASE_SHIFT));
    for (i++; i < end; i++) {
      const v = values[i]!;
      if (v < lo) lo = v;
      else if (v > hi) hi = v;
    }
    min0[k] = lo;
    max0[k] = hi;
  }
  return minMaxPyramidFrom(min0, max0, n);
}
