// The core flows every reader's browser must get through, written once against the page's
// public contract (roles, accessible names, data-* attributes: the same the Chromium suite
// reads) and run by e2e/browsers/suite.mjs in Firefox and WebKit.
/* global window, document */
import assert from 'node:assert/strict';
import { resultOf, runAndRead } from '../labDriver.mjs';
import { waitUntil } from './page.mjs';

const RUN_TIMEOUT = 60_000;

/** Run and expect it to finish as `done` on the engine this browser and server call for. */
async function runToDone(page, want) {
  const readout = await runAndRead(page, RUN_TIMEOUT);
  assert.equal(readout.state, 'done', `run ended ${readout.state}: ${await resultText(page)}`);
  assert.equal(readout.final + readout.lost, readout.expected, 'final + lost must equal expected');
  assert.equal(readout.engine, want.engine, 'engine of the run');
  return readout;
}

const resultText = (page) =>
  resultOf(page)
    .textContent()
    .catch(() => '(no result element)');

/** The page says in words why it simulates, or says nothing when real workers run. */
async function expectEngineExplained(page, want) {
  const badge = page.getByTestId('engine-badge');
  if (want.engine === 'workers') {
    assert.equal(await badge.count(), 0, 'no simulated-engine badge on real workers');
    assert.equal(await page.locator('.notice-isolation').count(), 0, 'no isolation notice');
    return;
  }
  await badge.waitFor();
  const words = await badge.textContent();
  assert.match(words, /simulated/i, 'the badge names the simulated engine');
  assert.match(words, want.reason, 'the badge says why in words');
}

/** Open the page, check its isolation, run the blog's program and read the timeline. */
async function loadAndRun(page, want) {
  await page.goto(`${want.origin}/`);
  const isolated = await page.evaluate(() => window.crossOriginIsolated);
  assert.equal(isolated, want.isolated, 'crossOriginIsolated');
  const readout = await runToDone(page, want);
  assert.equal(readout.expected, 400);
  assert.equal(readout.preset, 'blog');
  assert.equal(readout.books, 'balanced', 'the trace accounts for every lost update');
  assert.equal(readout.workersIsolated, String(want.engine === 'workers'));
  await expectEngineExplained(page, want);
  // The timeline shows the run: every recorded access, in a lane per thread.
  const timeline = page.getByTestId('timeline');
  const accesses = Number(await timeline.expectAttribute('data-accesses', /^[1-9]\d*$/));
  assert.equal(accesses, Number(await resultOf(page).getAttribute('data-accesses')));
  assert.ok((await timeline.getByTestId('lane').count()) >= 3, 'a lane per thread');
}

/** Switch to atomic increments: every run ends at exactly the expected count. */
async function atomicExact(page, want) {
  await page.goto(`${want.origin}/`);
  const atomic = page.getByRole('switch', { name: 'Atomic increments', exact: true });
  await atomic.click();
  await atomic.expectAttribute('aria-checked', 'true');
  for (let i = 1; i <= 3; i++) {
    const readout = await runToDone(page, want);
    assert.deepEqual(
      { strategy: readout.strategy, expected: readout.expected, final: readout.final },
      { strategy: 'atomic', expected: 400, final: 400 },
      `atomic run ${i}`,
    );
    assert.equal(readout.lost, 0);
  }
}

/**
 * The explorer finds every reachable outcome, and 20 trials run on this page's engine (and on
 * the simulated one when the URL asks for it).
 */
async function explorerAndTrials(page, want) {
  // Twice: the second visit finds the worker scripts in the browser's cache, which WebKit
  // refuses when the server's 304 answer lacks the isolation headers.
  for (const visit of ['first', 'second']) {
    await page.goto(`${want.origin}/?view=explore&workers=2&increments=3`);
    await page.getByTestId('explorer').waitFor();
    await page.getByRole('button', { name: 'Explore outcomes', exact: true }).click();
    const reachable = page.getByTestId('reachable');
    const state = await reachable.expectAttribute('data-state', /^(done|error)$/, RUN_TIMEOUT);
    assert.equal(state, 'done', `explorer, ${visit} visit: ${await reachable.textContent()}`);
    assert.equal(await reachable.getAttribute('data-values'), '2,3,4,5,6');
    await reachable.expectAttribute('data-complete', 'true');
  }

  await runTrials(page, want.engine);
  if (want.isolated) {
    // Asked for, the simulation runs the trials even where real workers could: seeded.
    await page.goto(`${want.origin}/?view=explore&workers=2&increments=3&engine=simulated&seed=7`);
    const trials = await runTrials(page, 'simulated');
    assert.equal(await trials.getAttribute('data-seed'), '7', 'the trials honour seed=');
  }
}

/** Run 20 trials of the open explorer and expect them all done on `engine`, and labelled. */
async function runTrials(page, engine) {
  await page.getByRole('spinbutton', { name: 'Trials', exact: true }).fill('20');
  await page.getByRole('button', { name: 'Run trials', exact: true }).click();
  const trials = page.getByTestId('trials');
  const state = await trials.expectAttribute('data-state', /^(done|error|cancelled)$/, RUN_TIMEOUT);
  assert.equal(state, 'done', `trials ended ${state}: ${await trials.textContent()}`);
  assert.equal(await trials.getAttribute('data-completed'), '20');
  await page.getByTestId('histogram').expectAttribute('data-runs', '20');
  assert.equal(await trials.getAttribute('data-engine'), engine, 'engine of the trials');
  if (engine === 'simulated') {
    assert.match(await trials.textContent(), /simulated/i, 'trials are labelled simulated');
  }
  return trials;
}

/** Step mode: the reader schedules four accesses by hand and loses one update. */
async function stepAccesses(page, want) {
  await page.goto(`${want.origin}/?mode=step`);
  const status = page.getByTestId('step-status');
  const ready = async (steps) => {
    await status.expectAttribute('data-steps', String(steps), RUN_TIMEOUT);
    await status.expectAttribute('data-busy', 'false');
  };
  await ready(0);
  // The blog preset's leaves are func1 (thread 2) and func2 (thread 3): both read, both write.
  for (const [i, thread] of [2, 3, 2, 3].entries()) {
    await page.locator(`[data-testid="step-thread"][data-thread="${thread}"]`).click();
    await ready(i + 1);
  }
  await page.getByTestId('timeline').expectAttribute('data-accesses', '4');
  await waitUntil(
    async () => (await page.getByTestId('lost-marker').count()) === 1,
    'one lost-update marker',
  );
  assert.match(await page.evaluate(() => window.location.search), /schedule=/);
}

/** A blog on another origin frames the page, sets it to atomic, runs it and hears the result. */
async function embedRun(page, want) {
  await page.goto(`${want.hostOrigin}/${want.hostPage}`);
  const messages = (type) =>
    page.evaluate((t) => window.raceLabMessages.filter((m) => m.data.type === t), type);
  const [ready] = await waitUntil(
    async () => {
      const found = await messages('race-lab:ready');
      return found.length > 0 && found;
    },
    'race-lab:ready from the embed',
    RUN_TIMEOUT,
  );
  assert.equal(ready.origin, want.origin);
  const post = (data) =>
    page.evaluate(
      ([d, o]) => document.querySelector('iframe').contentWindow.postMessage(d, o),
      [data, want.origin],
    );
  await post({ type: 'race-lab:set', atomic: true });
  await post({ type: 'race-lab:run' });
  const [result] = await waitUntil(
    async () => {
      const found = await messages('race-lab:result');
      return found.length > 0 && found;
    },
    'race-lab:result from the embed',
    RUN_TIMEOUT,
  );
  assert.equal(result.origin, want.origin);
  assert.deepEqual(result.data, {
    type: 'race-lab:result',
    expected: 400,
    final: 400,
    lost: 0,
    strategy: 'atomic',
    engine: want.embedEngine,
    scenario: 'counter',
  });
}

/** The core flows, in the order they run on one tab; each opens the page it needs. */
export const CORE_FLOWS = [
  ['load, isolation state, Run and its timeline', loadAndRun],
  ['atomic increments end at exactly the expected count', atomicExact],
  ['explorer and 20 trials', explorerAndTrials],
  ['step mode takes four accesses by hand', stepAccesses],
  ['the embed on a blog runs and reports', embedRun],
];
