import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The outcome explorer's controls and readouts, found by their accessible names. */
function explorer(page: Page) {
  return {
    panel: page.getByTestId('explorer'),
    trialsCount: page.getByRole('spinbutton', { name: 'Trials', exact: true }),
    runTrials: page.getByRole('button', { name: 'Run trials', exact: true }),
    cancel: page.getByRole('button', { name: 'Cancel', exact: true }),
    download: page.getByRole('button', { name: 'Download CSV', exact: true }),
    explore: page.getByRole('button', { name: 'Explore outcomes', exact: true }),
    progress: page.getByRole('progressbar', { name: 'Trials done' }),
    trials: page.getByTestId('trials'),
    histogram: page.getByTestId('histogram'),
    reachable: page.getByTestId('reachable'),
    showHowValue: page.getByRole('combobox', { name: 'Show me how it ends at' }),
    showHow: page.getByRole('button', { name: 'Show how', exact: true }),
  };
}

const valueNow = async (page: Page) =>
  Number(await explorer(page).progress.getAttribute('aria-valuenow'));

test.describe('what can happen', () => {
  test('the explorer lists every value 2 workers × 3 racy increments can end at', async ({
    page,
  }) => {
    await page.goto('/?view=explore&workers=2&increments=3');
    const x = explorer(page);
    await expect(x.panel).toBeVisible();
    await expect(x.panel).toContainText('exactly one reachable outcome');
    await x.explore.click();
    await expect(x.reachable).toHaveAttribute('data-values', '2,3,4,5,6');
    await expect(x.reachable).toHaveAttribute('data-complete', 'true');
    expect(Number(await x.reachable.getAttribute('data-states'))).toBeGreaterThan(0);
    await expect(x.showHowValue.locator('option')).toHaveText(['2', '3', '4', '5', '6']);
  });

  test('the witness for 2 opens in step mode and ends at 2', async ({ page }) => {
    await page.goto('/?view=explore&workers=2&increments=3');
    const x = explorer(page);
    await x.explore.click();
    await expect(x.reachable).toHaveAttribute('data-values', '2,3,4,5,6');
    await x.showHowValue.selectOption('2');
    await x.showHow.click();
    const status = page.getByTestId('step-status');
    await expect(status).toHaveAttribute('data-busy', 'false');
    await expect(page).toHaveURL(/mode=step/);
    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-state', 'done');
    await expect(result).toHaveAttribute('data-final', '2');
    await expect(result).toHaveAttribute('data-lost', '4');
    await expect(result).toHaveAttribute('data-engine', 'workers');
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-accesses', '13'); // 12 increments' accesses and main's read
  });

  test('trials of a small config mark the outcomes no run reached', async ({ page }) => {
    await page.goto('/?view=explore&workers=2&increments=3');
    const x = explorer(page);
    await x.explore.click();
    await expect(x.reachable).toHaveAttribute('data-values', '2,3,4,5,6');
    await x.trialsCount.fill('20');
    await x.runTrials.click();
    await expect(x.trials).toHaveAttribute('data-state', 'done');
    await expect(x.histogram).toHaveAttribute('data-runs', '20');
    // Every value is either seen in some run or marked as possible but not seen.
    const seen = await x.histogram
      .locator('rect.bar')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-value'))));
    const unseen = (await x.histogram.getAttribute('data-unseen'))!
      .split(',')
      .filter(Boolean)
      .map(Number);
    expect([...seen, ...unseen].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
    // The legend names the unseen values exactly when there are some (both ways, whatever
    // the trials happened to reach). Catches a legend that is missing or always shown.
    const legend = x.panel.locator('.histogram-legend');
    await expect(legend).toHaveCount(unseen.length > 0 ? 1 : 0);
    // Runs of values read "2 to 4", so the ends are what the text must name.
    const ends = unseen.length > 0 ? [unseen[0]!, unseen[unseen.length - 1]!] : [];
    for (const value of ends) await expect(legend).toContainText(String(value));
  });

  test('200 racy trials fill the histogram with progress', async ({ page }) => {
    await page.goto('/?view=explore&workers=2&increments=100000');
    const x = explorer(page);
    await x.trialsCount.fill('200');
    await x.runTrials.click();
    await expect(x.progress).toHaveAttribute('aria-valuemax', '200');
    await expect(x.trials).toHaveAttribute('data-state', 'done', { timeout: 120_000 });
    await expect(x.progress).toHaveAttribute('aria-valuenow', '200');
    await expect(x.histogram).toHaveAttribute('data-runs', '200');
    const counts = await x.histogram
      .locator('rect.bar')
      .evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(200);
    const row = page.getByTestId('trials-table').locator('tr[data-strategy="racy"]');
    await expect(row).toHaveAttribute('data-runs', '200');
    const [download] = await Promise.all([page.waitForEvent('download'), x.download.click()]);
    expect(download.suggestedFilename()).toMatch(/^race-lab-custom-racy-trials-.*\.csv$/);
    const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
    expect(lines[0]).toBe(
      'strategy,preset,workers,increments,work,trial,final,expected,lost,elapsed_ms',
    );
    expect(lines).toHaveLength(201);
    expect(lines[200]).toMatch(/^racy,custom,2,100000,0,200,\d+,200000,\d+,/);
  });

  test('trials can be cancelled part way, keeping the runs done', async ({ page }) => {
    await page.goto('/?view=explore&workers=2&increments=100000');
    const x = explorer(page);
    await x.trialsCount.fill('10000');
    await x.runTrials.click();
    // The histogram fills in while the batch runs.
    await expect.poll(() => valueNow(page)).toBeGreaterThan(0);
    await expect(x.histogram).not.toHaveAttribute('data-runs', '0');
    await x.cancel.click();
    await expect(x.trials).toHaveAttribute('data-state', 'cancelled');
    const done = await valueNow(page);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(10_000);
    await expect(x.histogram).toHaveAttribute('data-runs', String(done));
    await expect(x.cancel).toBeDisabled();
    await expect(x.runTrials).toBeEnabled();
  });
});
