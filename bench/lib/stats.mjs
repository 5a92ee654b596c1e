// Small statistics for repeated measurements.

/** The middle value (mean of the two middle values for an even count); NaN when empty. */
export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Smallest and largest finite value, as [min, max]; [NaN, NaN] when empty. */
export function range(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return finite.length ? [Math.min(...finite), Math.max(...finite)] : [NaN, NaN];
}

/** Round to `digits` significant digits, so tables show measurement precision, not noise. */
export function significant(value, digits = 3) {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(digits));
}

/** The nearest of 1, 2, 5 × 10^k to `value`, for round workload sizes. */
export function niceNumber(value) {
  if (!(value > 1)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const base = 10 ** exponent;
  const best = [1, 2, 5, 10].reduce((a, b) =>
    Math.abs(Math.log(value / (a * base))) <= Math.abs(Math.log(value / (b * base))) ? a : b,
  );
  return best * base;
}
