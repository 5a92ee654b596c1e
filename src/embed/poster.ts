import { accountTrace } from '../core/accounting';
import { presetConfig } from '../core/config';
import { OPS } from '../core/ops';
import { randomChooser, simulate } from '../core/simulation';
import { STRATEGIES, STRATEGY_IDS, type StrategyId } from '../core/strategies';
import { escapeAttribute } from './snippets';

export { posterPath } from './snippets';

// The static poster of a blog run (docs/embedding.md, "Fallbacks"): what a reader without
// JavaScript, a feed reader or a printout sees in place of an embed. Made at build time from a
// seeded simulated run, so the same build always gives the same picture. Plain text out: no DOM.

/** The seed of the recorded run: any fixed one shows lost updates for the racy program. */
export const POSTER_SEED = 12;
/** Every strategy of the blog's program has its poster. */
export const POSTER_STRATEGIES = STRATEGY_IDS;
export const POSTER_WIDTH = 720;
export const POSTER_HEIGHT = 360;

const LANE = 26;
const GUTTER = 110;
const LANES_TOP = 92;
const fmt = (n: number) => n.toLocaleString('en');

/** The poster of a seeded simulated run of the blog's program with `strategy`, as SVG text. */
export function posterSvg(strategy: StrategyId, seed = POSTER_SEED): string {
  const trace = simulate(presetConfig('blog', strategy), randomChooser(seed));
  const books = accountTrace(trace);
  const { events, threads } = trace;
  const plot = POSTER_WIDTH - GUTTER - 16;
  const x = (i: number) => GUTTER + (events.length > 1 ? (i / (events.length - 1)) * plot : 0);
  const rowOf = new Map(threads.map((t, row) => [t.id, row]));
  const y = (thread: number) => LANES_TOP + (rowOf.get(thread) ?? 0) * LANE + LANE / 2;

  const lanes = threads.map((t) => {
    const ly = y(t.id);
    const indent = 12 + 10 * (t.parent === null ? 0 : t.role === 'leaf' ? 2 : 1);
    return (
      `<line x1="${GUTTER}" x2="${GUTTER + plot}" y1="${ly}" y2="${ly}" stroke="#d9dbe1"/>` +
      `<text x="${indent}" y="${ly + 4}">${escapeAttribute(t.name)}</text>`
    );
  });
  // One path per kind of mark (a few kB, not one element per access).
  const kinds = {
    read: { colour: '#5b6170', h: 8, w: 1, d: [] as string[] },
    write: { colour: '#0b63c5', h: 12, w: 1, d: [] as string[] },
    lost: { colour: '#b3261e', h: 18, w: 2, d: [] as string[] },
  };
  for (let i = 0; i < events.length; i++) {
    const op = OPS[events.op[i]!];
    const kind =
      books.erasedByEvent[i]! > 0 ? kinds.lost : op === 'read' ? kinds.read : kinds.write;
    const top = y(events.thread[i]!) - kind.h / 2;
    kind.d.push(`M${x(i).toFixed(1)} ${top}h${kind.w}v${kind.h}h-${kind.w}z`);
  }
  const marks = Object.values(kinds)
    .filter((k) => k.d.length > 0)
    .map((k) => `<path fill="${k.colour}" d="${k.d.join('')}"/>`);
  const outcome =
    books.lost === 0
      ? `Expected ${fmt(trace.expected)}, final ${fmt(trace.final)}: no increment was lost.`
      : `Expected ${fmt(trace.expected)}, final ${fmt(trace.final)}: ${fmt(books.lost)} increments were lost (red).`;
  const title = `Race Lab: the blog's program, ${STRATEGIES[strategy].label.toLowerCase()}`;
  const axisY = LANES_TOP + threads.length * LANE + 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}" ` +
      `width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" role="img" aria-label="${escapeAttribute(title)}. ${outcome}">`,
    `<rect width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" fill="#fbfaf7"/>`,
    `<g font-family="system-ui, sans-serif" font-size="13" fill="#1d1f24">`,
    `<text x="12" y="30" font-size="18" font-weight="600">${escapeAttribute(title)}</text>`,
    `<text x="12" y="56">${escapeAttribute(outcome)}</text>`,
    `<text x="12" y="78" fill="#5b6170">Every read (grey) and write (blue) of the shared counter, one lane per thread.</text>`,
    ...lanes,
    ...marks,
    `<text x="${GUTTER}" y="${axisY}" fill="#5b6170">first access</text>`,
    `<text x="${GUTTER + plot}" y="${axisY}" fill="#5b6170" text-anchor="end">last access</text>`,
    `<text x="12" y="${POSTER_HEIGHT - 14}" fill="#0b63c5">Open Race Lab to run the race yourself (seeded simulated run ${seed}).</text>`,
    `</g>`,
    `</svg>`,
    '',
  ].join('\n');
}
