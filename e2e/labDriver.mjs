// Drives the page's public contract (the Run button and the result element) for both the e2e
// specs and the benchmark. Plain JS so the benchmark can import it straight from Node.
// The functions passed to page.evaluate run in the page, hence these browser globals:
/* global window, document, MutationObserver */

/** Run states that end a run. */
export const FINISHED_STATES = ['done', 'stopped', 'error'];

/** The result element of the page. */
export const resultOf = (page) => page.getByTestId('result');

/** The Run button of the page. */
export const runButtonOf = (page) => page.getByRole('button', { name: 'Run', exact: true });

/** The result element's data attributes, numbers parsed (NaN where absent). */
export async function readResult(result) {
  const data = await result.evaluate((el) => ({ ...el.dataset }));
  const num = (v) => (v === undefined || v === '' ? NaN : Number(v));
  return {
    state: data.state ?? 'idle',
    expected: num(data.expected),
    final: num(data.final),
    lost: num(data.lost),
    strategy: data.strategy ?? '',
    engine: data.engine ?? '',
    preset: data.preset ?? '',
    elapsedMs: num(data.elapsedMs),
    rate: num(data.rate),
    workersIsolated: data.workersIsolated ?? '',
    books: data.books ?? '',
  };
}

/**
 * Start recording every state the result element shows. A short run can go running → done
 * between two polls, and waiting for "done" alone could match the previous run's result.
 */
export async function watchStates(page) {
  await page.evaluate(() => {
    const states = [];
    window.__raceLabStates = states;
    const note = () => {
      const state = document.querySelector('[data-testid="result"]')?.getAttribute('data-state');
      if (state && state !== states[states.length - 1]) states.push(state);
    };
    // Watch the whole body: React may replace the element, not only change its attribute.
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

/** Wait until the watched result has gone to running and then to a finished state. */
export async function waitForRunEnd(page, timeout) {
  await page.waitForFunction(
    (finished) => {
      const states = window.__raceLabStates ?? [];
      const started = states.indexOf('running');
      return started >= 0 && states.slice(started + 1).some((s) => finished.includes(s));
    },
    FINISHED_STATES,
    { timeout, polling: 'raf' },
  );
}

/** Click Run, wait for this run (not an earlier one) to finish, and read its result. */
export async function runAndRead(page, timeout = 60_000) {
  const run = runButtonOf(page);
  await run.waitFor({ state: 'visible', timeout });
  await watchStates(page);
  await run.click({ timeout });
  await waitForRunEnd(page, timeout);
  return readResult(resultOf(page));
}
