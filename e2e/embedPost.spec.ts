import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { APP_ORIGIN, HOST_ORIGIN } from './origins';

// A blog post on another origin, without isolation headers, with four embeds pasted from the
// Share dialog (e2e/fixtures/host-post.html). What its reader must never see: the page jumping,
// a frame cut off or scrolling inside, light boxes in a dark post, a wheel that stops scrolling.
test.use({ allowedOrigins: [APP_ORIGIN, HOST_ORIGIN] });

const POST = `${HOST_ORIGIN}/host-post.html`;
const EMBEDS = 4;

/** Sum the page's layout shifts (those not right after the page's own input) from the start. */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { cls: number };
    w.cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
      }[]) {
        if (!entry.hadRecentInput) w.cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const cls = (page: Page) => page.evaluate(() => (window as unknown as { cls: number }).cls);

/** The embeds' frames, in the page's order. */
const frames = (page: Page): Frame[] =>
  page.frames().filter((f) => {
    const url = new URL(f.url());
    return url.origin === APP_ORIGIN && url.searchParams.get('embed') === '1';
  });

/** Scroll the post from top to bottom as a reader does, until every embed has drawn itself. */
async function readThrough(page: Page) {
  const revealed = page.locator('[data-race-lab] iframe:not([style*="opacity: 0"])');
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()!.height / 2;
  // The page's height is read again at every step: a frame that grew makes the post longer.
  for (let y = 0; y <= (await height()); y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    // Each embed in view draws itself: wait for it before reading on.
    const inView = await page.evaluate(
      () =>
        Array.from(document.querySelectorAll('[data-race-lab]')).filter((el) => {
          const r = el.getBoundingClientRect();
          return r.top < innerHeight && r.bottom > 0;
        }).length,
    );
    if (inView > 0) await expect.poll(() => revealed.count()).toBeGreaterThanOrEqual(1);
  }
  await expect(revealed).toHaveCount(EMBEDS);
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Every frame shows all of its content: no clipping, no inner scrollbar. */
async function expectNothingClipped(page: Page) {
  for (const frame of frames(page)) {
    const { content, view } = await frame.evaluate(() => ({
      content: document.documentElement.scrollHeight,
      view: innerHeight,
    }));
    expect(content, frame.url()).toBeLessThanOrEqual(view);
  }
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 360, height: 640 },
]) {
  test.describe(`a post with ${EMBEDS} embeds at ${viewport.width} px`, () => {
    test.use({ viewport });

    test('does not shift before or after a reader runs an embed, and clips nothing', async ({
      page,
    }) => {
      await recordShifts(page);
      await page.goto(POST);
      await readThrough(page);
      expect(frames(page)).toHaveLength(EMBEDS);
      const before = await cls(page);
      test.info().annotations.push({ type: 'CLS before any click', description: String(before) });
      expect(before, 'layout shift before any click').toBeLessThanOrEqual(0.05);
      await expectNothingClipped(page);

      // The reader scrolls to the first embed and presses Run in it.
      const first = page.locator('[data-race-lab] iframe').first();
      await first.scrollIntoViewIfNeeded();
      const frame = frames(page)[0]!;
      await frame.getByRole('button', { name: 'Run', exact: true }).click();
      await expect(frame.getByTestId('result')).toHaveAttribute('data-state', 'done');
      await expect(frame.getByTestId('timeline')).toBeVisible();
      // The host hears the frame's height after the frame lays out: give it that round trip.
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))));
      const after = (await cls(page)) - before;
      test.info().annotations.push({ type: 'CLS after Run', description: String(after) });
      expect(after, 'layout shift after Run').toBeLessThanOrEqual(0.05);
      await expectNothingClipped(page);
    });
  });
}

test.describe('the post follows its theme and keeps its wheel', () => {
  test("toggling the host's dark class turns the embeds dark within 500 ms", async ({ page }) => {
    await page.goto(POST);
    await readThrough(page);
    const themes = () =>
      Promise.all(
        frames(page).map((f) => f.evaluate(() => document.documentElement.dataset.theme)),
      );
    expect(await themes()).toEqual(Array(EMBEDS).fill('light'));
    await page.evaluate(() => document.documentElement.classList.add('dark'));
    await expect.poll(themes, { timeout: 500 }).toEqual(Array(EMBEDS).fill('dark'));
    await page.evaluate(() => document.documentElement.classList.remove('dark'));
    await expect.poll(themes, { timeout: 500 }).toEqual(Array(EMBEDS).fill('light'));
  });

  test('the wheel over a timeline scrolls the page; Ctrl + wheel zooms it', async ({ page }) => {
    await page.goto(POST);
    await readThrough(page);
    const frame = frames(page)[0]!;
    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    const timeline = frame.getByTestId('timeline');
    await expect(timeline).toBeVisible();
    const plot = frame.locator('.tl-hit');
    await plot.scrollIntoViewIfNeeded();
    const box = (await plot.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const scrolled = () => page.evaluate(() => window.scrollY);
    const top = await scrolled();
    const draws = () => timeline.getAttribute('data-draws');
    const drawn = await draws();
    await page.mouse.wheel(0, 200);
    await expect.poll(scrolled).toBeGreaterThan(top);
    await expect(frame.getByRole('status').filter({ hasText: 'scroll to zoom' })).toBeVisible();
    // The plain wheel drew no zoom frame; with Ctrl it zooms.
    expect(await draws()).toBe(drawn);
    // The page scrolled under the pointer: back over the plot.
    const moved = (await plot.boundingBox())!;
    await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    await expect.poll(draws).not.toBe(drawn);
  });
});

test('without JavaScript the placeholder shows its link to the full page', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(POST);
  const links = page.locator('[data-race-lab] a');
  await expect(links).toHaveCount(EMBEDS);
  await expect(links.first()).toBeVisible();
  await expect(links.first()).toHaveAttribute('href', `${APP_ORIGIN}/`);
  await expect(links.first().locator('img')).toHaveJSProperty('naturalWidth', 720);
  await context.close();
});

test('the post holds exactly what the Share dialog writes', async ({ page }) => {
  const post = readFileSync(new URL('./fixtures/host-post.html', import.meta.url), 'utf8');
  for (const query of [
    'strategy=racy',
    'strategy=atomic',
    'preset=pair&strategy=lock',
    'workers=3&increments=50&strategy=cas',
  ]) {
    await page.goto(`/?${query}`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share these settings' });
    const snippet = await dialog.getByRole('textbox', { name: 'Script snippet' }).inputValue();
    const [placeholder, script] = snippet.split('\n');
    expect(post, query).toContain(placeholder);
    expect(post).toContain(script);
    await page.keyboard.press('Escape');
  }
});
