// Increments per second of each strategy on real workers, for 1, 2 and 4 workers.
import { openLab, runAndRead } from '../lib/lab.mjs';
import { median, niceNumber, range, significant } from '../lib/stats.mjs';

/** Starting increments per worker; calibration scales them so a run takes about TARGET_MS. */
const START_INCREMENTS = {
  racy: 2_000_000,
  atomic: 2_000_000,
  cas: 2_000_000,
  lock: 200_000,
  'lock-each': 200_000,
};
const WORKER_COUNTS = [1, 2, 4];
const TARGET_MS = 500;
const ACCEPT_MS = [200, 1000];
const MAX_INCREMENTS = 10_000_000;

async function measure(page, baseURL, strategy, workers, increments) {
  await openLab(page, baseURL, { workers, increments, strategy, trace: 'off', work: 0 });
  const readout = await runAndRead(page, 120_000);
  if (readout.state !== 'done')
    throw new Error(`${strategy} × ${workers}: run ended ${readout.state}`);
  if (readout.final + readout.lost !== readout.expected) {
    throw new Error(
      `${strategy} × ${workers}: final + lost ≠ expected (${JSON.stringify(readout)})`,
    );
  }
  return readout;
}

// One unrecorded run that also warms the JIT; rescale until a run lands in the accepted window.
async function calibrate(page, baseURL, strategy, workers, ctx) {
  let increments = START_INCREMENTS[strategy];
  for (let attempt = 0; attempt < 3; attempt++) {
    const { elapsedMs } = await measure(page, baseURL, strategy, workers, increments);
    if (elapsedMs >= ACCEPT_MS[0] && elapsedMs <= ACCEPT_MS[1]) break;
    const scaled = niceNumber((increments * TARGET_MS) / Math.max(elapsedMs, 1));
    const next = Math.min(MAX_INCREMENTS, Math.max(1000, scaled));
    if (next === increments) break;
    ctx.log(
      `${strategy} × ${workers}: ${increments.toLocaleString('en')} took ${Math.round(elapsedMs)} ms, trying ${next.toLocaleString('en')}`,
    );
    increments = next;
  }
  return increments;
}

export default async function engine(ctx) {
  const page = await ctx.newPage();
  const rows = [];
  for (const strategy of Object.keys(START_INCREMENTS)) {
    for (const workers of WORKER_COUNTS) {
      const increments = await calibrate(page, ctx.baseURL, strategy, workers, ctx);
      const runs = [];
      for (let i = 0; i < ctx.repeats; i++)
        runs.push(await measure(page, ctx.baseURL, strategy, workers, increments));
      const rates = runs.map((r) => r.rate);
      const [slowest, fastest] = range(rates);
      const expected = runs[0].expected;
      rows.push({
        strategy,
        workers,
        increments,
        rate: significant(median(rates)),
        spread: significant((fastest - slowest) / median(rates), 2),
        elapsedMs: significant(median(runs.map((r) => r.elapsedMs))),
        lostPct: significant((100 * median(runs.map((r) => r.lost))) / expected, 2),
      });
      ctx.log(`${strategy} × ${workers}: ${rows.at(-1).rate.toLocaleString('en')} increments/s`);
    }
  }
  const rateOf = (strategy, workers) =>
    rows.find((r) => r.strategy === strategy && r.workers === workers)?.rate;
  for (const row of rows) {
    row.vsAtomic = significant(row.rate / rateOf('atomic', row.workers), 2);
    row.vsOneWorker = significant(row.rate / rateOf(row.strategy, 1), 2);
  }
  const most = Math.max(...WORKER_COUNTS);
  const ratio = (a, b) => significant(rateOf(a, most) / rateOf(b, most), 2);
  return {
    name: 'engine',
    title: 'Engine throughput',
    description:
      `Increments per second of all workers together (\`data-rate\`), real workers, no trace, no work ` +
      `between read and write; increments per worker rescaled (up to the ${MAX_INCREMENTS.toLocaleString('en')} limit) until a calibration run takes ${ACCEPT_MS[0]}–${ACCEPT_MS[1]} ms; ` +
      `median of ${ctx.repeats} runs after the calibration runs. Spread is (fastest − slowest) / median.`,
    columns: [
      { key: 'strategy', label: 'Strategy' },
      { key: 'workers', label: 'Workers' },
      { key: 'increments', label: 'Increments per worker' },
      { key: 'rate', label: 'Increments/s (median)' },
      { key: 'spread', label: 'Spread' },
      { key: 'elapsedMs', label: 'Run ms (median)' },
      { key: 'lostPct', label: 'Lost %' },
      { key: 'vsAtomic', label: '× atomic' },
      { key: 'vsOneWorker', label: '× 1 worker' },
    ],
    rows,
    summary: [
      `With ${most} workers: racy runs at ${ratio('racy', 'atomic')}× atomic, cas at ${ratio('cas', 'atomic')}×, lock at ${ratio('lock', 'atomic')}×, lock-each at ${ratio('lock-each', 'atomic')}×.`,
      `Atomic with ${most} workers runs at ${significant(rateOf('atomic', most) / rateOf('atomic', 1), 2)}× its one-worker rate.`,
    ],
  };
}
