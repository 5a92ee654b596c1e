import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/chromium.mjs';
import { APP_ORIGIN, HOST_ORIGIN, PLAIN_APP_ORIGIN } from './e2e/origins';

const CI = !!process.env.CI;

// A header-less server for `root` at `origin` (see e2e/servers/static.mjs).
const staticServer = (root: string, origin: string) => {
  const { hostname, port } = new URL(origin);
  return {
    command: `node e2e/servers/static.mjs --root ${root} --port ${port} --host ${hostname}`,
    url: `${origin}/`,
    reuseExistingServer: !CI,
    timeout: 30_000,
  };
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  // The machine has two cores and every test runs several workers of its own.
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: 'list',
  use: {
    baseURL: APP_ORIGIN,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions },
    },
  ],
  webServer: [
    {
      // `vite preview` serves the e2e build (dist-e2e/: production plus the failure-injection
      // hook, `npm run build:e2e`) with the headers of vite.config.ts.
      command: 'npx vite preview --mode e2e --port 4173 --strictPort',
      url: APP_ORIGIN,
      reuseExistingServer: !CI,
      timeout: 60_000,
    },
    staticServer('dist-e2e', PLAIN_APP_ORIGIN),
    staticServer('e2e/fixtures', HOST_ORIGIN),
  ],
});
