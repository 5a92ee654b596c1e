import type { Locator, Page } from '@playwright/test';
import { build } from 'vite';
import { expect, test } from './fixtures';
import { lab, runToDone } from './lab';

const ARTIFACTS = 'e2e/artifacts';

/** What the exported file holds, as the browser's XML parser reads it. */
interface SvgCheck {
  errors: number;
  root: string;
  images: string[];
  paths: number;
  styled: number;
  classes: number;
}

/**
 * The blog program on the seeded simulated engine: the same interleaving every time, one that
 * loses hundreds of increments, so checks of the lost-update markers are never vacuous.
 */
const SEEDED_BLOG = '/?engine=simulated&seed=1';

const timelineOf = (page: Page) => page.getByTestId('timeline');
const numberAttr = async (locator: Locator, name: string) =>
  Number(await locator.getAttribute(name));
const activeLine = (page: Page, testId: string) =>
  page.getByTestId(testId).locator('[data-active="true"]');

/** The colour a custom property of the palette resolves to in the timeline panel, as rgb(). */
const colourOf = (page: Page, name: string) =>
  page.locator('.tl-panel').evaluate((panel, name) => {
    const probe = panel.appendChild(document.createElement('span'));
    probe.style.color = `var(${name})`;
    const colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }, name);

/** Sum of data-erased over every lost-update marker on the page. */
const erasedOnMarkers = (page: Page) =>
  page
    .getByTestId('lost-marker')
    .evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute('data-erased')), 0));

/** Run and wait until the timeline shows this run's trace and has painted it. */
async function runAndShow(page: Page, timeout?: number) {
  const readout = await runToDone(page, timeout);
  const accesses = Number(await lab(page).result.getAttribute('data-accesses'));
  const timeline = timelineOf(page);
  await expect(timeline).toHaveAttribute('data-accesses', String(accesses));
  await expect(timeline).toHaveAttribute('data-render-ms', /\d/);
  return { readout, accesses, timeline };
}

test.describe('the timeline, after a run of the blog program', () => {
  // No autoplay: every change of position below is one the test makes.
  test.use({ reducedMotion: 'reduce' });

  // Catches: markers not drawn, or a marker per erased write instead of per clobbering write
  // (a seeded run that lost updates, so neither count is 0 = 0).
  test('shows every access and marks every lost increment', async ({ page }) => {
    await page.goto(SEEDED_BLOG);
    await expect(page.getByText(/Press Run: every read and write/)).toBeVisible();
    const { readout, accesses, timeline } = await runAndShow(page);
    expect(readout).toMatchObject({ engine: 'simulated', books: 'balanced' });
    expect(readout.lost, 'seed 1 loses updates').toBeGreaterThan(1);
    expect(accesses).toBeGreaterThan(800);
    await expect(timeline).toHaveAccessibleName('Timeline of shared accesses');
    await expect(timeline).toHaveAttribute('tabindex', '0');
    await expect(timeline).toHaveAttribute('data-visible', String(accesses));
    // At the whole-trace zoom each clobbering write has its own marker.
    const markers = page.getByTestId('lost-marker');
    const counts = await markers.evaluateAll((els) =>
      els.map((el) => el.getAttribute('data-count')),
    );
    expect(counts.length).toBeGreaterThan(1);
    expect(counts.every((c) => c === '1')).toBe(true);
    expect(await erasedOnMarkers(page)).toBe(readout.lost);
    await page.screenshot({ path: `${ARTIFACTS}/timeline-blog-page.png`, fullPage: true });
    await page.locator('.tl-panel').screenshot({ path: `${ARTIFACTS}/timeline-blog.png` });
  });

  test('steps through accesses: position, code lines and narration follow', async ({ page }) => {
    await page.goto('/');
    const { timeline } = await runAndShow(page);
    const narration = page.getByTestId('narration');
    await expect(timeline).toHaveAttribute('data-current', '0');
    await expect(page.getByTestId('current-access')).toHaveAttribute('data-index', '0');
    for (let step = 1; step <= 6; step++) {
      const before = await narration.textContent();
      await page.getByRole('button', { name: 'Step forward' }).click();
      await expect(timeline).toHaveAttribute('data-current', String(step));
      await expect(narration).not.toHaveText(before ?? '');
      const text = (await narration.textContent()) ?? '';
      // Every early access is a leaf's read or write: both panels point at that line.
      expect(text).toMatch(/ (reads|writes) \d+/);
      await expect(activeLine(page, 'code-python')).toHaveCount(1);
      await expect(activeLine(page, 'code-python')).toContainText('counter.value += 1');
      await expect(activeLine(page, 'code-js')).toContainText(
        text.includes(' reads ') ? 'Atomics.load' : 'Atomics.exchange',
      );
    }
    await page.getByRole('button', { name: 'Step back' }).click();
    await expect(timeline).toHaveAttribute('data-current', '5');
    await expect(page.getByRole('slider', { name: 'Position', exact: true })).toHaveValue('5');
  });

  test('plays and steps from the keyboard', async ({ page }) => {
    await page.goto('/');
    const { accesses, timeline } = await runAndShow(page);
    await timeline.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(timeline).toHaveAttribute('data-current', '2');
    await page.keyboard.press('ArrowLeft');
    await expect(timeline).toHaveAttribute('data-current', '1');
    await page.keyboard.press('End');
    await expect(timeline).toHaveAttribute('data-current', String(accesses - 1));
    await page.keyboard.press('Home');
    await expect(timeline).toHaveAttribute('data-current', '0');
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
    await expect.poll(() => numberAttr(timeline, 'data-current')).toBeGreaterThan(0);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    const stopped = await numberAttr(timeline, 'data-current');
    await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption('1000');
    await page.getByRole('slider', { name: 'Position', exact: true }).fill('100');
    await expect(timeline).toHaveAttribute('data-current', '100');
    expect(stopped).toBeGreaterThan(0);
  });

  test('zooms in around the current access and back out', async ({ page }) => {
    await page.goto('/');
    const { accesses, timeline } = await runAndShow(page);
    await timeline.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await expect.poll(() => numberAttr(timeline, 'data-visible')).toBeLessThan(accesses / 4);
    // Deep enough that each access is its own shape, and the current one stays in view.
    await expect(timeline).toHaveAttribute('data-mode', 'svg');
    await expect(page.getByTestId('current-access')).not.toHaveClass(/tl-cursor-away/);
    await page.locator('.tl-panel').screenshot({ path: `${ARTIFACTS}/timeline-blog-zoomed.png` });
    await page.keyboard.press('0');
    await expect(timeline).toHaveAttribute('data-visible', String(accesses));
  });

  // Catches: the tooltip or the marker's accessible name gone, or Enter on a marker not seeking.
  test('tells a lost update in words on hover and focus', async ({ page }) => {
    await page.goto(SEEDED_BLOG);
    const { readout } = await runAndShow(page);
    expect(readout.lost, 'seed 1 loses updates').toBeGreaterThan(0);
    // The last marker is drawn last, so no neighbour covers it where the pointer goes.
    const marker = page.getByTestId('lost-marker').last();
    await marker.locator('circle, rect').first().hover();
    const tip = page.getByRole('tooltip');
    await expect(tip).toContainText(/wrote \d+ over/);
    await page.mouse.move(0, 0);
    await expect(tip).toHaveCount(0);
    await marker.focus();
    await expect(tip).toContainText(/wrote \d+ over/);
    await expect(marker).toHaveAccessibleName(/wrote \d+ over/);
    // Enter moves playback to the clobbering write.
    await page.keyboard.press('Enter');
    await expect(timelineOf(page)).toHaveAttribute(
      'data-current',
      (await marker.getAttribute('data-index')) ?? '',
    );
  });

  test('exports the view as a standalone SVG file', async ({ page }) => {
    await page.goto('/');
    const { timeline } = await runAndShow(page);
    // The export function as the page would load it, built for the browser on the fly.
    const built = await build({
      configFile: false,
      logLevel: 'silent',
      publicDir: false,
      build: {
        write: false,
        emptyOutDir: false,
        minify: false,
        lib: { entry: 'src/timeline/svgExport.ts', formats: ['iife'], name: 'timelineSvg' },
      },
    });
    const output = Array.isArray(built) ? built[0] : built;
    if (!output || !('output' in output)) throw new Error('The export module did not build.');
    const code = output.output[0].code;
    await expect(timeline).toBeVisible();
    const check = await page.evaluate<SvgCheck>(`(() => {
      ${code}
      const svg = timelineSvg.timelineToSvg(document.querySelector('[data-testid="timeline"]'));
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      return {
        errors: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.localName,
        images: [...doc.querySelectorAll('image')].map((i) => i.getAttribute('href').slice(0, 22)),
        paths: doc.querySelectorAll('path').length,
        styled: doc.querySelectorAll('[style*="fill:rgb"]').length,
        classes: doc.querySelectorAll('[class]').length,
      };
    })()`);
    expect(check).toMatchObject({ errors: 0, root: 'svg', classes: 0 });
    expect(check.images).toContain('data:image/png;base64,');
    expect(check.paths).toBeGreaterThan(5);
    expect(check.styled).toBeGreaterThan(5);
  });
});

test('plays by itself after a run when motion is welcome', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.goto('/');
  const { timeline } = await runAndShow(page);
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await expect.poll(() => numberAttr(timeline, 'data-current')).toBeGreaterThan(1);
});

test('an atomic run shows no lost update', async ({ page }) => {
  await page.goto('/?strategy=atomic');
  const { readout } = await runAndShow(page);
  expect(readout).toMatchObject({ strategy: 'atomic', lost: 0 });
  await expect(page.getByTestId('lost-marker')).toHaveCount(0);
  await expect(activeLine(page, 'code-js')).toHaveCount(1);
});

test('records wall time only when asked, then lays the accesses out by it', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const wallTime = page.getByRole('checkbox', { name: 'Wall time' });
  await page.goto('/');
  await runAndShow(page);
  await expect(wallTime).toBeDisabled();

  await page.goto('/?trace=wall');
  await expect(page.getByRole('combobox', { name: 'Record every access' })).toHaveValue('wall');
  const { readout } = await runAndShow(page);
  expect(readout.final + readout.lost).toBe(readout.expected);
  await expect(wallTime).toBeEnabled();
  await wallTime.check();
  await expect(page.getByText('wall time (ms since start)')).toBeVisible();
  await wallTime.uncheck();
  await expect(page.getByText('accesses, in global order')).toBeVisible();
});

test('a run of 2,000,000 accesses opens in the canvas and zooms', async ({ page }) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  // Seeded, so the run loses updates and the marker count below is never 0 = 0.
  await page.goto('/?workers=2&increments=500000&trace=on&engine=simulated&seed=1');
  const { readout, accesses, timeline } = await runAndShow(page, 120_000);
  expect(accesses).toBe(2_000_001);
  expect(readout.books).toBe('balanced');
  expect(readout.lost).toBeGreaterThan(0);
  await expect(timeline).toHaveAttribute('data-mode', 'canvas');
  // Merged or not, the markers in view account for every lost increment.
  expect(await erasedOnMarkers(page)).toBe(readout.lost);
  await page.locator('.tl-panel').screenshot({ path: `${ARTIFACTS}/timeline-1m.png` });
  const box = await timeline.boundingBox();
  if (!box) throw new Error('The timeline has no box.');
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.6);
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, -240);
  await expect.poll(() => numberAttr(timeline, 'data-visible')).toBeLessThan(accesses / 10);
  await page.locator('.tl-panel').screenshot({ path: `${ARTIFACTS}/timeline-1m-zoomed.png` });
});

test('follows the dark colour scheme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.goto('/');
  await runAndShow(page);
  expect(await colourOf(page, '--tl-read')).toBe('rgb(79, 163, 224)'); // #4fa3e0
  await page.locator('.tl-panel').screenshot({ path: `${ARTIFACTS}/timeline-blog-dark.png` });
});

// Catches: a palette that ignores the theme parameter (theme=light|dark pins the colours
// whatever the reader's scheme; auto follows it).
for (const { theme, scheme, read } of [
  { theme: 'light', scheme: 'dark', read: 'rgb(0, 114, 178)' },
  { theme: 'dark', scheme: 'light', read: 'rgb(79, 163, 224)' },
  { theme: 'auto', scheme: 'light', read: 'rgb(0, 114, 178)' },
] as const) {
  test(`theme=${theme} under a ${scheme} system scheme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${SEEDED_BLOG}&theme=${theme}`);
    await runAndShow(page);
    expect(await colourOf(page, '--tl-read')).toBe(read);
    await page.screenshot({ path: `${ARTIFACTS}/theme-${theme}-on-${scheme}.png`, fullPage: true });
  });
}

// Catches: a highlighted line left out of sight in a listing taller than its box (the code
// panel scrolls the listing, never the page, after the layout rather than forcing one).
test('keeps the highlighted line of a long listing in sight as it steps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${SEEDED_BLOG}&strategy=lock`);
  // A box a few lines tall, so the lines the run steps through do not all fit in it.
  await page.addStyleTag({ content: '.code-lines { max-height: 5rem; }' });
  const { timeline } = await runAndShow(page);
  const listing = page.getByTestId('code-python');
  /** Where the highlighted line sits in the listing's box: [top, bottom] over its height. */
  const place = () =>
    listing.evaluate((list) => {
      const line = list.querySelector<HTMLElement>('[data-active="true"]');
      if (!line) return null;
      const top = (line.offsetTop - list.scrollTop) / list.clientHeight;
      return [top, top + line.offsetHeight / list.clientHeight];
    });
  const scrolls = new Set<number>();
  for (let step = 1; step <= 8; step++) {
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect(timeline).toHaveAttribute('data-current', String(step));
    await expect
      .poll(async () => {
        const [top, bottom] = (await place()) ?? [-1, -1];
        return top >= 0 && bottom <= 1;
      })
      .toBe(true);
    scrolls.add(await listing.evaluate((list) => list.scrollTop));
  }
  // Not vacuous: the steps needed the listing scrolled to more than one place.
  expect(scrolls.size).toBeGreaterThan(1);
});
