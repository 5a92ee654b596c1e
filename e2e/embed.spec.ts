import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readResult, runToDone } from './lab';
import { APP_ORIGIN, HOST_ORIGIN, PLAIN_APP_ORIGIN } from './origins';

// The host pages (e2e/fixtures/host-*.html) are a blog on another origin that sends no
// headers; the embed's own requests go to the app's origin. Nothing else may be asked.
test.use({ allowedOrigins: [APP_ORIGIN, HOST_ORIGIN] });

interface HostMessage {
  origin: string;
  data: { type: string } & Record<string, unknown>;
}
type HostWindow = Window & { raceLabMessages: HostMessage[] };

/** Wait until the host page has received `count` messages of `type`; returns them all. */
async function messagesOf(page: Page, type: string, count = 1): Promise<HostMessage[]> {
  await page.waitForFunction(
    ([t, n]) =>
      (window as unknown as HostWindow).raceLabMessages.filter((m) => m.data.type === t).length >=
      n,
    [type, count] as const,
  );
  return page.evaluate(
    (t) => (window as unknown as HostWindow).raceLabMessages.filter((m) => m.data.type === t),
    type,
  );
}

/** The embed's frame in the host page, once it has said it is ready. */
async function embedFrame(page: Page, origin = APP_ORIGIN): Promise<Frame> {
  const [ready] = await messagesOf(page, 'race-lab:ready');
  expect(ready!.origin).toBe(origin);
  const frame = page.frames().find((f) => f.url().startsWith(`${origin}/`));
  expect(frame, `a frame of ${origin}`).toBeTruthy();
  return frame!;
}

/** What a counter's race-lab:result says, without its type, scenario and frame's name. */
function numbersOf(message: HostMessage) {
  const { type, scenario, ...numbers } = message.data;
  delete numbers.frame;
  expect(type).toBe('race-lab:result');
  expect(scenario).toBe('counter');
  return numbers as { expected: number; final: number; lost: number; strategy: string };
}

/** The frame's result element, once it shows the run the host heard about. */
async function expectFrameShows(frame: Frame, numbers: Record<string, unknown>) {
  await expect
    .poll(() => readResult(frame.getByTestId('result')))
    .toMatchObject({ state: 'done', ...numbers });
}

/** Post `data` from the host page to its (first) embed. */
const postToEmbed = (page: Page, data: unknown, origin = APP_ORIGIN) =>
  page.evaluate(([d, o]) => document.querySelector('iframe')!.contentWindow!.postMessage(d, o), [
    data,
    origin,
  ] as const);

test.describe('embedded on a blog that sends no headers', () => {
  test('the iframe snippet is isolated, runs real workers and reports the run', async ({
    page,
  }) => {
    await page.goto(`${HOST_ORIGIN}/host-iframe.html`);
    const frame = await embedFrame(page);
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
    await expect(frame.getByTestId('engine-badge')).toHaveCount(0);

    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    const [message] = await messagesOf(page, 'race-lab:result');
    expect(message!.origin).toBe(APP_ORIGIN);
    const numbers = numbersOf(message!);
    expect(numbers).toMatchObject({ expected: 400, strategy: 'racy', engine: 'workers' });
    expect(numbers.final + numbers.lost).toBe(400);
    await expectFrameShows(frame, numbers);
    await expect(frame.getByTestId('result')).toHaveAttribute('data-workers-isolated', 'true');
  });

  test('Document-Isolation-Policy isolates a frame even without allow="cross-origin-isolated"', async ({
    page,
  }) => {
    await page.goto(`${HOST_ORIGIN}/host-no-allow.html`);
    const frame = await embedFrame(page);
    // Chromium: the app's own header isolates it; the permission only matters elsewhere.
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(true);
    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    const [message] = await messagesOf(page, 'race-lab:result');
    expect(numbersOf(message!)).toMatchObject({ expected: 400, engine: 'workers' });
  });

  test('the host sets and runs the embed; bad fields are named, junk is ignored', async ({
    page,
  }) => {
    await page.goto(`${HOST_ORIGIN}/host-iframe.html`);
    const frame = await embedFrame(page);
    const alerts = frame.getByRole('alert');

    await postToEmbed(page, { type: 'race-lab:set', atomic: true, workers: 99 });
    await expect(frame.getByRole('switch', { name: 'Atomic increments' })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await expect(alerts).toHaveCount(1);
    await expect(alerts).toContainText('workers=99');

    await postToEmbed(page, { type: 'race-lab:run' });
    const [first] = await messagesOf(page, 'race-lab:result');
    const numbers = numbersOf(first!);
    expect(numbers).toEqual({
      expected: 400,
      final: 400,
      lost: 0,
      strategy: 'atomic',
      engine: 'workers',
    });
    await expectFrameShows(frame, numbers);

    // Junk first, then a real run: messages arrive in order, so when the run's result is in,
    // the junk has been handled, and it must have done nothing.
    for (const junk of [null, 'race-lab:run', { type: 42 }, { type: 'race-lab:ready' }, [1]]) {
      await postToEmbed(page, junk);
    }
    await postToEmbed(page, { type: 'race-lab:run' });
    const results = await messagesOf(page, 'race-lab:result', 2);
    await expectFrameShows(frame, numbersOf(results[1]!));
    expect(results).toHaveLength(2);
    await expect(alerts).toHaveCount(1);
  });

  test('embed.js turns a placeholder into an isolated frame sized to its content', async ({
    page,
  }) => {
    await page.goto(`${HOST_ORIGIN}/host-script.html`);
    const iframe = page.locator('[data-race-lab] iframe');
    // The page shows no theme of its own, so the frame opens in the reader's (light here).
    await expect(iframe).toHaveAttribute(
      'src',
      // Each frame embed.js makes is named, and every message it sends carries the name.
      `${APP_ORIGIN}/?embed=1&preset=blog&strategy=racy&theme=light&frame=race-lab-1`,
    );
    await expect(iframe).toHaveAttribute('allow', 'cross-origin-isolated');
    await expect(iframe).toHaveAttribute(
      'title',
      "Race Lab: The blog's program, racy read then write",
    );
    const frame = await embedFrame(page);
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(true);

    const sizes = async () => ({
      frame: Math.round((await iframe.boundingBox())?.height ?? 0),
      content: await frame.evaluate(() =>
        Math.ceil(document.documentElement.getBoundingClientRect().height),
      ),
    });
    await expect.poll(async () => (await sizes()).frame).toBe((await sizes()).content);
    const idle = (await sizes()).content;

    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    const [message] = await messagesOf(page, 'race-lab:result');
    await expectFrameShows(frame, numbersOf(message!));
    await expect(frame.getByTestId('timeline')).toBeVisible();
    // The embed was as tall as after a run from the start: the result and the timeline fill
    // it, and the frame, sized to it, stays put.
    expect(await sizes()).toEqual({ frame: idle, content: idle });
  });
});

test.describe('embed.js on a page that renders later', () => {
  test('a placeholder added after load becomes a frame too, and each is mounted once', async ({
    page,
  }) => {
    await page.goto(`${HOST_ORIGIN}/host-script.html`);
    await expect(page.locator('[data-race-lab] iframe')).toHaveCount(1);
    await page.evaluate(() => {
      const late = document.createElement('div');
      late.setAttribute('data-race-lab', 'preset=pair&strategy=atomic');
      late.id = 'late';
      document.body.append(late);
    });
    const late = page.locator('#late iframe');
    await expect(late).toHaveAttribute(
      'src',
      `${APP_ORIGIN}/?embed=1&preset=pair&strategy=atomic&theme=light&frame=race-lab-2`,
    );
    await expect(late).toHaveAttribute('title', 'Race Lab');
    // Mounting adds nodes too: that must not mount anything twice.
    await expect(page.locator('[data-race-lab] iframe')).toHaveCount(2);
    const frame = page.frameLocator('#late iframe');
    await expect(frame.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
    await expect(page.locator('[data-race-lab] iframe')).toHaveCount(2);
  });
});

test.describe('embedded from a server without isolation headers', () => {
  test.use({ allowedOrigins: [PLAIN_APP_ORIGIN, HOST_ORIGIN] });

  test('the embed runs the simulated engine and says so', async ({ page }) => {
    await page.goto(`${HOST_ORIGIN}/host-plain.html`);
    const frame = await embedFrame(page, PLAIN_APP_ORIGIN);
    expect(await frame.evaluate(() => crossOriginIsolated)).toBe(false);
    await expect(frame.getByTestId('engine-badge')).toBeVisible();

    await frame.getByRole('button', { name: 'Run', exact: true }).click();
    const [message] = await messagesOf(page, 'race-lab:result');
    expect(message!.origin).toBe(PLAIN_APP_ORIGIN);
    const numbers = numbersOf(message!);
    expect(numbers).toMatchObject({ expected: 400, strategy: 'racy', engine: 'simulated' });
    await expectFrameShows(frame, { ...numbers, engine: 'simulated' });
    await expect(frame.getByTestId('engine-badge')).toBeVisible();
  });
});

test.describe('the embed view', () => {
  test('fits 320 px, starts nothing before Run, follows a forced theme', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/?embed=1&theme=dark&work=5');
    const scrollWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible();
    await expect(page.getByTestId('result')).toHaveAttribute('data-state', 'idle');
    expect(page.workers(), 'no worker before Run').toHaveLength(0);
    expect(await scrollWidth()).toBeLessThanOrEqual(320);

    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const background = await page.evaluate(
      () => getComputedStyle(document.documentElement).background,
    );
    expect(background).toContain('rgb(20, 22, 26)');

    const open = page.getByRole('link', { name: 'Open in Race Lab' });
    await expect(open).toHaveAttribute('href', `${APP_ORIGIN}/?work=5`);
    await expect(open).toHaveAttribute('target', '_blank');
    await expect(open).toHaveAttribute('rel', 'noopener');

    await runToDone(page);
    await expect(page.getByTestId('timeline')).toBeVisible();
    expect(page.workers().length).toBeGreaterThan(0);
    // Lost-update counts stay inside the plot, even next to its right edge.
    const outside = await page.evaluate(() => {
      const plot = document.querySelector('.tl-hit')!.getBoundingClientRect();
      return Array.from(document.querySelectorAll('.tl-lost-count'))
        .map((t) => t.getBoundingClientRect())
        .filter((r) => r.left < plot.left - 1 || r.right > plot.right + 1).length;
    });
    expect(outside).toBe(0);
    expect(await scrollWidth()).toBeLessThanOrEqual(320);
  });
});

test.describe('the embed on a post', () => {
  test("sits on the post's colours when transparent, and prints without controls", async ({
    page,
  }) => {
    await page.goto('/?embed=1&background=transparent&theme=dark');
    const background = (selector: string) =>
      page.evaluate((s) => getComputedStyle(document.querySelector(s)!).backgroundColor, selector);
    expect(await background('html')).toBe('rgba(0, 0, 0, 0)');
    expect(await background('body')).toBe('rgba(0, 0, 0, 0)');
    await runToDone(page);
    await expect(page.getByTestId('timeline')).toBeVisible();

    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeHidden();
    await expect(page.getByRole('switch', { name: 'Atomic increments' })).toBeHidden();
    await expect(page.getByTestId('result')).toBeVisible();
    await expect(page.getByTestId('timeline')).toBeVisible();
  });
});

test.describe('a run the timeline cannot show whole', () => {
  // Catches a panel that promises a timeline a run will not have (the hint left as it was).
  test('with recording off it says so, and Record and run draws it', async ({ page }) => {
    await page.goto('/?embed=1&workers=1&increments=1000&strategy=atomic&trace=off');
    const panel = page.getByRole('region', { name: 'Timeline' });
    await expect(panel).toContainText('This run will not be recorded: recording is off');
    await runToDone(page);
    await expect(panel).toContainText('This run was not recorded');
    await expect(page.getByTestId('timeline')).toHaveCount(0);

    await panel.getByRole('button', { name: 'Record and run' }).click();
    await expect(page.getByTestId('timeline')).toBeVisible({ timeout: 30_000 });
    // Every increment's access, and main's read of the total.
    await expect(page.getByTestId('result')).toHaveAttribute('data-accesses', '1001');
  });

  test('over the recording limit it names the window that will be drawn', async ({ page }) => {
    // One access more than a whole recording takes.
    await page.goto('/?embed=1&workers=2&increments=5000001&strategy=atomic');
    await expect(page.getByRole('region', { name: 'Timeline' })).toContainText(
      'This run makes 10,000,002 accesses, more than the 10,000,000 recorded whole: only its first 1,000,000 will appear here.',
    );
  });
});

test.describe('for writers', () => {
  test('the timeline downloads as a valid SVG with its lanes, and as a PNG', async ({ page }) => {
    await page.goto('/');
    await runToDone(page);
    await expect(page.getByTestId('timeline')).toBeVisible();

    const [svgFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    expect(svgFile.suggestedFilename()).toMatch(/^race-lab-blog-racy-.+\.svg$/);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        labels: Array.from(doc.querySelectorAll('text'), (t) => t.textContent ?? ''),
      };
    }, svg);
    expect(parsed.error).toBeNull();
    expect(parsed).toMatchObject({ root: 'svg', namespace: 'http://www.w3.org/2000/svg' });
    for (const lane of ['main', 'func3', 'func4', 'func1', 'func2']) {
      expect(
        parsed.labels.some((l) => l.includes(lane)),
        lane,
      ).toBe(true);
    }

    const [pngFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download PNG' }).click(),
    ]);
    expect(pngFile.suggestedFilename()).toMatch(/\.png$/);
    const png = readFileSync(await pngFile.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.readUInt32BE(16), 'PNG width').toBeGreaterThan(100);
  });

  test('the Share dialog gives the link and both snippets, copies, and closes', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: APP_ORIGIN });
    await page.goto('/?strategy=lock');
    const share = page.getByRole('button', { name: 'Share', exact: true });
    await share.click();
    const dialog = page.getByRole('dialog', { name: 'Share these settings' });
    await expect(dialog).toBeVisible();
    const link = dialog.getByRole('textbox', { name: 'Link' });
    await expect(link).toBeFocused();
    await expect(link).toHaveValue(page.url());

    const iframe = await dialog.getByRole('textbox', { name: 'Iframe snippet' }).inputValue();
    expect(iframe).toContain(`src="${APP_ORIGIN}/?embed=1&preset=blog&strategy=lock"`);
    expect(iframe).toContain('allow="cross-origin-isolated" loading="lazy"');
    expect(iframe).toContain('title="Race Lab: ');
    expect(iframe).not.toContain('style=');
    const script = await dialog.getByRole('textbox', { name: 'Script snippet' }).inputValue();
    expect(script).toContain('data-race-lab="preset=blog&strategy=lock"');
    expect(script).toContain(`<script src="${APP_ORIGIN}/embed.js" async></script>`);
    expect(script).toContain(
      `<a href="${APP_ORIGIN}/?strategy=lock"><img src="${APP_ORIGIN}/poster/blog-lock.svg"`,
    );
    // The poster is served, as an image.
    const poster = await page.request.get(`${APP_ORIGIN}/poster/blog-lock.svg`);
    expect(poster.headers()['content-type']).toContain('image/svg+xml');

    await dialog.getByRole('button', { name: 'Copy iframe snippet' }).click();
    await expect(dialog.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(iframe);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(share).toBeFocused();
  });
});
