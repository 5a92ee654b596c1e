import type { CDPSession, Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runToDone } from './lab';

// Phones: a touch screen (coarse pointer, touch events, mobile viewport) 320 or 375 px wide.
// A fixed seed on the simulated engine makes every run the same, lost updates included.
const BLOG_RUN = '/?engine=simulated&seed=7';
const WIDTHS = [320, 375];

test.use({ hasTouch: true, isMobile: true, reducedMotion: 'reduce' });

/**
 * The page is no wider than the screen. (A mobile browser widens its layout viewport to fit
 * a page that overflows, so innerWidth would grow with it: compare with the screen's width.)
 */
async function expectNoSidewaysScroll(page: Page, width: number) {
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(scrollWidth, `page width at ${width} px`).toBeLessThanOrEqual(width);
}

/** Every control on screen that a finger taps is at least 44 px tall. */
async function expectFingerSizedTargets(page: Page) {
  expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
  const small = await page.evaluate(() => {
    const targets = document.querySelectorAll<HTMLElement>(
      [
        'button',
        'select',
        'a[href]',
        "input:not([type='checkbox'], [type='radio'], [type='hidden'])",
        // A checkbox is tapped through its label.
        "label:has(> input[type='checkbox'])",
        "input[type='checkbox'] + label",
      ].join(','),
    );
    return Array.from(targets)
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => ({
        what: `${el.localName} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`,
        height: Math.round(el.getBoundingClientRect().height * 10) / 10,
      }))
      .filter((t) => t.height < 44);
  });
  expect(small, 'tap targets under 44 px').toEqual([]);
}

for (const width of WIDTHS) {
  test.describe(`on a ${width} px touch screen`, () => {
    test.use({ viewport: { width, height: 740 } });

    test('the main page after a blog run fits and its controls take a finger', async ({ page }) => {
      await page.goto(BLOG_RUN);
      const readout = await runToDone(page);
      expect(readout.lost).toBeGreaterThan(0);
      // The per-worker table, the widest thing after a run, is on screen.
      await expect(page.getByRole('table', { name: 'Per worker' })).toBeVisible();
      await expect(page.getByTestId('timeline')).toHaveAttribute('data-render-ms', /\d/);
      await expectNoSidewaysScroll(page, width);
      await expectFingerSizedTargets(page);
    });

    test('the explorer, explored and with trials, fits', async ({ page }) => {
      await page.goto('/?view=explore&workers=2&increments=3');
      await page.getByRole('button', { name: 'Explore outcomes', exact: true }).click();
      await expect(page.getByTestId('reachable')).toHaveAttribute('data-complete', 'true');
      await page.getByRole('spinbutton', { name: 'Trials', exact: true }).fill('20');
      await page.getByRole('button', { name: 'Run trials', exact: true }).click();
      await expect(page.getByTestId('trials')).toHaveAttribute('data-state', 'done');
      await expect(page.getByTestId('trials-table')).toBeVisible();
      await expectNoSidewaysScroll(page, width);
      await expectFingerSizedTargets(page);
    });

    test('step mode, a few steps in, fits', async ({ page }) => {
      await page.goto('/?mode=step&engine=simulated&seed=7');
      const status = page.getByTestId('step-status');
      for (const [i, name] of ['1', '2', '1', '2'].entries()) {
        await page.getByRole('button', { name: new RegExp(`^${name} `) }).tap();
        await expect(status).toHaveAttribute('data-steps', String(i + 1));
      }
      await expect(page.getByTestId('lost-marker')).toHaveCount(1);
      await expectNoSidewaysScroll(page, width);
      await expectFingerSizedTargets(page);
    });

    test('the embed after a run fits', async ({ page }) => {
      await page.goto(`/?embed=1&engine=simulated&seed=7`);
      await runToDone(page);
      await expect(page.getByTestId('timeline')).toHaveAttribute('data-render-ms', /\d/);
      await expectNoSidewaysScroll(page, width);
      await expectFingerSizedTargets(page);
    });
  });
}

/** Touch points in the page's CSS pixels, sent as the screen would send them. */
async function touch(
  cdp: CDPSession,
  type: 'touchStart' | 'touchMove' | 'touchEnd',
  points: [number, number][],
) {
  await cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: points.map(([x, y], id) => ({ x, y, id })),
  });
}

/** Fingers from `from` to `to` (one point each), in small moves, then lifted. */
async function gesture(cdp: CDPSession, from: [number, number][], to: [number, number][]) {
  const steps = 8;
  await touch(cdp, 'touchStart', from);
  for (let s = 1; s <= steps; s++) {
    const at = from.map(([x, y], i): [number, number] => [
      x + ((to[i]![0] - x) * s) / steps,
      y + ((to[i]![1] - y) * s) / steps,
    ]);
    await touch(cdp, 'touchMove', at);
  }
  await touch(cdp, 'touchEnd', []);
}

const numberAttr = async (locator: Locator, name: string) =>
  Number(await locator.getAttribute(name));

test.describe('the timeline on a 375 px touch screen', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('two fingers zoom and one finger pans', async ({ page }) => {
    await page.goto(BLOG_RUN);
    await runToDone(page);
    const timeline = page.getByTestId('timeline');
    await expect(timeline).toHaveAttribute('data-render-ms', /\d/);
    const accesses = await numberAttr(timeline, 'data-accesses');
    await expect(timeline).toHaveAttribute('data-visible', String(accesses));
    await expect(timeline).toHaveAttribute('data-view-start', '0');
    const plot = page.locator('.tl-hit');
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const cdp = await page.context().newCDPSession(page);

    // Pinch out: the fingers end four times as far apart, so about a quarter is in view.
    await gesture(
      cdp,
      [
        [cx - 12, cy],
        [cx + 12, cy],
      ],
      [
        [cx - 48, cy],
        [cx + 48, cy],
      ],
    );
    await expect.poll(() => numberAttr(timeline, 'data-visible')).toBeLessThan(accesses / 2);
    const visible = await numberAttr(timeline, 'data-visible');
    const start = await numberAttr(timeline, 'data-view-start');
    expect(start).toBeGreaterThan(0);

    // Drag left: later accesses come into view, as many as before.
    await gesture(cdp, [[cx + 40, cy]], [[cx - 40, cy]]);
    await expect.poll(() => numberAttr(timeline, 'data-view-start')).toBeGreaterThan(start);
    expect(Math.abs((await numberAttr(timeline, 'data-visible')) - visible)).toBeLessThanOrEqual(2);
  });

  test('a tap on a lost-update marker tells its finding, inside the screen', async ({ page }) => {
    // Few accesses, so markers stand apart and a finger can pick one.
    await page.goto(`${BLOG_RUN}&workers=2&increments=10`);
    const readout = await runToDone(page);
    expect(readout.lost).toBeGreaterThan(0);
    await page.getByTestId('timeline').scrollIntoViewIfNeeded();
    const markers = page.getByTestId('lost-marker');
    await expect(markers.first()).toBeVisible();
    const plotTop = () => page.getByTestId('timeline').evaluate((el: HTMLElement) => el.offsetTop);
    const top = await plotTop();
    for (const which of [markers.first(), markers.last()]) {
      // The ring's middle (the marker's box includes its count label).
      const box = (await which.locator('circle, rect').first().boundingBox())!;
      await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
      const tip = page.getByRole('tooltip');
      await expect(tip).toHaveText((await which.getAttribute('aria-label')) ?? '');
      await expect(tip).toContainText(/wrote \d+ over/);
      // Whole on screen and in the timeline (which cuts what spills), however near an edge
      // its marker is (to half a pixel: boxes are fractional).
      const tipBox = (await tip.boundingBox())!;
      const plotBox = (await page.getByTestId('timeline').boundingBox())!;
      const [left, right] = [Math.max(0, plotBox.x), Math.min(375, plotBox.x + plotBox.width)];
      expect(tipBox.x).toBeGreaterThan(left - 0.5);
      expect(tipBox.x + tipBox.width).toBeLessThan(right + 0.5);
      expect(tipBox.y + tipBox.height).toBeLessThan(plotBox.y + plotBox.height + 0.5);
      // A tap is a click too: playback moves to the marker's write.
      await expect(page.getByTestId('timeline')).toHaveAttribute(
        'data-current',
        (await which.getAttribute('data-index')) ?? '',
      );
      // The words of the access now shown wrap, but the plot stays where the finger left it.
      expect(await plotTop()).toBe(top);
    }
    await page.screenshot({ path: 'e2e/artifacts/phone-marker-tip.png' });
  });
  test('in step mode a lane tapped twice steps twice, the page holding still', async ({ page }) => {
    await page.goto('/?mode=step&engine=simulated&seed=7');
    const status = page.getByTestId('step-status');
    for (const [i, key] of ['1', '2', '1', '2', '1', '2'].entries()) {
      await expect(status).toHaveAttribute('data-busy', 'false');
      await page.keyboard.press(key);
      await expect(status).toHaveAttribute('data-steps', String(i + 1));
    }
    // func3›func1's lane (thread 2 of the blog's tree), scrolled to, so the page is scrolled.
    const lane = page.locator('[data-testid="lane"][data-thread="2"]');
    await lane.scrollIntoViewIfNeeded();
    const box = (await lane.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    // Each step draws a new view: the second tap must still find the lane under the finger.
    await page.touchscreen.tap(x, y);
    await expect(status).toHaveAttribute('data-steps', '7');
    await expect(status).toHaveAttribute('data-busy', 'false');
    expect((await lane.boundingBox())!.y).toBe(box.y);
    await page.touchscreen.tap(x, y);
    await expect(status).toHaveAttribute('data-steps', '8');
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-accesses', '8');
  });
});
