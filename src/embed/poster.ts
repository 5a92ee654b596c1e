import { presetConfig } from '../core/config';
import { erasedInOrder } from '../core/findingTable';
import { OPS } from '../core/ops';
import { claimEnding } from '../core/outcomeWords';
import { accountRun } from '../core/scenarioBooks';
import { initialOf, scenarioOf } from '../core/scenarios';
import type { ScenarioOutcome } from '../core/scenarioTypes';
import { randomChooser, runToEnd } from '../core/simulation';
import { STRATEGY_IDS, type StrategyId } from '../core/strategies';
import { escapeAttribute, type PosterPreset } from './snippets';

export { POSTER_PRESETS, posterPath, type PosterPreset } from './snippets';

// The static poster of a preset's run (docs/embedding.md, "Posters"): what a reader without
// JavaScript, a feed reader or a printout sees in place of an embed. Made at build time from a
// seeded simulated run, so the same build always gives the same picture. Plain text out: no DOM.

/** The seed of the recorded run: any fixed one shows the loss of every preset's racy program. */
export const POSTER_SEED = 12;
/** Every strategy of each preset with a poster has its poster. */
export const POSTER_STRATEGIES = STRATEGY_IDS;
export const POSTER_WIDTH = 720;
export const POSTER_HEIGHT = 360;

const LANE = 26;
const GUTTER = 110;
const LANES_TOP = 92;
const fmt = (n: number) => n.toLocaleString('en');

/** The run's ending in a sentence, in its scenario's terms. */
function outcomeText(o: ScenarioOutcome, initial: number): string {
  const { lost } = o;
  if (o.scenario === 'claim') return claimEnding(o);
  if (o.scenario === 'bank') {
    const paid = `The bank paid ${fmt(o.paid ?? 0)} from ${fmt(initial)}, ending at ${fmt(o.final)}`;
    const over = o.overdrawn ? ', overdrawn' : '';
    return lost === 0
      ? `${paid}${over}: no debit was lost.`
      : `${paid}${over}: ${fmt(lost)} debits were lost (red).`;
  }
  const numbers = `Expected ${fmt(o.expected)}, final ${fmt(o.final)}`;
  return lost === 0
    ? `${numbers}: no increment was lost.`
    : `${numbers}: ${fmt(lost)} increments were lost (red).`;
}

/** Marks `w` wide at each of `cols` (ascending), adjacent ones merged into one. */
function spans(cols: readonly number[], w: number, top: number, h: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < cols.length;) {
    let j = i;
    while (j + 1 < cols.length && cols[j + 1]! - cols[j]! <= w) j++;
    const width = cols[j]! - cols[i]! + w;
    out.push(`M${cols[i]} ${top}h${width}v${h}h-${width}z`);
    i = j + 1;
  }
  return out;
}

/** A seeded simulated run of `preset` with `strategy`: its trace, outcome and books. */
export function posterRun(preset: PosterPreset, strategy: StrategyId, seed = POSTER_SEED) {
  const config = presetConfig(preset, strategy);
  const sim = runToEnd(config, randomChooser(seed));
  const trace = sim.toTrace();
  return { config, trace, outcome: sim.outcome(), books: accountRun(trace) };
}

/**
 * The poster of a seeded simulated run of `preset` with `strategy`, as SVG text. A lane draws
 * at most one mark of each kind per pixel, so a long run's file stays small.
 */
export function posterSvg(preset: PosterPreset, strategy: StrategyId, seed = POSTER_SEED): string {
  const { config, trace, outcome, books } = posterRun(preset, strategy, seed);
  const scenario = scenarioOf(config);
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
  // One path per kind of mark, each a run of pixel columns per lane: a long run's lanes are
  // a few bands, not one element per access, so every poster is a small file.
  const kinds = {
    read: { colour: '#5b6170', h: 8, w: 1 },
    write: { colour: '#0b63c5', h: 12, w: 1 },
    lost: { colour: '#b3261e', h: 18, w: 2 },
  };
  const columns = new Map<keyof typeof kinds, Map<number, number[]>>(
    Object.keys(kinds).map((k) => [k as keyof typeof kinds, new Map()]),
  );
  const erasedAt = erasedInOrder(books.findings);
  for (let i = 0; i < events.length; i++) {
    const erased = erasedAt(i) > 0;
    const kind = erased ? 'lost' : OPS[events.op[i]!] === 'read' ? 'read' : 'write';
    const lanes = columns.get(kind)!;
    const thread = events.thread[i]!;
    const seen = lanes.get(thread) ?? [];
    const column = Math.round(x(i));
    if (seen.at(-1) !== column) seen.push(column);
    lanes.set(thread, seen);
  }
  const marks = [...columns].flatMap(([name, lanes]) => {
    const { colour, h, w } = kinds[name];
    const d = [...lanes].flatMap(([thread, cols]) => spans(cols, w, y(thread) - h / 2, h));
    return d.length > 0 ? [`<path fill="${colour}" d="${d.join('')}"/>`] : [];
  });
  const outcomeLine = outcomeText(outcome, initialOf(config));
  const program = preset === 'blog' ? "the blog's program" : `the ${scenario.label.toLowerCase()}`;
  const title = `Race Lab: ${program}, ${scenario.strategies[strategy].label.toLowerCase()}`;
  const axisY = LANES_TOP + threads.length * LANE + 14;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}" ` +
      `width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" role="img" aria-label="${escapeAttribute(`${title}. ${outcomeLine}`)}">`,
    `<rect width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" fill="#fbfaf7"/>`,
    `<g font-family="system-ui, sans-serif" font-size="13" fill="#1d1f24">`,
    `<text x="12" y="30" font-size="18" font-weight="600">${escapeAttribute(title)}</text>`,
    `<text x="12" y="56">${escapeAttribute(outcomeLine)}</text>`,
    `<text x="12" y="78" fill="#5b6170">Every read (grey) and write (blue) of the shared ${escapeAttribute(scenario.cell)}, one lane per thread.</text>`,
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
