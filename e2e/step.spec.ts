import { test, expect } from './fixtures';
import { lab, readResult, runToDone } from './lab';
import { PLAIN_APP_ORIGIN } from './origins';
import type { Locator, Page } from '@playwright/test';

/** Wait until step mode has taken `steps` steps and can take the next one. */
async function ready(status: Locator, steps: number) {
  await expect(status).toHaveAttribute('data-steps', String(steps));
  await expect(status).toHaveAttribute('data-busy', 'false');
}

test.describe('step mode', () => {
  test('the blog preset reaches a lost update by a fixed key sequence', async ({ page }) => {
    await page.goto('/?mode=step');
    const status = page.getByTestId('step-status');
    await ready(status, 0);
    // Nothing to play before the first step.
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeDisabled();
    // func3›func1 reads, func3›func2 reads the same value, then both write: one increment lost.
    for (const [i, key] of ['1', '2', '1', '2'].entries()) {
      await page.keyboard.press(key);
      await ready(status, i + 1);
    }
    await expect(page.getByTestId('lost-marker')).toHaveCount(1);
    await expect(page.getByTestId('lost-marker').first()).toHaveAttribute('data-erased', '1');
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-accesses', '4');
    // Half way through, the books are checked against what has been written so far.
    await expect(page.getByTestId('findings').getByRole('alert')).toHaveCount(0);
    expect(page.url()).toContain('schedule=');
    // Undo takes the last write back.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(status).toHaveAttribute('data-steps', '3');
    await expect(page.getByTestId('lost-marker')).toHaveCount(0);
  });

  test("clicking workers' lanes in the timeline steps them to a lost update", async ({ page }) => {
    await page.goto('/?mode=step');
    const status = page.getByTestId('step-status');
    await ready(status, 0);
    const timeline = page.getByTestId('timeline');
    const lane = (thread: number) =>
      timeline.locator(`[data-testid="lane"][data-thread="${thread}"]`);
    // The blog preset: main (0) › func3 (1) › func1 (2) and func2 (3). Only leaves step.
    await expect(lane(2)).toHaveAttribute('data-steppable', 'true');
    await expect(lane(3)).toHaveAttribute('data-steppable', 'true');
    await expect(lane(0)).not.toHaveAttribute('data-steppable');
    await expect(lane(2).locator('title')).toContainText('Click to step func3›func1: read (key 1)');
    await expect(page.getByTestId('narration')).toHaveText('No access yet.');
    await page.locator('.tl-panel').screenshot({ path: 'e2e/artifacts/step-lanes-start.png' });
    // A click on a parent's lane does nothing.
    await lane(1).click();
    await expect(status).toHaveAttribute('data-steps', '0');
    // func1 reads, func2 reads the same value, then both write: one increment lost.
    for (const [i, thread] of [2, 3, 2, 3].entries()) {
      await lane(thread).click();
      await ready(status, i + 1);
      await expect(timeline).toHaveAttribute('data-accesses', String(i + 1));
    }
    await expect(page.getByTestId('lost-marker')).toHaveCount(1);
    await expect(page.getByTestId('lost-marker').first()).toHaveAttribute('data-erased', '1');
    await expect(timeline).toHaveAttribute('data-current', '3');
    expect(page.url()).toContain('schedule=');
    // In view first: an element screenshot that scrolled would move the hover to another lane.
    await page.locator('.tl-panel').scrollIntoViewIfNeeded();
    await lane(2).hover();
    await page.locator('.tl-panel').screenshot({ path: 'e2e/artifacts/step-lanes.png' });
  });

  test('a lane whose worker waits for the lock says why and does not step', async ({ page }) => {
    await page.goto('/?mode=step&workers=2&increments=1&strategy=lock');
    const status = page.getByTestId('step-status');
    await ready(status, 0);
    const lane = (thread: number) =>
      page.getByTestId('timeline').locator(`[data-testid="lane"][data-thread="${thread}"]`);
    await lane(1).click(); // worker 1 takes the lock
    await ready(status, 1);
    await expect(lane(2)).toHaveAttribute('data-steppable', 'false');
    await expect(lane(2).locator('title')).toContainText('waiting for the lock held by worker 1');
    await lane(2).click();
    await lane(1).click(); // worker 1 reads: only its own steps count
    await ready(status, 2);
    await expect(page.getByTestId('timeline')).toHaveAttribute('data-accesses', '2');
  });

  test('a schedule link replays to the end and reports the run like any other', async ({
    page,
  }) => {
    // Two workers × 2 increments: both read 0, both write 1, then each finishes in turn.
    await page.goto('/?mode=step&workers=2&increments=2&schedule=bcbcb2c2');
    const result = lab(page).result;
    await expect(result).toHaveAttribute('data-state', 'done');
    const r = await readResult(lab(page).result);
    expect(r.expected).toBe(4);
    expect(r.final).toBe(3);
    expect(r.lost).toBe(1);
    await expect(result).toHaveAttribute('data-engine', 'workers');
  });

  test('a waiting worker cannot be stepped past the lock, and says why', async ({ page }) => {
    await page.goto('/?mode=step&workers=2&increments=1&strategy=lock');
    const status = page.getByTestId('step-status');
    await ready(status, 0);
    await page.keyboard.press('1'); // worker 1 takes the lock
    await ready(status, 1);
    const second = page.locator('[data-testid="step-thread"][data-thread="2"]');
    await expect(second).toBeDisabled();
    await expect(page.getByTestId('step-panel')).toContainText(
      'waiting for the lock held by worker 1',
    );
  });

  test('"End at 2" is solvable by a scripted schedule and is remembered', async ({ page }) => {
    await page.goto('/?mode=step');
    const challenge = page.locator('[data-challenge="end-at-2"]');
    await challenge.getByRole('button', { name: /Try it/ }).click();
    const status = page.getByTestId('step-status');
    await expect(page).toHaveURL(/workers=2&increments=3/);
    await ready(status, 0);
    const keys = '1 2 2 2 2 1 2 1 1 1 1 2'.split(' ');
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      if (i < keys.length - 1) await ready(status, i + 1);
    }
    await expect(lab(page).result).toHaveAttribute('data-state', 'done');
    await expect(lab(page).result).toHaveAttribute('data-final', '2');
    await expect(challenge).toHaveAttribute('data-solved', 'true');
    await page.reload();
    await expect(page.locator('[data-challenge="end-at-2"]')).toHaveAttribute(
      'data-solved',
      'true',
    );
  });
});

/** Each finding as who erased how many: what a replay must reproduce, in any order. */
const findingKeys = async (page: Page): Promise<string[]> =>
  (
    await page
      .getByTestId('finding')
      .evaluateAll((items) => items.map((li) => `${li.dataset.thread}:${li.dataset.erased}`))
  ).sort();

// A free run on real workers, whatever it lost: its order is rebuilt from stamps and the replay
// must agree. Findings are compared as who erased how many; which writes a free run's finding
// names as erased is read from its stamps (see src/core/staleness.ts) and may be less precise
// than the replay's rebuilt order. Catches: a rebuilt order that replays other values (final or
// lost differ), and a replay check that says "as recorded" when the findings differ.
test('replay of a recorded free run on real workers reproduces its final and findings', async ({
  page,
}) => {
  await page.goto('/');
  const recorded = await runToDone(page);
  expect(recorded.engine).toBe('workers');
  const findings = await findingKeys(page);
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(page.getByTestId('replay-check')).toHaveAttribute('data-matches', 'true', {
    timeout: 60_000,
  });
  const replayed = await readResult(lab(page).result);
  expect(replayed.final).toBe(recorded.final);
  expect(replayed.lost).toBe(recorded.lost);
  expect(await findingKeys(page)).toEqual(findings);
});

// A seeded run that certainly loses (seed 1 loses hundreds on the blog preset), replayed from its
// recorded schedule: same final, same count lost, and word for word the same findings.
// Catches: a replay that drops or reorders steps (final or lost differ), and findings a replay
// describes differently from the run it replays.
test('replay of a seeded racy run reproduces its final, its losses and its findings', async ({
  page,
}) => {
  await page.goto('/?engine=simulated&seed=1');
  const recorded = await runToDone(page);
  expect(recorded.lost, 'seed 1 loses updates').toBeGreaterThan(0);
  const findings = await page.getByTestId('finding').allTextContents();
  expect(findings.length).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Replay', exact: true }).click();
  await expect(page.getByTestId('replay-check')).toHaveAttribute('data-matches', 'true', {
    timeout: 60_000,
  });
  const replayed = await readResult(lab(page).result);
  expect(replayed.final).toBe(recorded.final);
  expect(replayed.lost).toBe(recorded.lost);
  expect(await page.getByTestId('finding').allTextContents()).toEqual(findings);
});

test.describe('without shared memory', () => {
  test.use({ allowedOrigins: [PLAIN_APP_ORIGIN] });

  test('a page served without isolation headers runs the simulated engine with its badge', async ({
    page,
  }) => {
    await page.goto(`${PLAIN_APP_ORIGIN}/`);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    const badge = page.getByTestId('engine-badge');
    await expect(badge).toContainText(
      'simulated: real workers cannot run here, because the page is not cross-origin isolated: the host sent no COOP/COEP headers',
    );
    await expect(badge).toHaveAttribute('data-reason', 'not-isolated');
    const r = await runToDone(page);
    expect(r.expected).toBe(400);
    await expect(lab(page).result).toHaveAttribute('data-engine', 'simulated');
    await expect(lab(page).result).toHaveAttribute('data-books', 'balanced');
  });

  test('the same seed gives the same run', async ({ page }) => {
    await page.goto(`${PLAIN_APP_ORIGIN}/?engine=simulated&seed=42&workers=3&increments=50`);
    const first = await runToDone(page);
    const second = await runToDone(page);
    expect(second.final).toBe(first.final);
    await expect(lab(page).result).toHaveAttribute('data-seed', '42');
  });
});
