import type { FrameLocator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { racyTrace } from '../src/core/testing/traceFixtures';
import { serializeTrace } from '../src/core/traceFile';
import { readResult } from './lab';
import { APP_ORIGIN, HOST_ORIGIN } from './origins';

// <race-lab> elements on a blog on another origin that sends no headers (e2e/fixtures/).
test.use({ allowedOrigins: [APP_ORIGIN, HOST_ORIGIN] });

type Detail = Record<string, unknown> & { type: string };
type HostWindow = Window & { events: { name: string; id: string; detail: Detail }[] };

/** Put `<race-lab ATTRS>` in the host's post, recording its DOM events; its frame, once ready. */
async function addElement(page: Page, attributes: Record<string, string>): Promise<FrameLocator> {
  await page.goto(`${HOST_ORIGIN}/host-element.html`);
  await page.evaluate((attrs) => {
    const w = window as unknown as HostWindow;
    w.events = [];
    const el = document.createElement('race-lab');
    el.id = 'lab';
    for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
    for (const name of ['race-lab-ready', 'race-lab-result', 'race-lab-error']) {
      el.addEventListener(name, (e) =>
        w.events.push({ name, id: el.id, detail: (e as CustomEvent<Detail>).detail }),
      );
    }
    document.getElementById('post')!.append(el);
  }, attributes);
  await eventsNamed(page, 'race-lab-ready');
  return page.frameLocator('#lab iframe');
}

/** The element's events called `name`, once there are `count` of them. */
async function eventsNamed(page: Page, name: string, count = 1): Promise<Detail[]> {
  await page.waitForFunction(
    ([n, c]) =>
      ((window as unknown as HostWindow).events ?? []).filter((e) => e.name === n).length >= c,
    [name, count] as const,
  );
  return page.evaluate(
    (n) =>
      (window as unknown as HostWindow).events.filter((e) => e.name === n).map((e) => e.detail),
    name,
  );
}

test.describe('<race-lab> from embed.js', () => {
  test('shows step mode for a custom run: the worker buttons and the timeline', async ({
    page,
  }) => {
    const frame = await addElement(page, {
      preset: 'custom',
      workers: '2',
      increments: '3',
      mode: 'step',
    });
    await expect(frame.getByRole('heading', { name: /Step mode/ })).toBeVisible();
    await expect(frame.getByTestId('step-thread')).toHaveCount(2);
    await frame.locator('[data-testid="step-thread"][data-thread="1"]').click();
    await expect(frame.getByTestId('step-status')).toHaveAttribute('data-steps', '1');
    await expect(frame.getByTestId('timeline')).toBeVisible();
    const [ready] = await eventsNamed(page, 'race-lab-ready');
    expect(ready).toMatchObject({
      version: 3,
      frame: 'race-lab-1',
      settings: { preset: 'custom', workers: 2, increments: 3, mode: 'step' },
      result: null,
    });
  });

  test('the compare view runs both sides from one click: racy loses, atomic does not', async ({
    page,
  }) => {
    // A fixed seed fixes the interleaving, so the racy side's loss is not luck.
    const frame = await addElement(page, { view: 'compare', engine: 'simulated', seed: '7' });
    await frame.getByRole('button', { name: 'Run both' }).click();
    const left = frame.getByTestId('compare-left');
    const right = frame.getByTestId('compare-right');
    await expect(right).toHaveAttribute('data-state', 'done');
    const [racy, atomic] = [await readResult(left), await readResult(right)];
    expect(racy).toMatchObject({ strategy: 'racy', expected: 400 });
    expect(racy.lost).toBeGreaterThan(0);
    expect(racy.final + racy.lost).toBe(400);
    expect(atomic).toMatchObject({ strategy: 'atomic', expected: 400, final: 400, lost: 0 });
    const results = await eventsNamed(page, 'race-lab-result', 2);
    expect(results.map((r) => [r.side, r.strategy, r.final])).toEqual([
      ['left', 'racy', racy.final],
      ['right', 'atomic', 400],
    ]);
  });

  test('a challenge can be solved in the frame', async ({ page }) => {
    const frame = await addElement(page, { challenge: 'end-at-2' });
    const challenge = frame.getByTestId('challenge');
    await expect(challenge).toContainText('End at 2');
    const status = frame.getByTestId('step-status');
    const order = '1 2 2 2 2 1 2 1 1 1 1 2'.split(' ');
    for (const [i, thread] of order.entries()) {
      await expect(status).toHaveAttribute('data-busy', 'false');
      await expect(status).toHaveAttribute('data-steps', String(i));
      await frame.locator(`[data-testid="step-thread"][data-thread="${thread}"]`).click();
    }
    await expect(challenge).toHaveAttribute('data-solved', 'true');
    await expect(challenge.getByRole('status')).toContainText('Solved');
    const [result] = await eventsNamed(page, 'race-lab-result');
    expect(result).toMatchObject({ final: 2, expected: 6, lost: 4 });
  });

  test('el.run() runs the frame and race-lab-result carries the result', async ({ page }) => {
    await addElement(page, { preset: 'blog' });
    await page.evaluate(() =>
      (document.getElementById('lab') as HTMLElement & { run(): void }).run(),
    );
    const [result] = await eventsNamed(page, 'race-lab-result');
    expect(result).toMatchObject({ type: 'race-lab:result', expected: 400, frame: 'race-lab-1' });
    expect((result.final as number) + (result.lost as number)).toBe(400);
  });

  test('a changed attribute updates the frame without loading it again', async ({ page }) => {
    const frame = await addElement(page, { preset: 'blog', strategy: 'racy' });
    const atomicSwitch = frame.getByRole('switch', { name: 'Atomic increments' });
    await expect(atomicSwitch).toHaveAttribute('aria-checked', 'false');
    // A mark in the frame's window: a reload would lose it.
    const inner = page.frames().find((f) => f.url().startsWith(APP_ORIGIN))!;
    await inner.evaluate(() => ((window as unknown as { mark: number }).mark = 1));

    await page.locator('#lab').evaluate((el) => el.setAttribute('strategy', 'atomic'));
    await expect(atomicSwitch).toHaveAttribute('aria-checked', 'true');
    await page.locator('#lab').evaluate((el) => el.setAttribute('view', 'compare'));
    await expect(frame.getByRole('button', { name: 'Run both' })).toBeVisible();
    expect(await inner.evaluate(() => (window as unknown as { mark?: number }).mark)).toBe(1);
    expect(await eventsNamed(page, 'race-lab-ready')).toHaveLength(1);

    // race-lab:hello: a late host asks again and hears the settings as they are now.
    await page.evaluate((origin) => {
      const iframe = document.querySelector<HTMLIFrameElement>('#lab iframe')!;
      iframe.contentWindow!.postMessage({ type: 'race-lab:hello' }, origin);
    }, APP_ORIGIN);
    const [, again] = await eventsNamed(page, 'race-lab-ready', 2);
    expect(again).toMatchObject({ settings: { strategy: 'atomic', view: 'compare' } });
  });
});

test.describe('every view in an embed', () => {
  test('the explorer shows its trials and exact outcomes', async ({ page }) => {
    const frame = await addElement(page, { view: 'explore', workers: '2', increments: '2' });
    await expect(frame.getByTestId('explorer')).toBeVisible();
    await expect(frame.getByRole('heading', { name: 'What can happen' })).toBeVisible();
  });

  test('a trace file from the app origin opens and plays', async ({ page, context }) => {
    const trace = racyTrace();
    // The writer's trace file, next to the app.
    await context.route(`${APP_ORIGIN}/runs/racy.json`, (route) =>
      route.fulfill({ body: serializeTrace(trace), contentType: 'application/json' }),
    );
    const frame = await addElement(page, { 'trace-url': '/runs/racy.json' });
    const result = frame.getByTestId('result');
    await expect(result).toHaveAttribute('data-engine', 'imported');
    await expect(result).toHaveAttribute('data-final', String(trace.final));
    await expect(frame.getByTestId('timeline')).toHaveAttribute(
      'data-accesses',
      String(trace.events.length),
    );
    // Played on open: the access shown moves on from the first without a click.
    const shown = frame.getByRole('status', { name: 'Access shown' });
    await expect(shown).toHaveText(new RegExp(` of ${trace.events.length}$`));
    await expect(shown).not.toHaveText(/^#[01] of/);
  });

  test('a view the embed cannot show beside another gets a notice', async ({ page }) => {
    const frame = await addElement(page, { mode: 'step', view: 'compare' });
    await expect(frame.getByTestId('step-panel')).toBeVisible();
    await expect(frame.getByRole('alert')).toContainText(
      'view=compare is not shown beside mode=step',
    );
  });
});

test.describe('the Share dialog', () => {
  test('offers the element, the component and the iframe for the view on screen', async ({
    page,
  }) => {
    await page.goto('/?preset=custom&workers=2&increments=3&mode=step');
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share these settings' });
    const snippet = (name: string) => dialog.getByRole('textbox', { name }).inputValue();
    const element = await snippet('Custom element snippet');
    expect(element).toMatch(/^<race-lab strategy="racy" workers="2" increments="3" .*mode="step"/);
    expect(element).toContain(`<script src="${APP_ORIGIN}/embed.js" async></script>`);
    const component = await snippet('React component snippet');
    expect(component).toContain("import { RaceLab } from 'race-lab-embed';");
    expect(component).toContain(`<RaceLab src="${APP_ORIGIN}/" strategy="racy" workers={2}`);
    expect(component).toContain('mode="step"');
    expect(await snippet('Iframe snippet')).toContain('&mode=step');

    // The element snippet, pasted into a post on another origin, opens step mode.
    await page.goto(`${HOST_ORIGIN}/host-element.html`);
    await page.locator('#post').evaluate((post, html) => (post.innerHTML = html), element);
    const frame = page.frameLocator('race-lab iframe');
    await expect(frame.getByTestId('step-thread')).toHaveCount(2);
  });
});
