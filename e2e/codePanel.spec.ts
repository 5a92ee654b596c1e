import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const lines = (page: Page, testId: string) => page.getByTestId(testId).locator('li');

test.describe('the code panel', () => {
  test('shows the bank’s program and, stepping past a refused withdrawal, the next attempt', async ({
    page,
  }) => {
    await page.goto(
      '/?scenario=bank&workers=1&increments=2&balance=0&strategy=lock-each&mode=step',
    );
    const python = page.getByTestId('code-python');
    const js = page.getByTestId('code-js');
    await expect(python).toContainText("balance = Value('i', 0)");
    await expect(python).toContainText('if balance.value >= 1:');
    const status = page.getByTestId('step-status');
    const step = async (n: number) => {
      await expect(status).toHaveAttribute('data-busy', 'false');
      await page.keyboard.press('1');
      await expect(status).toHaveAttribute('data-steps', String(n));
    };
    // lock, read 0, unlock: refused, so the check is where the worker is.
    for (const n of [1, 2, 3]) await step(n);
    await expect(python.locator('[data-active="true"]')).toContainText('if balance.value >= 1:');
    await expect(js.locator('[data-active="true"]')).toHaveText(/unlock\(mutex\);/);
    // The next access is the second withdrawal's lock: the loop's first line, not the debit's.
    await step(4);
    await expect(lines(page, 'code-js').nth(2)).toHaveAttribute('data-active', 'true');
    await expect(lines(page, 'code-js').nth(7)).not.toHaveAttribute('data-active', 'true');
    await expect(python.locator('[data-active="true"]')).toContainText('if balance.value >= 1:');
  });
});
