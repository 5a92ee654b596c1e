import type { FrameLocator, Page } from '@playwright/test';
import { SCENARIOS } from '../src/core/scenarios';
import { expect, test } from './fixtures';
import { APP_ORIGIN, HOST_ORIGIN } from './origins';

// The bank and the claim embedded in a blog on another origin that sends no headers: the
// placeholder of embed.js, the <race-lab> element, and what the Share dialog writes.
test.use({ allowedOrigins: [APP_ORIGIN, HOST_ORIGIN] });

type Data = Record<string, unknown> & { type: string };
type HostWindow = Window & {
  raceLabMessages: { origin: string; data: Data }[];
  events: { name: string; detail: Data }[];
};

/** The host's messages of `type`, once there are `count`. */
async function messagesOf(page: Page, type: string, count = 1): Promise<Data[]> {
  const handle = await page.waitForFunction(
    ([t, n]) => {
      const all = (window as unknown as HostWindow).raceLabMessages.filter(
        (m) => m.data.type === t,
      );
      return all.length >= n && all.map((m) => m.data);
    },
    [type, count] as const,
  );
  return (await handle.jsonValue()) as Data[];
}

/** The element's events called `name`, once there are `count` of them. */
async function eventsNamed(page: Page, name: string, count = 1): Promise<Data[]> {
  const handle = await page.waitForFunction(
    ([n, c]) => {
      const all = ((window as unknown as HostWindow).events ?? []).filter((e) => e.name === n);
      return all.length >= c && all.map((e) => e.detail);
    },
    [name, count] as const,
  );
  return (await handle.jsonValue()) as Data[];
}

/** Put `html` in the element host's post, recording the events of its <race-lab>. */
async function postWith(page: Page, html: string): Promise<FrameLocator> {
  await page.goto(`${HOST_ORIGIN}/host-element.html`);
  await page.locator('#post').evaluate((post, markup) => {
    const w = window as unknown as HostWindow;
    w.events = [];
    post.innerHTML = markup;
    const el = post.querySelector('race-lab')!;
    for (const name of ['race-lab-ready', 'race-lab-result', 'race-lab-error']) {
      el.addEventListener(name, (e) => w.events.push({ name, detail: (e as CustomEvent).detail }));
    }
  }, html);
  await eventsNamed(page, 'race-lab-ready');
  return page.frameLocator('race-lab iframe');
}

test('a placeholder of the bank runs in its frame and reports the bank', async ({ page }) => {
  await page.goto(`${HOST_ORIGIN}/host-script.html`);
  await page.evaluate(() => {
    const bank = document.createElement('div');
    bank.id = 'bank';
    bank.setAttribute('data-race-lab', 'scenario=bank&balance=300&strategy=cas&preset=custom');
    document.body.append(bank);
  });
  const frame = page.frameLocator('#bank iframe');
  // The frame's own notices would name a refused parameter: there is none.
  await expect(frame.getByText(/withdrawals each from 300/)).toBeVisible();
  await expect(frame.getByRole('alert')).toHaveCount(0);
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  const result = frame.getByTestId('result');
  await expect(result).toHaveAttribute('data-state', 'done');
  await expect(result).toHaveAttribute('data-scenario', 'bank');
  // Compare-and-swap debits exactly: the bank pays its whole balance and no more.
  await expect(result).toHaveAttribute('data-paid', '300');
  await expect(result).toHaveAttribute('data-final', '0');
  await expect(result).toHaveAttribute('data-expected', '0');
  await expect(result).toHaveAttribute('data-overdrawn', 'false');

  const sent = await messagesOf(page, 'race-lab:result');
  expect(sent.at(-1)).toMatchObject({
    scenario: 'bank',
    strategy: 'cas',
    paid: 300,
    final: 0,
    overdrawn: false,
    frame: 'race-lab-2',
  });
  const ready = await messagesOf(page, 'race-lab:ready', 2);
  expect(ready.at(-1)).toMatchObject({ version: 3, settings: { scenario: 'bank', balance: 300 } });

  // The bank preset's poster is served beside the app, picturing the bank.
  const poster = await page.request.get(`${APP_ORIGIN}/poster/bank-racy.svg`);
  expect(poster.headers()['content-type']).toContain('image/svg+xml');
  const racy = SCENARIOS.bank.strategies.racy.label.toLowerCase();
  expect(await poster.text()).toContain(`Race Lab: the bank, ${racy}`);
});

test('a bad scenario or balance in a placeholder is named, and the counter plays', async ({
  page,
}) => {
  await page.goto(`${HOST_ORIGIN}/host-script.html`);
  await page.evaluate(() => {
    const bad = document.createElement('div');
    bad.id = 'bad';
    bad.setAttribute('data-race-lab', 'scenario=vault&balance=-5');
    document.body.append(bad);
  });
  const frame = page.frameLocator('#bad iframe');
  await expect(frame.getByRole('alert').filter({ hasText: 'scenario="vault"' })).toBeVisible();
  await expect(frame.getByRole('alert').filter({ hasText: 'balance="-5"' })).toBeVisible();
  await expect(frame.getByText(/100 increments each/)).toBeVisible();
});

test("<race-lab>'s scenario and balance reach the running frame without a reload", async ({
  page,
}) => {
  const frame = await postWith(page, '<race-lab preset="claim" strategy="lock"></race-lab>');
  await expect(frame.getByText(/one claim each/)).toBeVisible();
  const inner = page.frames().find((f) => f.url().startsWith(APP_ORIGIN))!;
  await inner.evaluate(() => ((window as unknown as { mark: number }).mark = 1));

  const lab = page.locator('race-lab');
  await lab.evaluate((el) => {
    el.setAttribute('scenario', 'bank');
    el.setAttribute('balance', '1');
  });
  // The claim's four workers, one withdrawal each, now from a balance of 1.
  await expect(frame.getByText(/1 withdrawals each from 1/)).toBeVisible();
  await lab.evaluate((el) => (el as HTMLElement & { run(): void }).run());
  const [result] = await eventsNamed(page, 'race-lab-result');
  expect(result).toMatchObject({ scenario: 'bank', strategy: 'lock', paid: 1, final: 0 });
  await expect(frame.getByTestId('result')).toHaveAttribute('data-scenario', 'bank');
  expect(await inner.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
  expect(await eventsNamed(page, 'race-lab-ready')).toHaveLength(1);

  await lab.evaluate((el) => el.setAttribute('balance', 'lots'));
  const [error] = await eventsNamed(page, 'race-lab-error');
  expect(error!.message).toBe('Ignored balance="lots" from the host page: must be a number.');
});

test('a Share snippet of a bank plays the same bank in a post', async ({ page }) => {
  await page.goto('/?preset=bank&strategy=lock&balance=3');
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share these settings' });
  const snippet = (name: string) => dialog.getByRole('textbox', { name }).inputValue();
  const element = await snippet('Custom element snippet');
  expect(element).toMatch(/^<race-lab preset="bank" strategy="lock" balance="3" /);
  expect(await snippet('React component snippet')).toContain(
    'preset="bank" strategy="lock" balance={3}',
  );
  expect(await snippet('Iframe snippet')).toContain('?embed=1&preset=bank&strategy=lock&balance=3');

  const frame = await postWith(page, element);
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  const result = frame.getByTestId('result');
  await expect(result).toHaveAttribute('data-state', 'done');
  await expect(result).toHaveAttribute('data-scenario', 'bank');
  await expect(result).toHaveAttribute('data-paid', '3');
  await expect(result).toHaveAttribute('data-final', '0');
});
