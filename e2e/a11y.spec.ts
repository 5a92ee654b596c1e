import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { lab, runToDone } from './lab';
import { waitForRunEnd, watchStates } from './labDriver.mjs';

/** The blog program on the seeded simulated engine: one interleaving, hundreds of losses. */
const SEEDED_BLOG = '/?engine=simulated&seed=1';

/** The impacts that fail a scan; moderate and minor findings are left to review. */
const BLOCKING = ['serious', 'critical'];

/** Scan the page (or the part `include` selects) and expect no serious or critical violation. */
async function expectAccessible(page: Page, label: string, include?: string): Promise<void> {
  const builder = new AxeBuilder({ page });
  if (include) builder.include(include);
  const { violations } = await builder.analyze();
  const blocking = violations
    .filter((v) => BLOCKING.includes(v.impact ?? ''))
    .map((v) => `${label}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target).join(' + ')}`);
  expect(blocking, `${label}: serious or critical violations`).toEqual([]);
}

/** Run the page's current settings and wait until the timeline and code show the run. */
async function runAndShow(page: Page): Promise<void> {
  await runToDone(page);
  await expect(page.getByTestId('timeline')).toBeVisible();
}

test.describe('accessibility scans', () => {
  const themes = [
    { name: 'light', query: '', colorScheme: 'light' },
    { name: 'dark (forced)', query: '?theme=dark', colorScheme: 'light' },
    { name: 'dark (reader’s scheme)', query: '', colorScheme: 'dark' },
  ] as const;
  for (const { name, query, colorScheme } of themes) {
    test(`the main page in ${name}, at load and after a blog run`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`/${query}`);
      await expectAccessible(page, `${name}, load`);
      await runAndShow(page);
      await expect(page.getByTestId('findings')).toBeVisible();
      await expect(page.getByTestId('code-python').locator('[data-active="true"]')).toBeVisible();
      await expectAccessible(page, `${name}, after a run`);
    });
  }

  test('the embed view in forced light and dark, before and after a run', async ({ page }) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`/?embed=1&theme=${theme}`);
      await expectAccessible(page, `embed ${theme}, idle`);
      await runAndShow(page);
      await expectAccessible(page, `embed ${theme}, done`);
    }
  });

  // Each scan costs a second or more (axe is injected into the page and finishes in a page of its
  // own), so one scan per theme covers both results: the explored outcomes stay on screen while
  // the trials are added. Ten trials per strategy are enough to draw the compared histograms.
  test('the explorer after exploring and after trials, light and dark', async ({ page }) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.goto(`/?view=explore&workers=2&increments=3&theme=${theme}`);
      await page.getByRole('button', { name: 'Explore outcomes', exact: true }).click();
      const reachable = page.getByTestId('reachable');
      await expect(reachable).toHaveAttribute('data-complete', 'true');
      await page.getByRole('checkbox', { name: 'Compare strategies' }).check();
      await page.getByRole('spinbutton', { name: 'Trials', exact: true }).fill('10');
      await page.getByRole('button', { name: 'Run trials', exact: true }).click();
      await expect(page.getByTestId('trials')).toHaveAttribute('data-state', 'done');
      await expect(reachable).toBeVisible();
      await expect(reachable).toHaveAttribute('data-complete', 'true');
      await expectAccessible(page, `explorer ${theme}, explored and trials`);
    }
  });

  test('the Share dialog', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectAccessible(page, 'share dialog', 'dialog');
  });
});

/** What the focused element is: its `data-a11y-name` tag (see tagControls), or its kind. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | SVGElement | null;
    if (!el || el === document.body) return 'body';
    return el.dataset.a11yName ?? el.dataset.testid ?? el.localName;
  });

/** Mark each control with its name, so a Tab walk can say where focus is in one call. */
async function tagControls(controls: Record<string, Locator>): Promise<void> {
  for (const [name, locator] of Object.entries(controls)) {
    await locator.evaluate((el, n) => {
      (el as HTMLElement).dataset.a11yName = n;
    }, name);
  }
}

/**
 * The look of an element and its children that focus may change: outline, shadow, border,
 * and (for SVG markers) stroke. Kept on the window for every focusable element while unfocused.
 */
async function rememberUnfocusedLooks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const look = (el: Element) =>
      [el, ...Array.from(el.children).slice(0, 4)]
        .map((e) => {
          const s = getComputedStyle(e);
          return [s.outline, s.boxShadow, s.borderColor, s.stroke, s.strokeWidth].join(' ');
        })
        .join(' | ');
    const looks = new Map<Element, string>();
    const focusable = document.querySelectorAll(
      'a[href], button, input, select, textarea, [tabindex]',
    );
    focusable.forEach((el) => looks.set(el, look(el)));
    Object.assign(window, { __a11yLook: look, __a11yLooks: looks });
  });
}

/** Whether the focused element matches :focus-visible and looks different from unfocused. */
const focusIsVisible = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as {
      __a11yLook(el: Element): string;
      __a11yLooks: Map<Element, string>;
    };
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const before = w.__a11yLooks.get(el);
    return el.matches(':focus-visible') && before !== undefined && before !== w.__a11yLook(el);
  });

/** Press Tab until `name` has focus; returns the names passed on the way (and `name`). */
async function tabTo(page: Page, name: string, max = 60): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focusedName(page);
    passed.push(now);
    if (now === name) return passed;
  }
  throw new Error(`${name} not reached in ${max} Tab presses: ${passed.join(', ')}`);
}

/** Put the keyboard at the top of the page, as a reader clicking its title would. */
const startAtTop = (page: Page) =>
  page.getByRole('heading', { name: 'Race Lab', level: 1 }).click();

test.describe('keyboard', () => {
  test('Tab reaches every control in order, each with a visible focus style', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Seeded: the run has many lost-update markers, so "one Tab stop for them" is tested.
    await page.goto(SEEDED_BLOG);
    await runAndShow(page);
    const l = lab(page);
    const button = (name: string) => page.getByRole('button', { name, exact: true });
    const controls: Record<string, Locator> = {
      Preset: l.preset,
      Workers: l.workers,
      'Increments per worker': l.increments,
      'Work between read and write': l.work,
      'Atomic increments': l.atomicSwitch,
      Strategy: l.strategy,
      'Record every access': page.getByRole('combobox', { name: 'Record every access' }),
      Run: l.run,
      'Step through it': button('Step through it'),
      'Download trace': button('Download trace'),
      'Open trace': button('Open trace'),
      Share: button('Share'),
      'Download SVG': button('Download SVG'),
      Replay: button('Replay'),
      Play: button('Play'),
      'Step back': button('Step back'),
      'Step forward': button('Step forward'),
      Speed: page.getByRole('combobox', { name: 'Speed' }),
      Position: page.getByRole('slider', { name: 'Position' }),
      'Zoom in': button('Zoom in'),
      'Fit all': button('Fit all'),
      Timeline: page.getByTestId('timeline'),
      'Python program': page.getByRole('list', { name: 'Python program' }),
      'Worker JavaScript': page.getByRole('list', { name: 'Worker JavaScript' }),
    };
    await tagControls(controls);
    await startAtTop(page);
    await rememberUnfocusedLooks(page);

    // Once round the page: until focus leaves it or comes back to the first stop.
    const stops: string[] = [];
    const unseen: string[] = [];
    for (let i = 0; i < 100; i++) {
      await page.keyboard.press('Tab');
      const name = await focusedName(page);
      if (name === 'body' || name === stops[0]) break;
      stops.push(name);
      if (!(await focusIsVisible(page))) unseen.push(name);
    }
    expect(
      stops.filter((s) => s in controls),
      'the controls, in Tab order',
    ).toEqual(Object.keys(controls));
    // Lost-update markers share one Tab stop: the arrow keys move between them. Catches every
    // marker being a Tab stop (roving tabindex lost), and markers no key can reach.
    expect(await page.getByTestId('lost-marker').count()).toBeGreaterThan(1);
    expect(stops.filter((s) => s === 'lost-marker')).toEqual(['lost-marker']);
    expect(unseen, 'focused without a visible focus style').toEqual([]);
  });

  test('the switch, a run and a rerun work from the keyboard alone', async ({ page }) => {
    await page.goto('/');
    const l = lab(page);
    await tagControls({ atomic: l.atomicSwitch, run: l.run });
    await startAtTop(page);

    await tabTo(page, 'atomic');
    await page.keyboard.press('Space');
    await expect(l.atomicSwitch).toHaveAttribute('aria-checked', 'true');
    await expect(l.strategy).toHaveValue('atomic');
    await page.keyboard.press('Space');
    await expect(l.atomicSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(l.strategy).toHaveValue('racy');

    await tabTo(page, 'run');
    await page.keyboard.press('Enter');
    await expect(l.result).toHaveAttribute('data-state', 'done');
    await expect(l.result).toHaveAttribute('data-strategy', 'racy');

    // Focus is back on Run when the run ends, so Space starts the next one.
    await expect(l.run).toBeFocused();
    await watchStates(page);
    await page.keyboard.press('Space');
    await waitForRunEnd(page, 60_000);
    await expect(l.result).toHaveAttribute('data-state', 'done');
  });

  test('the timeline plays and steps once Tab has reached it', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto('/');
    await runAndShow(page);
    const timeline = page.getByTestId('timeline');
    await tagControls({ timeline, run: lab(page).run });
    await expect(timeline).toHaveAttribute('data-current', '0');
    await lab(page).run.focus();
    await tabTo(page, 'timeline');

    await page.keyboard.press('ArrowRight');
    await expect(timeline).toHaveAttribute('data-current', '1');
    await page.keyboard.press('Shift+ArrowRight');
    await expect(timeline).toHaveAttribute('data-current', '11');
    await page.keyboard.press('ArrowLeft');
    await expect(timeline).toHaveAttribute('data-current', '10');
    await page.keyboard.press('Space');
    await expect
      .poll(async () => Number(await timeline.getAttribute('data-current')))
      .toBeGreaterThan(10);
    await page.keyboard.press('Space');
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  });

  // Catches: arrows that step the timeline instead of moving between markers, Enter not
  // seeking, and focus not returning to the marker last used.
  test('lost-update markers are one Tab stop, walked with the arrow keys', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(SEEDED_BLOG);
    await runAndShow(page);
    const markers = page.getByTestId('lost-marker');
    expect(await markers.count(), 'seed 1 loses updates').toBeGreaterThan(1);
    const timeline = page.getByTestId('timeline');
    await timeline.focus();
    await page.keyboard.press('Tab');
    await expect(markers.first()).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(markers.nth(1)).toBeFocused();
    // The arrow moved between markers and did not step the timeline.
    await expect(timeline).toHaveAttribute('data-current', '0');
    await page.keyboard.press('Enter');
    await expect(timeline).toHaveAttribute(
      'data-current',
      (await markers.nth(1).getAttribute('data-index')) ?? '',
    );
    // Leaving and coming back lands on the marker last used.
    await page.keyboard.press('Shift+Tab');
    await expect(timeline).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(markers.nth(1)).toBeFocused();
  });

  test('the Share dialog keeps focus inside, closes on Escape and gives focus back', async ({
    page,
  }) => {
    await page.goto('/');
    const share = page.getByRole('button', { name: 'Share', exact: true });
    await tagControls({ share });
    await startAtTop(page);
    await tabTo(page, 'share');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Share these settings' });
    await expect(dialog).toBeVisible();
    const link = dialog.getByRole('textbox', { name: 'Link' });
    await expect(link).toBeFocused();

    const focusInDialog = () =>
      page.evaluate(() => !!document.activeElement?.closest('dialog[open]'));
    // Round the dialog twice each way: focus never leaves it.
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      expect(await focusInDialog(), `Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusInDialog(), `Shift+Tab ${i + 1}`).toBe(true);
    }
    await link.focus();
    await page.keyboard.press('Shift+Tab');
    await expect(dialog.getByRole('button', { name: 'Close', exact: true })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(link).toBeFocused();

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(share).toBeFocused();
    // Enter on the Close button ends it the same way.
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(share).toBeFocused();
  });
});

test.describe('live regions', () => {
  test('the result status and the timeline narration are polite live regions', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(SEEDED_BLOG);
    const status = lab(page).result.getByRole('status').first();
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText('Press Run to start the race.');
    // Seeded: the status must say how many were lost (a count, not "none").
    const readout = await runToDone(page);
    await expect(page.getByTestId('timeline')).toBeVisible();
    await expect(status).toHaveText(
      `${readout.lost.toLocaleString('en-US')} increments were lost.`,
    );

    const narration = page.getByTestId('narration');
    await expect(narration).toHaveAttribute('aria-live', 'polite');
    await expect(narration).toHaveAttribute('aria-atomic', 'true');
    const first = await narration.textContent();
    await page.getByTestId('timeline').focus();
    await page.keyboard.press('ArrowRight');
    await expect(narration).toContainText('#1');
    await expect(narration).not.toHaveText(first ?? '');
  });
});
