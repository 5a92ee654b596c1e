import { test, expect } from './fixtures';
import { runOnce } from './lab';
import type { Locator, Page } from '@playwright/test';

const num = async (result: Locator, name: string) => Number(await result.getAttribute(name));

/** Run once on real workers and read the bank's books from the result. */
async function bankRun(page: Page) {
  const readout = await runOnce(page);
  expect(readout.state).toBe('done');
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-scenario', 'bank');
  const [final, paid, expected, lost] = await Promise.all(
    ['data-final', 'data-paid', 'data-expected', 'data-lost'].map((n) => num(result, n)),
  );
  // The books balance: the debits the trace says were erased are exactly final − expected.
  expect(expected).toBe(2000 - paid);
  expect(lost).toBe(final - expected);
  await expect(result).toHaveAttribute('data-books', 'balanced');
  await expect(result).toHaveAttribute('data-overdrawn', String(final < 0));
  return { final, paid, expected, lost };
}

test.describe('scenarios', () => {
  test('racy withdrawals on real workers pay out more than the bank had', async ({ page }) => {
    await page.goto('/?scenario=bank&preset=bank&engine=workers');
    let overpaid = false;
    for (let run = 0; run < 5 && !overpaid; run++) {
      const { paid } = await bankRun(page);
      overpaid = paid > 2000;
    }
    expect(overpaid, 'some racy run paid more than the balance of 2,000').toBe(true);
  });

  for (const strategy of ['cas', 'lock']) {
    test(`${strategy} withdrawals always end at the balance the payments imply`, async ({
      page,
    }) => {
      await page.goto(`/?scenario=bank&preset=bank&engine=workers&strategy=${strategy}`);
      for (let run = 0; run < 2; run++) {
        const { final, expected, paid } = await bankRun(page);
        expect(final).toBe(expected);
        expect(final).toBeGreaterThanOrEqual(0);
        expect(paid).toBe(2000);
      }
    });
  }

  test('atomic withdrawals keep their whole trace and speak of withdrawals and debits', async ({
    page,
  }) => {
    // A check and a debit per withdrawal: a trace sized for one access each truncated here.
    await page.goto('/?embed=1&preset=bank&strategy=atomic');
    await expect(page.getByRole('switch', { name: 'Atomic debits', exact: true })).toBeVisible();
    const { expected } = await bankRun(page);
    const result = page.getByTestId('result');
    // The rate counts withdrawals made, not the (overdrawn, maybe negative) expected balance.
    expect(await num(result, 'data-rate')).toBeGreaterThan(0);
    expect(await num(result, 'data-accesses')).toBeGreaterThan(4000 + 2000 - expected);
    await expect(result.getByText('Withdrawals per second', { exact: true })).toBeVisible();
    await expect(result).not.toContainText(/increment/i);
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend).toContainText('Write that erased debits');
    await expect(legend).toContainText('No debit lost');
    await expect(legend).not.toContainText(/increment/i);
  });

  test('a claim has no rate line, and no ideal line in its legend', async ({ page }) => {
    await page.goto('/?scenario=claim&preset=claim&engine=workers');
    await expect(page.getByRole('switch', { name: 'Atomic claims', exact: true })).toBeVisible();
    await expect(page.getByText('every read and write of the owner will appear')).toBeVisible();
    expect((await runOnce(page)).state).toBe('done');
    const result = page.getByTestId('result');
    await expect(result).not.toHaveAttribute('data-rate');
    await expect(result).not.toContainText(/per second|increment/i);
    const legend = page.getByRole('list', { name: 'Legend' });
    await expect(legend).toContainText('Owner');
    await expect(legend).not.toContainText(/ lost|increment/);
  });

  test('the counter result names its scenario too', async ({ page }) => {
    await page.goto('/?workers=2&increments=10&strategy=atomic');
    await runOnce(page);
    await expect(page.getByTestId('result')).toHaveAttribute('data-scenario', 'counter');
    // Choosing the bank keeps the numbers and opens from half of all withdrawals.
    await page.getByRole('combobox', { name: 'Scenario', exact: true }).selectOption('bank');
    await expect(page).toHaveURL(/scenario=bank/);
    await runOnce(page);
    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-scenario', 'bank');
    await expect(result).toHaveAttribute('data-paid', '10');
    await expect(result).toHaveAttribute('data-final', '0');
  });

  test('two racy claimers both win, driven with the keyboard', async ({ page }) => {
    await page.goto('/?scenario=claim&workers=2&strategy=racy&mode=step');
    const status = page.getByTestId('step-status');
    await expect(status).toHaveAttribute('data-steps', '0');
    // Both read 0, then both write their id: each believes it won.
    for (const [i, key] of ['1', '2', '1', '2'].entries()) {
      await expect(status).toHaveAttribute('data-busy', 'false');
      await page.keyboard.press(key);
      await expect(status).toHaveAttribute('data-steps', String(i + 1));
    }
    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-state', 'done');
    await expect(result).toHaveAttribute('data-winners', '2');
    await expect(result).toHaveAttribute('data-owner', '2');
    await expect(result).toHaveAttribute('data-lost', '1');
  });

  for (const strategy of ['racy', 'atomic']) {
    test(`${strategy} claims on real workers balance their books from the trace`, async ({
      page,
    }) => {
      await page.goto(`/?scenario=claim&preset=claim&engine=workers&strategy=${strategy}`);
      expect((await runOnce(page)).state).toBe('done');
      const result = page.getByTestId('result');
      await expect(result).toHaveAttribute('data-books', 'balanced');
      const [winners, lost] = await Promise.all([
        num(result, 'data-winners'),
        num(result, 'data-lost'),
      ]);
      expect(lost).toBe(winners - 1);
      // Every erased claim is a finding: who erased whose.
      await expect(page.getByTestId('finding')).toHaveCount(lost);
      if (strategy === 'atomic') expect(winners).toBe(1);
    });
  }

  for (const name of ['claim-lock-each.v1.json', 'claim-lock-each.v1.trace.gz']) {
    test(`a version 1 claim file opens with its books (${name})`, async ({ page }) => {
      await page.goto('/');
      await page.getByTestId('trace-file-input').setInputFiles(`src/core/testing/fixtures/${name}`);
      const result = page.getByTestId('result');
      await expect(result).toHaveAttribute('data-engine', 'imported');
      await expect(result).toHaveAttribute('data-scenario', 'claim');
      // Winners come from the trace: an opened file reports no tallies.
      await expect(result).toHaveAttribute('data-winners', '2');
      await expect(result).toHaveAttribute('data-lost', '1');
      await expect(result).toHaveAttribute('data-books', 'balanced');
    });
  }

  test('the explorer lists the bank as balance:paid pairs', async ({ page }) => {
    await page.goto(
      '/?view=explore&scenario=bank&workers=2&increments=2&balance=2&strategy=atomic',
    );
    await page.getByRole('button', { name: 'Explore outcomes' }).click();
    const reachable = page.getByTestId('reachable');
    await expect(reachable).toHaveAttribute('data-values', '-1:3,0:2');
    await expect(page.getByTestId('outcome-table')).toContainText('Balance');
  });
});

test.describe('the scenario challenges in step mode', () => {
  /** Open step mode, pick challenge `id`, and step the workers in `order`, one step each. */
  async function play(page: Page, id: string, order: number[], by: 'keys' | 'clicks') {
    await page.goto('/?mode=step');
    const challenge = page.locator(`[data-challenge="${id}"]`);
    await expect(challenge).toHaveAttribute('data-solved', 'false');
    await challenge.getByRole('button', { name: /Try it/ }).click();
    const status = page.getByTestId('step-status');
    await expect(status).toHaveAttribute('data-steps', '0');
    for (const [i, worker] of order.entries()) {
      await expect(status).toHaveAttribute('data-busy', 'false');
      if (by === 'keys') await page.keyboard.press(String(worker));
      else await page.locator(`[data-testid="step-thread"][data-thread="${worker}"]`).click();
      if (i < order.length - 1) await expect(status).toHaveAttribute('data-steps', String(i + 1));
    }
    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-state', 'done');
    await expect(challenge).toHaveAttribute('data-solved', 'true');
    await expect(result).toHaveAttribute('data-books', 'balanced');
    return result;
  }

  test('the bank pays 3 from a balance of 2', async ({ page }) => {
    // Both read 2 and write 1 (a debit erased); worker 1 pays again; worker 2 is refused.
    const result = await play(page, 'bank-pays-3', [1, 2, 1, 2, 1, 1, 2], 'keys');
    await expect(result).toHaveAttribute('data-paid', '3');
    await expect(result).toHaveAttribute('data-final', '0');
    await expect(result).toHaveAttribute('data-lost', '1');
    await expect(page.getByTestId('lost-marker')).toHaveCount(1);
  });

  test('atomic debits overdraw', async ({ page }) => {
    // Both check a balance of 1 before either debits it: the second debit goes below zero.
    const result = await play(page, 'bank-overdraw', [1, 1, 1, 2, 1, 2, 2], 'clicks');
    await expect(result).toHaveAttribute('data-overdrawn', 'true');
    await expect(result).toHaveAttribute('data-final', '-1');
    await expect(result).toHaveAttribute('data-paid', '3');
    await expect(result).toHaveAttribute('data-lost', '0');
  });

  test('two workers both win the claim, and the finding names who erased whose', async ({
    page,
  }) => {
    const result = await play(page, 'two-winners', [1, 2, 1, 2], 'keys');
    await expect(result).toHaveAttribute('data-winners', '2');
    await expect(result).toHaveAttribute('data-lost', '1');
    const finding = page.getByTestId('finding');
    await expect(finding).toHaveCount(1);
    await expect(finding).toHaveText(
      "worker 2 wrote 2 over worker 1's 1: worker 1's claim was lost.",
    );
    await expect(page.getByTestId('lost-marker')).toHaveCount(1);
    // Replay compares the claim's findings too.
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    const check = page.getByTestId('replay-check');
    await expect(check).toHaveAttribute('data-matches', 'true');
    await expect(check).toContainText('1 lost and 1 findings, as recorded');
  });
});
