import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runToDone } from './lab';
import { APP_ORIGIN, PLAIN_APP_ORIGIN } from './origins';

/** Trials' controls and readouts, by their accessible names and test ids. */
function trialsOf(page: Page) {
  return {
    count: page.getByRole('spinbutton', { name: 'Trials', exact: true }),
    run: page.getByRole('button', { name: 'Run trials', exact: true }),
    panel: page.getByTestId('trials'),
    histogram: page.getByTestId('histogram'),
  };
}

/** Run `count` trials to the end; returns the histogram's bars as value:count. */
async function runTrials(page: Page, count: number): Promise<string[]> {
  const t = trialsOf(page);
  await t.count.fill(String(count));
  await t.run.click();
  await expect(t.panel).toHaveAttribute('data-state', 'done');
  await expect(t.panel).toHaveAttribute('data-completed', String(count));
  await expect(t.histogram).toHaveAttribute('data-runs', String(count));
  return t.histogram
    .locator('rect.bar')
    .evaluateAll((bars) =>
      bars.map((b) => `${b.getAttribute('data-value')}:${b.getAttribute('data-count')}`),
    );
}

/** Trials ran on the simulated engine and say so, on the element and in words. */
async function expectSimulatedTrials(page: Page, seed?: number) {
  const t = trialsOf(page);
  await expect(t.panel).toHaveAttribute('data-engine', 'simulated');
  if (seed !== undefined) await expect(t.panel).toHaveAttribute('data-seed', String(seed));
  await expect(page.getByTestId('trials-engine')).toContainText('Simulated engine, seed');
}

test.describe('trials without shared memory', () => {
  test.use({ allowedOrigins: [PLAIN_APP_ORIGIN] });

  test('a server without isolation headers runs 20 trials on the simulated engine', async ({
    page,
  }) => {
    await page.goto(`${PLAIN_APP_ORIGIN}/?view=explore&workers=2&increments=20&seed=11`);
    const bars = await runTrials(page, 20);
    await expectSimulatedTrials(page, 11);
    // The same seed gives the same histogram.
    await page.reload();
    expect(await runTrials(page, 20)).toEqual(bars);
  });
});

test('engine=simulated sends trials to the simulated engine on an isolated page too', async ({
  page,
}) => {
  await page.goto('/?view=explore&engine=simulated&workers=2&increments=20');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  await runTrials(page, 20);
  await expectSimulatedTrials(page);
  await expect(page.getByTestId('engine-badge')).toContainText('seeded scheduler');
});

test.describe('an isolated page whose browser gives it no SharedArrayBuffer (as WebKitGTK)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete (globalThis as { SharedArrayBuffer?: unknown }).SharedArrayBuffer;
    });
  });

  test('falls back, says why in words, and runs, trials, explores and steps', async ({ page }) => {
    await page.goto(`${APP_ORIGIN}/?view=explore&workers=2&increments=3`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const badge = page.getByTestId('engine-badge');
    await expect(badge).toHaveAttribute('data-reason', 'no-shared-array-buffer');
    await expect(badge).toContainText('this browser gave the page no SharedArrayBuffer');
    await expect(page.getByRole('alert').first()).toContainText(
      'Real workers cannot share memory here: this browser gave the page no SharedArrayBuffer',
    );

    const run = await runToDone(page);
    expect(run).toMatchObject({ engine: 'simulated', expected: 6 });

    await runTrials(page, 20);
    await expectSimulatedTrials(page);

    await page.getByRole('button', { name: 'Explore outcomes', exact: true }).click();
    await expect(page.getByTestId('reachable')).toHaveAttribute('data-values', '2,3,4,5,6');

    await page.goto(`${APP_ORIGIN}/?mode=step&workers=2&increments=3`);
    const status = page.getByTestId('step-status');
    await expect(status).toHaveAttribute('data-steps', '0');
    for (const [i, key] of ['1', '2', '1'].entries()) {
      await expect(status).toHaveAttribute('data-busy', 'false');
      await page.keyboard.press(key);
      await expect(status).toHaveAttribute('data-steps', String(i + 1));
    }
    await expect(status).toHaveAttribute('data-engine', 'simulated');
  });
});
