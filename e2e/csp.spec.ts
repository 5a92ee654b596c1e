import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { runToDone } from './lab';

/**
 * Everything the browser complains about while the page runs under its strict CSP: console
 * errors from the page and its workers, and every `securitypolicyviolation` event (a blocked
 * eval is reported even when the code that tried it caught the error). Page errors are caught
 * by the fixture.
 */
async function watchComplaints(page: Page): Promise<() => Promise<string[]>> {
  const complaints: string[] = [];
  const noteConsole = (where: string) => (msg: { type(): string; text(): string }) => {
    if (msg.type() === 'error') complaints.push(`${where} console: ${msg.text()}`);
  };
  page.on('console', noteConsole('page'));
  page.on('worker', (worker) => worker.on('console', noteConsole(`worker ${worker.url()}`)));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile}`),
    );
  });
  return async () => {
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    return [...complaints, ...violations.map((v) => `CSP violation: ${v}`)];
  };
}

test.describe('under the strict CSP of the preview server', () => {
  test('Run, the explorer, step mode and the embed raise no error and no CSP violation', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const complaints = await watchComplaints(page);

    await page.goto('/');
    const csp = (await page.request.get('/')).headers()['content-security-policy'];
    expect(csp, 'the preview server sends the CSP').toContain("script-src 'self'");
    await runToDone(page);
    expect(await complaints(), 'main page').toEqual([]);

    await page.goto('/?view=explore&workers=2&increments=3');
    await page.getByRole('button', { name: 'Explore outcomes', exact: true }).click();
    await expect(page.getByTestId('reachable')).toHaveAttribute('data-values', '2,3,4,5,6');
    await page.getByRole('spinbutton', { name: 'Trials', exact: true }).fill('20');
    await page.getByRole('button', { name: 'Run trials', exact: true }).click();
    await expect(page.getByTestId('trials')).toHaveAttribute('data-state', 'done');
    expect(await complaints(), 'explorer').toEqual([]);

    await page.goto('/?mode=step');
    const status = page.getByTestId('step-status');
    for (const [i, key] of ['1', '2', '1'].entries()) {
      await expect(status).toHaveAttribute('data-busy', 'false');
      await page.keyboard.press(key);
      await expect(status).toHaveAttribute('data-steps', String(i + 1));
    }
    expect(await complaints(), 'step mode').toEqual([]);

    await page.goto('/?embed=1');
    await runToDone(page);
    expect(await complaints(), 'embed').toEqual([]);
  });
});
