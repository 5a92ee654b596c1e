// The height an embed reserves, before it loads and before its first run (docs/embedding.md,
// "No layout shift"). The build writes this table into embed.js (src/embed/embedScript.ts), so
// the host page reserves what the frame will ask for.

/**
 * The embed after one run, without its lanes, by the frame's width: [narrower than, px].
 * Measured for every strategy of the blog's, the bank's and the claim's presets, at each
 * band's narrowest width, and rounded up past the tallest: a compare-and-swap run's longer
 * legend, a bank's longer summary that wraps on a phone.
 */
export const HEIGHT_BANDS: readonly (readonly [number, number])[] = [
  [400, 1230],
  [440, 1010],
  [620, 950],
  [660, 805],
  [800, 760],
  [940, 750],
  [Infinity, 700],
];

/** A lane of the timeline: the layout makes them thinner past 10 threads. */
export const laneHeight = (threads: number): number => (threads > 10 ? 20 : 26);

/** The height (CSS px) that holds the embed after a run, at `width` px with `threads` lanes. */
export function embedHeight(width: number, threads: number): number {
  const band = HEIGHT_BANDS.find(([below]) => width < below) ?? HEIGHT_BANDS.at(-1)!;
  return band[1] + threads * laneHeight(threads);
}
