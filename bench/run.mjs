// Benchmark harness: measures the production build in one headless Chromium session.
//   node bench/run.mjs [suite …] [--repeats N]
// Every bench/suites/<name>.mjs default-exports `async (ctx) => ({ name, rows, summary })`
// (optional: title, description, columns [{ key, label }], goals [{ goal, met }]); see
// bench/README.md.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/chromium.mjs';
import { describeRun } from './lib/meta.mjs';
import { goalLines, readPrevious, textTable, writeResults } from './lib/report.mjs';
import { ensureBuild, startPreview } from './lib/server.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH_DIR);
const SUITES_DIR = path.join(BENCH_DIR, 'suites');
const RESULTS_DIR = path.join(BENCH_DIR, 'results');

const log = (text) => process.stdout.write(`${text}\n`);

function parseArgs(argv) {
  const options = { suites: [], repeats: 3 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--repeats') options.repeats = Number(argv[++i]);
    else options.suites.push(argv[i].replace(/\.mjs$/, ''));
  }
  if (!Number.isInteger(options.repeats) || options.repeats < 1) {
    throw new Error('--repeats needs a whole number of at least 1');
  }
  return options;
}

async function loadSuites(wanted) {
  const files = (await readdir(SUITES_DIR)).filter((f) => f.endsWith('.mjs')).sort();
  const all = files.map((f) => f.replace(/\.mjs$/, ''));
  const unknown = wanted.filter((name) => !all.includes(name));
  if (unknown.length) throw new Error(`No suite ${unknown.join(', ')}; suites: ${all.join(', ')}`);
  const chosen = wanted.length ? all.filter((name) => wanted.includes(name)) : all;
  const suites = [];
  for (const name of chosen) {
    const module = await import(pathToFileURL(path.join(SUITES_DIR, `${name}.mjs`)).href);
    suites.push({ name, run: module.default });
  }
  return { suites, order: all };
}

// One fresh browser context per page, closed when the suite ends; uncaught page errors count
// against the suite, since a measurement of a broken page means nothing.
function suiteContext({ browser, baseURL, repeats, pageErrors }) {
  const contexts = [];
  const ctx = {
    browser,
    baseURL,
    repeats,
    root: ROOT,
    distDir: path.join(ROOT, 'dist'),
    log: (text) => log(`  ${text}`),
    async newPage(options = {}) {
      const context = await browser.newContext(options);
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return page;
    },
  };
  const close = () => Promise.all(contexts.map((c) => c.close()));
  return { ctx, close };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { suites, order } = await loadSuites(options.suites);
  ensureBuild(ROOT, log);
  const server = await startPreview(ROOT);
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  const measured = [];
  let failed = 0;
  try {
    const meta = await describeRun(ROOT, browser);
    log(
      `Benchmarking ${server.url} with Chromium ${meta.versions.chromium}, ${options.repeats} repeats`,
    );
    const [load] = meta.machine.loadAverage;
    if (load > meta.machine.cores) {
      log(
        `Warning: load average ${load.toFixed(1)} on ${meta.machine.cores} cores: timings will be noisy.`,
      );
    }
    for (const { name, run } of suites) {
      log(`\n▶ ${name}`);
      const started = performance.now();
      const pageErrors = [];
      const { ctx, close } = suiteContext({
        browser,
        baseURL: server.url,
        repeats: options.repeats,
        pageErrors,
      });
      try {
        const result = await run(ctx);
        if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
        const suite = {
          ...result,
          name,
          date: meta.date,
          durationMs: Math.round(performance.now() - started),
        };
        measured.push(suite);
        log(`\n${textTable(suite)}`);
        for (const line of [suite.summary ?? []].flat()) log(`  ${line}`);
        for (const line of goalLines(suite)) log(`  Goal: ${line}`);
      } catch (error) {
        failed++;
        log(`✗ ${name} failed: ${error instanceof Error ? error.stack : error}`);
      } finally {
        await close();
      }
    }
    if (measured.length) {
      const previous = await readPrevious(path.join(RESULTS_DIR, 'latest.json'));
      const markdownFile = path.join(BENCH_DIR, 'RESULTS.md');
      await writeResults({
        resultsDir: RESULTS_DIR,
        markdownFile,
        meta,
        measured,
        previous,
        order,
      });
      log(`\nWrote ${path.relative(ROOT, RESULTS_DIR)}/ and ${path.relative(ROOT, markdownFile)}`);
    }
  } finally {
    await browser.close();
    server.stop();
  }
  if (failed) process.exitCode = 1;
}

await main();
