import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { expect, test } from './fixtures';
import type { Server } from 'node:http';
import { startStaticServer } from './servers/static.mjs';
import { APP_ORIGIN, PACKAGE_APP_ORIGIN } from './origins';

// The race-lab-embed package as a writer gets it: packed, unpacked into a fresh Vite + React
// app (e2e/package-app/) and built. Offline: React comes from this repository's node_modules
// and the tarball is unpacked by hand, as npm would, without asking a registry.
test.use({ allowedOrigins: [APP_ORIGIN, PACKAGE_APP_ORIGIN] });

const ROOT = process.cwd();
let work = '';
let server: Server | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  work = mkdtempSync(path.join(tmpdir(), 'race-lab-embed-'));
  const packed = JSON.parse(
    execFileSync(
      'npm',
      ['pack', '--workspace', 'race-lab-embed', '--pack-destination', work, '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    ),
  ) as { filename: string; files: { path: string }[] }[];
  const tarball = path.join(work, packed[0]!.filename);
  expect(packed[0]!.files.map((f) => f.path)).toEqual(
    expect.arrayContaining(['dist/index.js', 'dist/index.d.ts', 'README.md', 'package.json']),
  );

  const app = path.join(work, 'app');
  cpSync(path.join(ROOT, 'e2e/package-app'), app, { recursive: true });
  const installed = path.join(app, 'node_modules/race-lab-embed');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  for (const name of ['react', 'react-dom']) {
    symlinkSync(path.join(ROOT, 'node_modules', name), path.join(app, 'node_modules', name));
  }
  const manifest = JSON.parse(readFileSync(path.join(installed, 'package.json'), 'utf8'));
  expect(manifest.dependencies ?? {}).toEqual({});
  expect(Object.keys(manifest.peerDependencies)).toEqual(['react']);

  await build({
    root: app,
    base: '/',
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    build: { outDir: path.join(app, 'dist') },
  });
  const { hostname, port } = new URL(PACKAGE_APP_ORIGIN);
  server = await startStaticServer({
    root: path.join(app, 'dist'),
    port: Number(port),
    host: hostname,
  });
});

test.afterAll(async () => {
  if (server) await new Promise((done) => server!.close(done));
  server?.closeAllConnections();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('RaceLab from the tarball runs in a Vite + React app and calls onResult', async ({ page }) => {
  await page.goto(`${PACKAGE_APP_ORIGIN}/?lab=${encodeURIComponent(`${APP_ORIGIN}/`)}`);
  const iframe = page.locator('iframe[title="Race Lab: the blog\'s program"]');
  await expect(iframe).toHaveAttribute(
    'src',
    /^http:\/\/localhost:4173\/\?embed=1&preset=blog&frame=race-lab-/,
  );
  const frame = page.frameLocator('iframe[title="Race Lab: the blog\'s program"]');
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(
    () => (window as unknown as { raceLabResults: unknown[] }).raceLabResults.length > 0,
  );
  const [result] = await page.evaluate(
    () => (window as unknown as { raceLabResults: Record<string, number>[] }).raceLabResults,
  );
  expect(result).toMatchObject({ type: 'race-lab:result', expected: 400 });
  expect(result!.final! + result!.lost!).toBe(400);
  // The bank, from the scenario and balance props: it pays its balance of 3 and no more.
  const bank = page.frameLocator('iframe[title="Race Lab: the bank"]');
  await bank.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(bank.getByTestId('result')).toHaveAttribute('data-scenario', 'bank');
  const bankResult = await page.waitForFunction(
    () => (window as unknown as { bankResults: unknown[] }).bankResults[0],
  );
  expect(await bankResult.jsonValue()).toMatchObject({ scenario: 'bank', paid: 3, final: 0 });

  // register() defined <race-lab> from the same package.
  const compare = page.frameLocator('race-lab iframe');
  await expect(compare.getByRole('button', { name: 'Run both' })).toBeVisible();

  // The frame takes its content's height: the component follows race-lab:height.
  const inner = page.frames().find((f) => f.url().includes('preset=blog'))!;
  const content = () =>
    inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect
    .poll(async () => Math.round((await iframe.boundingBox())?.height ?? 0))
    .toBe(await content());
});
