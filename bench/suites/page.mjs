// The page itself: how much a first visit downloads, how soon Run can be pressed, and how
// quickly Stop ends a long run and leaves the page ready for the next one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { openLab, recordSharedBuffers, resultOf, runAndRead, runButtonOf } from '../lib/lab.mjs';
import { MEASURE_COLUMNS } from '../lib/report.mjs';
import { median, range, significant } from '../lib/stats.mjs';

/** First-visit JavaScript budget, gzipped, in kB of 1,000 bytes. */
const JS_GOAL_KB = 150;
/** Stop to settled (result stopped, Run enabled again). */
const SETTLE_GOAL_MS = 250;
/** Views measured for first-visit bytes; `budget`: the first-visit goal applies. */
const VIEWS = [
  { label: 'Lab (/)', query: '', budget: true },
  { label: 'Embed (?embed=1)', query: 'embed=1', budget: true },
  // Run stays disabled while a step-through is open: network idle is the only sign there.
  { label: 'Step mode (?mode=step)', query: 'mode=step', noRun: true },
  { label: 'Explorer (?view=explore)', query: 'view=explore' },
];
const LONG_RUN = { workers: 4, increments: 10_000_000, strategy: 'racy', debug: 1 };
const SHORT_INCREMENTS = 1000;
/** How long after Stop the counter is watched for workers still incrementing. */
const WATCH_MS = 1000;

const kB = (bytes) => significant(bytes / 1000, 4);
const gzipped = (buffer) => gzipSync(buffer, { level: 9 }).length;

/**
 * Everything a first visit fetches until the network is idle, by resource type, with each
 * body gzipped here: `vite preview` sends files uncompressed, and a static host gzips them.
 */
async function firstVisitBytes(ctx, { query, noRun }) {
  const page = await ctx.newPage();
  const responses = [];
  page.on('response', (response) => responses.push(response));
  await page.goto(`${ctx.baseURL}/${query ? `?${query}` : ''}`, { waitUntil: 'networkidle' });
  if (!noRun) await runButtonOf(page).click({ trial: true });
  const totals = { script: [0, 0, 0], stylesheet: [0, 0, 0], worker: [0, 0, 0] };
  const files = [];
  for (const response of responses) {
    const type = response.request().resourceType();
    const url = new URL(response.url());
    // Worker scripts count on their own: a first visit should start none.
    const kind = /\.worker-[\w-]+\.js$/.test(url.pathname) ? 'worker' : type;
    if (!(kind in totals) || response.status() !== 200) continue;
    // A worker's script body is not kept by the browser: read the same file from dist/.
    const body = await response.body().catch(() => readFile(path.join(ctx.distDir, url.pathname)));
    const sum = totals[kind];
    sum[0]++;
    sum[1] += body.length;
    sum[2] += gzipped(body);
    files.push(`${kind}: ${path.basename(url.pathname)}`);
  }
  await page.context().close();
  return { totals, files };
}

/** What dist/index.html itself loads: entry script, modulepreloads, stylesheets. */
async function distFirstVisit(distDir) {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const refs = (pattern) => [...html.matchAll(pattern)].map((m) => m[1]);
  const scripts = [
    ...refs(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ];
  const styles = refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  const sum = async (list) => {
    let raw = 0;
    let gz = 0;
    for (const ref of list) {
      const body = await readFile(path.join(distDir, ref));
      raw += body.length;
      gz += gzipped(body);
    }
    return { count: list.length, raw, gz };
  };
  return { scripts: await sum(scripts), styles: await sum(styles) };
}

/**
 * Time from navigation start to an enabled Run button, in the page's own clock (whose origin
 * is the navigation start): an observer installed before any page script notes the moment.
 */
function watchForRun() {
  const found = () =>
    [...document.querySelectorAll('button')].some(
      (b) => b.textContent.trim() === 'Run' && !b.disabled,
    );
  const observer = new MutationObserver(() => {
    if (window.__runEnabledAt === undefined && found()) {
      window.__runEnabledAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
}

async function timeToRun(ctx, query) {
  const page = await ctx.newPage();
  await page.addInitScript(watchForRun);
  await page.goto(`${ctx.baseURL}/${query ? `?${query}` : ''}`);
  // The public contract as well: the button Playwright finds by its role is enabled.
  await runButtonOf(page).click({ trial: true, timeout: 30_000 });
  const { ready, fcp } = await page.evaluate(() => ({
    ready: window.__runEnabledAt,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
  }));
  await page.context().close();
  return { ready, fcp };
}

/** In the page: the counter of the run in flight (cell 0 of its control buffer), or 0. */
function counterNow() {
  // The control block is the small buffer (about 1 KB); trace buffers are megabytes and the
  // pool's flags 4 bytes. The newest one belongs to the current run.
  const control = window.__sharedBuffers
    .filter((b) => b.byteLength > 64 && b.byteLength <= 65_536)
    .at(-1);
  return control ? Atomics.load(new Int32Array(control), 0) : 0;
}

/**
 * In the page: click Stop and time until the result says stopped and Run is enabled again,
 * and, by polling the shared counter, until the workers stop changing it (the last change).
 */
function stopAndSettle(watchMs) {
  return new Promise((resolve, reject) => {
    const buttons = () => [...document.querySelectorAll('button')];
    const stop = buttons().find((b) => b.textContent.trim() === 'Stop');
    if (!stop || stop.disabled) return reject(new Error('Stop is not enabled'));
    const control = window.__sharedBuffers
      .filter((b) => b.byteLength > 64 && b.byteLength <= 65_536)
      .at(-1);
    const cells = new Int32Array(control);
    const settled = () =>
      document.querySelector('[data-testid="result"]')?.getAttribute('data-state') === 'stopped' &&
      buttons().some((b) => b.textContent.trim() === 'Run' && !b.disabled);
    let settleMs = null;
    let last = Atomics.load(cells, 0);
    let lastChangeMs = 0;
    const t0 = performance.now();
    const observer = new MutationObserver(() => {
      if (settleMs === null && settled()) {
        settleMs = performance.now() - t0;
        observer.disconnect();
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    // A message channel polls faster than timers, which the browser clamps to 4 ms.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      const now = performance.now() - t0;
      const value = Atomics.load(cells, 0);
      if (value !== last) {
        last = value;
        lastChangeMs = now;
      }
      if (now < watchMs) return channel.port2.postMessage(null);
      observer.disconnect();
      channel.port1.close();
      resolve({ settleMs, lastChangeMs });
    };
    stop.click();
    if (settled()) settleMs = performance.now() - t0;
    channel.port2.postMessage(null);
  });
}

async function stopSettle(ctx, page) {
  for (let attempt = 0; attempt < 3; attempt++) {
    await openLab(page, ctx.baseURL, LONG_RUN);
    await runButtonOf(page).click();
    // Stop once the workers are incrementing, not while they are still starting.
    await page.waitForFunction(counterNow, undefined, { timeout: 30_000, polling: 'raf' });
    await page.waitForTimeout(50);
    const state = await resultOf(page).getAttribute('data-state');
    if (state !== 'running') {
      ctx.log(`The long run ended (${state}) before Stop: trying again`);
      continue;
    }
    const settle = await page.evaluate(stopAndSettle, WATCH_MS);
    if (settle.settleMs === null) throw new Error(`Not settled within ${WATCH_MS} ms of Stop`);
    const live = Number(await page.getByTestId('debug').getAttribute('data-live-workers'));
    // The next run on the same page, short: it must start fresh workers and finish.
    await page
      .getByRole('spinbutton', { name: 'Increments per worker' })
      .fill(String(SHORT_INCREMENTS));
    const t0 = Date.now();
    const next = await runAndRead(page, 60_000);
    const nextMs = Date.now() - t0;
    const nextOk = next.state === 'done' && next.final + next.lost === next.expected;
    return { ...settle, live, nextOk, nextMs, nextState: next.state };
  }
  throw new Error('The long run kept finishing before Stop could be pressed');
}

export default async function pageSuite(ctx) {
  const rows = [];
  const summary = [];

  // (a) First-visit bytes, from the network, for each view, and from dist/index.html.
  let labJsGz = NaN;
  let embedJsGz = NaN;
  for (const view of VIEWS) {
    const { totals, files } = await firstVisitBytes(ctx, view);
    const [jsCount, jsRaw, jsGz] = totals.script;
    if (view.query === '') labJsGz = jsGz;
    if (view.query === 'embed=1') embedJsGz = jsGz;
    rows.push({
      measure: `First visit: JavaScript (gzipped kB), ${view.label}`,
      value: kB(jsGz),
      detail: `${jsCount} files, ${kB(jsRaw)} kB raw; CSS ${kB(totals.stylesheet[2])} kB gz (${kB(totals.stylesheet[1])} kB raw); worker scripts fetched: ${totals.worker[0]}`,
      goal: view.budget ? `≤ ${JS_GOAL_KB}` : '',
      met: view.budget ? (kB(jsGz) <= JS_GOAL_KB ? 'yes' : 'no') : '',
    });
    ctx.log(`${view.label}: ${kB(jsGz)} kB JS gz; ${files.join(', ')}`);
  }
  const dist = await distFirstVisit(ctx.distDir);
  rows.push({
    measure: 'First visit: JavaScript (gzipped kB), from dist/index.html',
    value: kB(dist.scripts.gz),
    detail: `entry + ${dist.scripts.count - 1} modulepreloads, ${kB(dist.scripts.raw)} kB raw; CSS ${kB(dist.styles.gz)} kB gz`,
    goal: `≤ ${JS_GOAL_KB}`,
    met: kB(dist.scripts.gz) <= JS_GOAL_KB ? 'yes' : 'no',
  });
  summary.push(
    `First visit loads ${kB(labJsGz)} kB of gzipped JavaScript (goal ≤ ${JS_GOAL_KB} kB): ${labJsGz / 1000 <= JS_GOAL_KB ? 'met' : 'not met'}.`,
  );

  // (b) Time to an enabled Run, fresh context each visit.
  const visits = Math.max(5, ctx.repeats);
  for (const view of VIEWS.slice(0, 2)) {
    await timeToRun(ctx, view.query); // warm-up: the server's and the disk's caches
    const runs = [];
    for (let i = 0; i < visits; i++) runs.push(await timeToRun(ctx, view.query));
    const ready = runs.map((r) => r.ready);
    const [fastest, slowest] = range(ready);
    rows.push({
      measure: `Time to interactive (ms), ${view.label}`,
      value: significant(median(ready)),
      detail: `navigation start → Run enabled, median of ${visits} fresh contexts (${significant(fastest)}–${significant(slowest)}); first contentful paint ${significant(median(runs.map((r) => r.fcp)))} ms`,
      goal: '',
      met: '',
    });
    ctx.log(`${view.label}: Run enabled after ${significant(median(ready))} ms`);
  }

  // (c) Stop a long racy run mid-flight; time until the page is ready again.
  const page = await ctx.newPage();
  await page.addInitScript(recordSharedBuffers);
  const settles = [];
  for (let i = 0; i < ctx.repeats; i++) {
    const s = await stopSettle(ctx, page);
    settles.push(s);
    ctx.log(
      `Stop settled in ${significant(s.settleMs)} ms, counter still after ${significant(s.lastChangeMs)} ms; live workers ${s.live}; next run ${s.nextState} in ${s.nextMs} ms`,
    );
  }
  const settleMs = median(settles.map((s) => s.settleMs));
  const quietMs = median(settles.map((s) => s.lastChangeMs));
  const worst = (key) => significant(Math.max(...settles.map((s) => s[key])));
  const nextFailed = settles.filter((s) => !s.nextOk).length;
  const leftWorkers = settles.filter((s) => s.live !== 0).length;
  rows.push({
    measure: 'Stop → settled (ms)',
    value: significant(settleMs),
    detail: `${LONG_RUN.workers} workers × ${LONG_RUN.increments.toLocaleString('en')} racy, Stop clicked in the page once the counter moves; until state "stopped" and Run enabled; median of ${ctx.repeats}, worst ${worst('settleMs')}; live workers after: ${settles.map((s) => s.live).join(', ')}`,
    goal: `≤ ${SETTLE_GOAL_MS}`,
    met: settleMs <= SETTLE_GOAL_MS && leftWorkers === 0 ? 'yes' : 'no',
  });
  rows.push({
    measure: 'Stop → counter still (ms)',
    value: significant(quietMs),
    detail: `the last change of the shared counter after the click, polled for ${WATCH_MS} ms: the workers have really stopped; median of ${ctx.repeats}, worst ${worst('lastChangeMs')}`,
    goal: `≤ ${SETTLE_GOAL_MS}`,
    met: quietMs <= SETTLE_GOAL_MS ? 'yes' : 'no',
  });
  rows.push({
    measure: 'Next short run after Stop (ms)',
    value: significant(median(settles.map((s) => s.nextMs))),
    detail: `${LONG_RUN.workers} × ${SHORT_INCREMENTS.toLocaleString('en')}, click → done (new workers); completed with final + lost = expected: ${ctx.repeats - nextFailed} of ${ctx.repeats}`,
    goal: 'completes',
    met: nextFailed === 0 ? 'yes' : 'no',
  });
  const settleOk =
    settleMs <= SETTLE_GOAL_MS && quietMs <= SETTLE_GOAL_MS && !nextFailed && !leftWorkers;
  summary.push(
    `Stop settles in ${significant(settleMs)} ms and the workers stop touching the counter within ${significant(quietMs)} ms (goal ≤ ${SETTLE_GOAL_MS} ms for both, and the next run completes): ${settleOk ? 'met' : 'not met'}.`,
  );

  const jsOk = (bytes) => bytes / 1000 <= JS_GOAL_KB;
  const goals = [
    {
      goal: `First visit to the lab loads ≤ ${JS_GOAL_KB} kB of gzipped JavaScript`,
      met: jsOk(labJsGz),
    },
    {
      goal: `First visit to the embed view loads ≤ ${JS_GOAL_KB} kB of gzipped JavaScript`,
      met: jsOk(embedJsGz),
    },
    {
      goal: `Stop settles (result "stopped", Run enabled, no live workers) within ${SETTLE_GOAL_MS} ms`,
      met: settleMs <= SETTLE_GOAL_MS && leftWorkers === 0,
    },
    {
      goal: `The workers stop changing the counter within ${SETTLE_GOAL_MS} ms of Stop`,
      met: quietMs <= SETTLE_GOAL_MS,
    },
    { goal: 'A short run right after Stop completes with balanced books', met: nextFailed === 0 },
  ];
  return {
    name: 'page',
    goals,
    title: 'Page: first-visit size, time to interactive, stop-settle',
    description:
      'First visit: every script and stylesheet response of a fresh context until the network is ' +
      'idle, each body gzipped (level 9) here, since `vite preview` serves files uncompressed; ' +
      'kB are 1,000 bytes. The dist row adds up what dist/index.html names (entry script, ' +
      'modulepreloads, stylesheets). Time to interactive: from navigation start to the moment ' +
      'an enabled Run button appears, noted by an observer installed before the page runs. ' +
      'Stop-settle: a long racy run is started; once its shared counter moves, Stop is clicked ' +
      'in the page and the time to a result in state "stopped" with Run enabled again is taken, ' +
      "as is the last change of the shared counter (read through the page's own " +
      'SharedArrayBuffer, noted by a wrapper installed before the page runs); then a short run ' +
      'must complete on the same page.',
    columns: MEASURE_COLUMNS,
    rows,
    summary,
  };
}
