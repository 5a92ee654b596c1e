import type { Browser, CDPSession, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { lab } from './lab';
import { APP_ORIGIN, HOST_ORIGIN } from './origins';

// The host page is a blog on another origin; the page under test may go there too.
test.use({ allowedOrigins: [APP_ORIGIN, HOST_ORIGIN] });

/** A long run: 4 flat workers that would take minutes to finish. */
const LONG_RUN = 'workers=4&increments=10000000&work=100&strategy=racy';

/**
 * Counts the browser's worker targets (dedicated and shared, nested ones included) over the
 * DevTools protocol, at browser level so a frame or page going away does not end the session.
 */
async function workerCounter(browser: Browser): Promise<() => Promise<number>> {
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  return async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'worker' || t.type === 'shared_worker').length;
  };
}

/** The host page is alive and answers. */
async function expectHealthy(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.readyState)).toBe('complete');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

test.describe('leaving mid-run leaks nothing', () => {
  test('a host removing the embed mid-run ends all its workers', async ({ page, browser }) => {
    const workers = await workerCounter(browser);
    await page.goto(`${HOST_ORIGIN}/`);
    const before = await workers();

    await page.goto(`${HOST_ORIGIN}/host-long-run.html`);
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(frame.getByTestId('result')).toHaveAttribute('data-state', 'running');
    await expect.poll(workers).toBeGreaterThanOrEqual(before + 4);

    await page.evaluate(() => document.querySelector('iframe')!.remove());
    await expect(page.locator('iframe')).toHaveCount(0);
    await expect.poll(workers).toBe(before);
    await expectHealthy(page);
    // The run never finished, so the host heard no result.
    const results = await page.evaluate(
      () =>
        (window as unknown as { raceLabMessages: { data: { type: string } }[] }).raceLabMessages
          .map((m) => m.data.type)
          .filter((t) => t === 'race-lab:result').length,
    );
    expect(results).toBe(0);
  });

  test('leaving the page mid-run ends all its workers', async ({ page, browser }) => {
    const workers = await workerCounter(browser);
    await page.goto(`${HOST_ORIGIN}/`);
    const before = await workers();

    await page.goto(`/?${LONG_RUN}`);
    await lab(page).run.click();
    await expect(lab(page).result).toHaveAttribute('data-state', 'running');
    await expect.poll(workers).toBeGreaterThanOrEqual(before + 4);

    await page.goto(`${HOST_ORIGIN}/`);
    await expect.poll(workers).toBe(before);
    await expectHealthy(page);
  });
});
