import { test, expect } from './fixtures';
import { lab, runOnce, runToDone } from './lab';

const HOSTILE = [
  'workers=99999999999999999999',
  'workers=-1',
  'workers=NaN',
  'workers=Infinity',
  'workers=1e3',
  'increments=0',
  'increments=-100',
  'increments=1.5',
  'increments=%00',
  'work=999999999',
  'strategy=<script>alert(1)</script>',
  'strategy=constructor',
  'preset=__proto__',
  'trace=maybe',
  'mode=fly',
  'engine=gpu',
  'seed=-7',
  'schedule=%3Cimg%20src%3Dx%3E',
  'theme=javascript:alert(1)',
  `workers=${'7'.repeat(5000)}`,
];

test.describe('hostile URLs', () => {
  for (const query of HOSTILE) {
    test(`?${query.slice(0, 40)} shows a message and the page still works`, async ({ page }) => {
      await page.goto(`/?${query}`);
      const name = query.split('=')[0]!;
      await expect(page.getByRole('alert').filter({ hasText: `Ignored ${name}` })).toBeVisible();
      await expect(lab(page).run).toBeEnabled();
      // Nothing hostile reached the DOM as markup.
      expect(await page.locator('script:not([src])').count()).toBe(0);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
    });
  }
});

test('200 consecutive runs of the blog preset leave the live worker count where it started', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/?debug=1');
  const debug = lab(page).debug;
  await runToDone(page);
  const live = await debug.getAttribute('data-live-workers');
  expect(Number(live)).toBeGreaterThan(0);
  for (let i = 1; i < 200; i++) await runToDone(page);
  await expect(debug).toHaveAttribute('data-live-workers', live!);
});

// `fail=6` works only in the e2e build (see e2e/builds.spec.ts): production has no such hook.
test('a worker that throws gives an error, and the next run works', async ({ page }) => {
  await page.goto('/?debug=1&fail=6');
  const failed = await runOnce(page);
  expect(failed.state).toBe('error');
  await expect(lab(page).result).toContainText('Test hook: worker 6 failed');
  const next = await runToDone(page);
  expect(next.expected).toBe(400);
});
