// The outcome explorer and trials: trials per second on the reused worker pool against fresh
// workers per trial, and exhaustive-search speed in states per second, in the page's explorer
// worker and in Node.
import path from 'node:path';
import { build } from 'vite';
import { median, significant } from '../lib/stats.mjs';

/** Short runs, so what a trial costs beyond its increments (workers, messages) shows. */
const TRIAL_CONFIG = { workers: 2, increments: 10_000, strategy: 'racy' };
const TRIALS = 100;
/** Searches of 10^5 to 10^6 states: long enough to time, short enough to repeat. */
const SEARCHES = [
  { workers: 3, increments: 5, strategy: 'racy' },
  { workers: 2, increments: 10, strategy: 'lock-each' },
  { workers: 3, increments: 5, strategy: 'lock-each' },
];

const query = (params) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

async function openExplorer(page, baseURL, params) {
  await page.goto(`${baseURL}/?${query({ view: 'explore', ...params })}`);
  const panel = page.getByTestId('explorer');
  await panel.waitFor({ timeout: 30_000 }).catch(() => {
    throw new Error('The page shows no outcome explorer at view=explore.');
  });
}

/** One batch of trials; its rate is what the page reports (runs over the batch's wall time). */
async function trialBatch(page, count) {
  await page.getByRole('spinbutton', { name: 'Trials', exact: true }).fill(String(count));
  await page.getByRole('button', { name: 'Run trials', exact: true }).click();
  const trials = page.getByTestId('trials');
  await trials.and(page.locator('[data-state="done"]')).waitFor({ timeout: 300_000 });
  const rate = Number(await trials.getAttribute('data-trials-per-second'));
  const completed = Number(await trials.getAttribute('data-completed'));
  if (completed !== count) throw new Error(`Trials ended after ${completed} of ${count} runs`);
  return rate;
}

/** Click "Explore outcomes" and time, in the page, until its readout shows the answer. */
function timedExplore(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const readout = () => document.querySelector('[data-testid="reachable"]');
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent === 'Explore outcomes',
        );
        if (!button) return reject(new Error('No "Explore outcomes" button'));
        let started = false;
        const t0 = performance.now();
        const observer = new MutationObserver(() => {
          const state = readout()?.getAttribute('data-state');
          if (state === 'exploring') started = true;
          else if (started && state === 'done') {
            observer.disconnect();
            resolve({ ms: performance.now() - t0, states: Number(readout().dataset.states) });
          } else if (started) {
            observer.disconnect();
            reject(new Error(`The search ended ${state}`));
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        button.click();
      }),
  );
}

/** The explorer bundled for Node (Node cannot import the TypeScript sources directly). */
async function loadNodeExplorer(root) {
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    build: { ssr: path.join(root, 'src/core/explorer.ts'), write: false, minify: false },
  });
  const output = Array.isArray(built) ? built[0] : built;
  const code = output.output[0].code;
  return import(`data:text/javascript,${encodeURIComponent(code)}`);
}

const flat = (search) => ({ preset: 'custom', work: 0, trace: 'off', ...search });
const label = (s) => `${s.workers} × ${s.increments.toLocaleString('en')} ${s.strategy}`;

export default async function explorer(ctx) {
  const rows = [];
  const page = await ctx.newPage();

  const trialRates = {};
  for (const pool of ['reuse', 'fresh']) {
    const params = pool === 'fresh' ? { ...TRIAL_CONFIG, trialsPool: 'fresh' } : TRIAL_CONFIG;
    await openExplorer(page, ctx.baseURL, params);
    await trialBatch(page, 10); // warm-up: starts the pool and the JIT
    const rates = [];
    for (let i = 0; i < ctx.repeats; i++) rates.push(await trialBatch(page, TRIALS));
    trialRates[pool] = median(rates);
    rows.push({
      measure: `Trials per second, ${pool === 'reuse' ? 'reused pool' : 'fresh workers per trial'}`,
      config: `${label(TRIAL_CONFIG)}, ${TRIALS} trials`,
      value: significant(trialRates[pool]),
    });
    ctx.log(`${pool}: ${rows.at(-1).value} trials/s`);
  }

  const nodeExplorer = await loadNodeExplorer(ctx.root);
  const statesPerSecond = [];
  for (const search of SEARCHES) {
    await openExplorer(page, ctx.baseURL, search);
    await timedExplore(page); // warm-up: starts the explorer worker and the JIT
    const times = [];
    let states = 0;
    for (let i = 0; i < ctx.repeats; i++) {
      const run = await timedExplore(page);
      times.push(run.ms);
      states = run.states;
    }
    const inPage = states / (median(times) / 1000);
    nodeExplorer.exploreOutcomes(flat(search)); // warm-up
    const nodeTimes = [];
    for (let i = 0; i < ctx.repeats; i++) {
      const t0 = performance.now();
      const result = nodeExplorer.exploreOutcomes(flat(search));
      nodeTimes.push(performance.now() - t0);
      if (result.states !== states) throw new Error(`Node and page disagree on ${label(search)}`);
    }
    const inNode = states / (median(nodeTimes) / 1000);
    statesPerSecond.push(inPage);
    for (const [where, value] of [
      ['page worker', inPage],
      ['Node', inNode],
    ]) {
      rows.push({
        measure: `Explorer states per second (${where})`,
        config: `${label(search)}: ${states.toLocaleString('en')} states`,
        value: significant(value),
      });
    }
    ctx.log(`${label(search)}: ${significant(inPage)} states/s in the page`);
  }

  const ratio = significant(trialRates.reuse / trialRates.fresh, 2);
  return {
    name: 'explorer',
    title: 'Trials and outcome explorer',
    description:
      `Trials: ${TRIALS} runs of ${label(TRIAL_CONFIG)} per batch, rate as the page reports it ` +
      `(runs over the batch's wall time), median of ${ctx.repeats} batches after a warm-up of 10; ` +
      `"fresh" ends the workers after every trial (\`trialsPool=fresh\`). Explorer: time from ` +
      `the click to the answer in the page (search in its worker plus messages), and the bare ` +
      `search in Node; median of ${ctx.repeats} after one warm-up.`,
    columns: [
      { key: 'measure', label: 'Measure' },
      { key: 'config', label: 'Config' },
      { key: 'value', label: 'Value (median)' },
    ],
    rows,
    summary: [
      `Reusing the worker pool runs ${ratio}× as many trials per second as starting fresh workers for each.`,
      `The explorer visits ${significant(median(statesPerSecond), 2).toLocaleString('en')} states per second in the page (median over the searches).`,
    ],
  };
}
