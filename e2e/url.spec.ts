import { expect, test } from './fixtures';
import { lab, runToDone } from './lab';

test.describe('settings in the URL', () => {
  const invalid = [
    { query: 'workers=abc', name: 'workers' },
    { query: 'strategy=nope', name: 'strategy' },
    { query: 'increments=-5', name: 'increments' },
  ];
  for (const { query, name } of invalid) {
    test(`?${query} is reported and the page still runs`, async ({ page }) => {
      await page.goto(`/?${query}`);
      const alert = page.getByRole('alert').filter({ hasText: name });
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(`${name}=`);
      await runToDone(page);
    });
  }

  test('valid parameters are applied without any message', async ({ page }) => {
    await page.goto('/?workers=3&increments=50&strategy=lock&work=10&trace=on');
    const { preset, workers, increments, work, strategy } = lab(page);
    await expect(preset).toHaveValue('custom');
    await expect(workers).toHaveValue('3');
    await expect(increments).toHaveValue('50');
    await expect(work).toHaveValue('10');
    await expect(strategy).toHaveValue('lock');
    await expect(page.getByRole('alert')).toHaveCount(0);
    const readout = await runToDone(page);
    expect(readout).toMatchObject({
      expected: 150,
      final: 150,
      preset: 'custom',
      books: 'balanced',
    });
  });

  test('changing a setting writes it back to the URL', async ({ page }) => {
    await page.goto('/');
    const { strategy, workers } = lab(page);
    await strategy.selectOption('cas');
    await expect(page).toHaveURL(/[?&]strategy=cas(&|$)/);
    await workers.fill('3');
    await expect(page).toHaveURL(/[?&]workers=3(&|$)/);

    // The written URL reproduces the settings on a fresh load.
    await page.goto(page.url());
    await expect(strategy).toHaveValue('cas');
    await expect(workers).toHaveValue('3');
    const readout = await runToDone(page);
    expect(readout).toMatchObject({ strategy: 'cas', preset: 'custom' });
    expect(readout.expected % 3).toBe(0);
  });
});
