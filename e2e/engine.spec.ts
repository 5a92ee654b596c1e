import { expect, test } from './fixtures';
import { lab, readResult, runToDone } from './lab';

test.describe('real workers on one shared counter', () => {
  test('page and workers are cross-origin isolated', async ({ page }) => {
    await page.goto('/');
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    const readout = await runToDone(page);
    expect(readout.workersIsolated).toBe('true');
    expect(readout.engine).toBe('workers');
    // An isolated page has nothing to warn about.
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test("default load runs the blog's program", async ({ page }) => {
    await page.goto('/');
    const { preset, strategy, atomicSwitch, result } = lab(page);
    await expect(preset.locator('option:checked')).toHaveText("The blog's program");
    await expect(strategy).toHaveValue('racy');
    await expect(atomicSwitch).toHaveAttribute('aria-checked', 'false');
    await expect(result).toHaveAttribute('data-state', 'idle');
    const readout = await runToDone(page);
    expect(readout).toMatchObject({ expected: 400, preset: 'blog', strategy: 'racy' });
    expect(readout.final).toBeGreaterThan(0);
    expect(readout.final).toBeLessThanOrEqual(400);
    await expect(result).toContainText('400');
  });

  const exactStrategies = ['atomic', 'lock', 'cas'] as const;
  for (const id of exactStrategies) {
    test(`blog preset with ${id} ends at exactly 400, 20 runs in a row`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.goto('/');
      const { atomicSwitch, strategy } = lab(page);
      if (id === 'atomic') {
        await atomicSwitch.click();
        await expect(atomicSwitch).toHaveAttribute('aria-checked', 'true');
      } else {
        await strategy.selectOption(id);
      }
      await expect(strategy).toHaveValue(id);
      for (let i = 0; i < 20; i++) {
        const readout = await runToDone(page);
        expect(readout, `run ${i + 1}`).toMatchObject({
          strategy: id,
          expected: 400,
          final: 400,
          lost: 0,
        });
      }
    });
  }

  // Whatever the real race does, the books balance: every lost increment is found in the trace
  // (runToDone checks final + lost = expected where the books were checked). Catches: erased
  // writes that do not explain the final value, and a traced run whose books go unchecked.
  // That racy code certainly loses is shown by the seeded run below, not by luck here.
  test('racy read-then-write on real workers keeps its books balanced', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/?workers=4&increments=1000000&trace=on');
    const readout = await runToDone(page, 120_000);
    expect(readout).toMatchObject({ engine: 'workers', expected: 4_000_000, books: 'balanced' });
  });

  // Catches: a racy step that does its read and write as one access (it would lose nothing).
  test('racy read-then-write loses updates on a seeded interleaving', async ({ page }) => {
    await page.goto('/?engine=simulated&seed=1&strategy=racy');
    const readout = await runToDone(page);
    expect(readout).toMatchObject({ engine: 'simulated', expected: 400, books: 'balanced' });
    expect(readout.lost, 'seed 1 loses updates').toBeGreaterThan(0);
  });

  test('Stop ends a long run, and the next run works', async ({ page }) => {
    // Racy with a race window: seconds of work even on a fast machine, so Stop lands mid-run.
    await page.goto('/?workers=4&increments=10000000&strategy=racy&work=100&trace=off&debug=1');
    const { run, stop, result, workers, increments, debug, atomicSwitch } = lab(page);
    await expect(stop).toBeDisabled();
    await run.click();
    await expect(result).toHaveAttribute('data-state', 'running');
    await expect(stop).toBeEnabled();
    await stop.click();
    await expect(result).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
    await expect(result).toContainText(/stopped/i);
    await expect(stop).toBeDisabled();
    // Stopping must terminate every worker, supervisors and leaves alike.
    await expect(debug).toHaveAttribute('data-live-workers', '0');

    await workers.fill('2');
    await increments.fill('1000');
    await atomicSwitch.check();
    const readout = await runToDone(page);
    expect(readout).toMatchObject({ expected: 2000, final: 2000, lost: 0, strategy: 'atomic' });
    // Idle workers may be kept for the next run, but never more than this run needed.
    await expect(debug).toHaveAttribute('data-live-workers', /^[0-2]$/);
  });

  test('a finished run can be read back from the result element', async ({ page }) => {
    await page.goto('/?workers=2&increments=5000&strategy=cas&trace=off');
    const readout = await runToDone(page);
    expect(readout).toMatchObject({ expected: 10_000, final: 10_000, strategy: 'cas' });
    expect(readout.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(readout.rate).toBeGreaterThan(0);
    expect(readout.books).toBe('untraced');
    expect(await readResult(lab(page).result)).toEqual(readout);
  });
});
