// What recording every access costs: increments per second with and without the trace, and
// the bytes a trace takes per million events, in shared memory and as downloaded files.
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { openLab, recordSharedBuffers, runAndRead } from '../lib/lab.mjs';
import { MEASURE_COLUMNS } from '../lib/report.mjs';
import { median, range, significant } from '../lib/stats.mjs';

/** Tracing may slow a run by at most this factor (untraced rate ÷ traced rate). */
const COST_GOAL = 3;
/**
 * Total increments of all workers, so every traced run records 2,000,000 accesses (the most
 * the page records by default): racy makes two per increment, atomic one.
 */
const TOTAL_INCREMENTS = { racy: 1_000_000, atomic: 2_000_000 };
const ACCESSES_PER_INCREMENT = { racy: 2, atomic: 1 };
const WORKER_COUNTS = [1, 2, 4];
/** Downloads are measured on 1,000,000-access traces of 2 workers: big, but quick to save. */
const DOWNLOAD_WORKERS = 2;
const DOWNLOAD_EVENTS = 1_000_000;

async function measure(page, ctx, strategy, workers, increments, trace) {
  await openLab(page, ctx.baseURL, { workers, increments, strategy, trace, work: 0 });
  const clicked = performance.now();
  const readout = await runAndRead(page, 180_000);
  // What the reader waits for: workers, buffer preparation, decoding and drawing included.
  const clickToResultMs = performance.now() - clicked;
  const label = `${strategy} × ${workers}, trace ${trace}`;
  if (readout.state !== 'done') throw new Error(`${label}: run ended ${readout.state}`);
  if (readout.final + readout.lost !== readout.expected) {
    throw new Error(`${label}: final + lost ≠ expected (${JSON.stringify(readout)})`);
  }
  const accesses = Number(await page.getByTestId('result').getAttribute('data-accesses'));
  // The page's largest shared buffer is the trace buffer (the control block is about 1 KB).
  const bufferBytes = await page.evaluate(() =>
    Math.max(0, ...window.__sharedBuffers.map((b) => b.byteLength)),
  );
  if (trace === 'on' && !(accesses > 0)) throw new Error(`${label}: no accesses recorded`);
  return { ...readout, accesses, bufferBytes, clickToResultMs };
}

/** Click a download button and return the saved file's size and its gzipped size. */
async function downloadSize(page, name) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 120_000 }),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  const file = await download.path();
  const bytes = (await stat(file)).size;
  const gz = gzipSync(await readFile(file)).length;
  await download.delete();
  return { bytes, gz };
}

const perMillion = (bytes, events) => significant((bytes / events) * 1e6);
const mb = (bytes) => `${significant(bytes / 1e6)} MB`;

export default async function trace(ctx) {
  // Reduced motion: no autoplay of the timeline competing with the next run.
  const page = await ctx.newPage({ reducedMotion: 'reduce', acceptDownloads: true });
  await page.addInitScript(recordSharedBuffers);
  // Untraced runs take tens of milliseconds, and 4 workers on 2 cores vary a lot from run to
  // run: more pairs than other suites' repeats.
  const repeats = Math.max(11, ctx.repeats);
  const rows = [];
  const costs = [];

  for (const strategy of Object.keys(TOTAL_INCREMENTS)) {
    for (const workers of WORKER_COUNTS) {
      const increments = TOTAL_INCREMENTS[strategy] / workers;
      const rates = { off: [], on: [] };
      const waits = { off: [], on: [] };
      const traced = [];
      // Warm-up of both, then alternate, so drift in the machine's load hits both alike.
      await measure(page, ctx, strategy, workers, increments, 'off');
      await measure(page, ctx, strategy, workers, increments, 'on');
      for (let i = 0; i < repeats; i++) {
        for (const mode of ['off', 'on']) {
          const run = await measure(page, ctx, strategy, workers, increments, mode);
          rates[mode].push(run.rate);
          waits[mode].push(run.clickToResultMs);
          if (mode === 'on') traced.push(run);
        }
      }
      const off = median(rates.off);
      const on = median(rates.on);
      // Each pair ran back to back: the median of their ratios is steadier under a changing
      // machine load than the ratio of the two medians.
      const cost = significant(median(rates.off.map((r, i) => r / rates.on[i])), 3);
      costs.push({ strategy, workers, cost });
      const [slow, fast] = range(rates.on);
      rows.push({
        measure: `Tracing cost (untraced ÷ traced increments/s, median of pairs), ${strategy}, ${workers} worker${workers > 1 ? 's' : ''}`,
        value: cost,
        goal: `≤ ${COST_GOAL}×`,
        met: cost <= COST_GOAL ? 'yes' : 'no',
        detail: `${increments.toLocaleString('en')} increments per worker, ${traced[0].accesses.toLocaleString('en')} accesses recorded; untraced ${significant(off).toLocaleString('en')}/s, traced ${significant(on).toLocaleString('en')}/s (${significant(slow).toLocaleString('en')}–${significant(fast).toLocaleString('en')}); medians of ${repeats} pairs; click to result ${Math.round(median(waits.off))} ms untraced, ${Math.round(median(waits.on))} ms traced`,
      });
      ctx.log(
        `${strategy} × ${workers}: untraced ${significant(off)}/s, traced ${significant(on)}/s, ×${cost}`,
      );
      if (workers === WORKER_COUNTS[0]) {
        const { bufferBytes, accesses } = traced[0];
        rows.push({
          measure: `Shared trace buffer, bytes per million accesses, ${strategy}`,
          value: perMillion(bufferBytes, accesses),
          goal: '',
          met: '',
          detail: `${mb(bufferBytes)} of SharedArrayBuffer for ${accesses.toLocaleString('en')} recorded accesses (the buffer is sized for the run before it starts)`,
        });
      }
    }
  }

  // Files: the Race Lab trace and the Chrome trace of a 1,000,000-access run.
  for (const strategy of Object.keys(TOTAL_INCREMENTS)) {
    // One access is main's read of the total: the run stays within what JSON is offered for.
    const increments = Math.floor(
      (DOWNLOAD_EVENTS - 1) / ACCESSES_PER_INCREMENT[strategy] / DOWNLOAD_WORKERS,
    );
    const { accesses } = await measure(page, ctx, strategy, DOWNLOAD_WORKERS, increments, 'on');
    for (const [name, label] of [
      ['Download trace', 'Race Lab trace, compact (gzip)'],
      ['Download trace as JSON', 'Race Lab trace JSON'],
      ['Download Chrome trace', 'Chrome trace JSON'],
    ]) {
      const { bytes, gz } = await downloadSize(page, name);
      rows.push({
        measure: `${label}, bytes per million accesses, ${strategy}`,
        value: perMillion(bytes, accesses),
        goal: '',
        met: '',
        detail: `${mb(bytes)} (${mb(gz)} gzipped, ${perMillion(gz, accesses).toLocaleString('en')} per million) for ${accesses.toLocaleString('en')} accesses of ${DOWNLOAD_WORKERS} workers × ${increments.toLocaleString('en')}`,
      });
      ctx.log(`${strategy}: ${label} ${mb(bytes)} for ${accesses} accesses`);
    }
  }

  const worst = costs.reduce((a, b) => (b.cost > a.cost ? b : a));
  const over = costs.filter((c) => c.cost > COST_GOAL);
  return {
    name: 'trace',
    goals: costs.map((c) => ({
      goal: `Tracing costs ≤ ${COST_GOAL}× the untraced time per increment (${c.strategy}, ${c.workers} worker${c.workers > 1 ? 's' : ''}: ${c.cost}×)`,
      met: c.cost <= COST_GOAL,
    })),
    title: 'Tracing cost and trace size',
    description:
      `Real workers, no work between read and write. Each configuration runs with \`trace=off\` ` +
      `and \`trace=on\`, alternating, ${repeats} pairs after one warm-up of both; the cost is the ` +
      "median of the pairs' ratios. The rate is " +
      "the page's `data-rate` (increments over the workers' own time: each leaf maps its region " +
      'of a fresh trace buffer into memory before the start barrier, and the trace is decoded ' +
      'after the last leaf ends, so neither is counted there); the details also give the wait ' +
      'from clicking Run to the result on a freshly opened page, where both are. Racy runs make 1,000,000 increments in all and atomic runs ' +
      '2,000,000, so each traced run records 2,000,000 accesses, the most recorded by default. ' +
      'Buffer: the largest SharedArrayBuffer the page allocates for the run (read through a ' +
      'wrapper installed before the page runs). Files: the two download buttons after a traced ' +
      `run of ${DOWNLOAD_EVENTS.toLocaleString('en')} accesses; gzip at Node's default level.`,
    columns: MEASURE_COLUMNS,
    rows,
    summary: [
      over.length === 0
        ? `Tracing costs at most ${worst.cost}× (${worst.strategy}, ${worst.workers} worker${worst.workers > 1 ? 's' : ''}); goal ≤ ${COST_GOAL}×: met.`
        : `Tracing costs up to ${worst.cost}× (${worst.strategy}, ${worst.workers} worker${worst.workers > 1 ? 's' : ''}); goal ≤ ${COST_GOAL}×: not met for ${over.map((c) => `${c.strategy} × ${c.workers}`).join(', ')}.`,
    ],
  };
}
