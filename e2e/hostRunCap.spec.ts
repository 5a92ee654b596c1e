import { expect, test } from './fixtures';
import { APP_ORIGIN, HOST_ORIGIN } from './origins';

test.use({ allowedOrigins: [APP_ORIGIN, HOST_ORIGIN] });

type HostWindow = Window & { raceLabMessages: { data: { type: string } }[] };

// Catches: a host page starting a run of 4 × 10,000,000 (hours of work on a phone) with no
// click from the reader. The embed says why it waits, and the reader's Run still starts it.
test('a host cannot start a run larger than the embed preset; the reader can', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/host-long-run.html`);
  await page.waitForFunction(() =>
    (window as unknown as HostWindow).raceLabMessages.some((m) => m.data.type === 'race-lab:ready'),
  );
  const frame = page.frameLocator('iframe');
  const result = frame.getByTestId('result');
  await expect(result).toHaveAttribute('data-state', 'idle');

  await page.evaluate(() =>
    document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'race-lab:run' }, '*'),
  );
  const notice = frame.getByRole('alert').filter({ hasText: 'Press Run to start it' });
  await expect(notice).toContainText('4 × 10,000,000 increments, work 100');
  await expect(notice).toContainText('(4 × 100 increments, work 1,000)');
  // The message has been handled (the notice shows it), and no run started.
  await expect(result).toHaveAttribute('data-state', 'idle');

  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(result).toHaveAttribute('data-state', 'running');
  await expect(notice).toHaveCount(0);
  await frame.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(result).toHaveAttribute('data-state', 'stopped', { timeout: 30_000 });
});
