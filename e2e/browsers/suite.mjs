// Firefox and WebKit, beside Playwright's Chromium: the core flows on the page served with its
// isolation headers and without, failing on any page error or CSP violation.
//   npm run test:browsers     (after `npm run build`; Playwright's testMatch leaves this file alone)
import assert from 'node:assert/strict';
import process from 'node:process';
import { after, before, describe, it } from 'node:test';
import { launchFirefox, launchPlaywright, launchWebKitGtk } from './drivers.mjs';
import { findFirefox, findWebKit } from './find.mjs';
import { CORE_FLOWS } from './flows.mjs';
import { DrivenPage } from './page.mjs';
import { startServers } from './servers.mjs';

/** Why a page simulates, in the words its badge must use. */
const NOT_ISOLATED = /isolat/i;
const NO_SHARED_MEMORY = /SharedArrayBuffer|shared memory/i;

const BROWSERS = [
  {
    name: 'Firefox',
    find: findFirefox,
    launch: (found) =>
      found.kind === 'system' ? launchFirefox(found.executablePath) : launchPlaywright('firefox'),
    // Firefox gives an isolated page SharedArrayBuffer: real workers.
    workersWhenIsolated: () => true,
  },
  {
    name: 'WebKit',
    find: findWebKit,
    launch: (found) =>
      found.kind === 'system'
        ? launchWebKitGtk(found.driverPath, found.browserPath)
        : launchPlaywright('webkit'),
    // WebKitGTK reports crossOriginIsolated but has no SharedArrayBuffer; Safari's WebKit
    // (Playwright's build) has it. Only the system build is held to simulating.
    workersWhenIsolated: async (found, page, origin) => {
      if (found.kind === 'system') return false;
      await page.goto(`${origin}/`);
      return page.evaluate(() => typeof globalThis.SharedArrayBuffer === 'function');
    },
  },
];

/** Retries on CI, as playwright.config.ts: a flow that passes only on retry is reported. */
const RETRIES = process.env.CI ? 1 : 0;

/** Run `flow`; fail on its error, or else on any page error or CSP violation it caused. */
async function flowWithoutProblems(page, flow) {
  let failure = null;
  await flow().catch((error) => (failure = error));
  const problems = await page.takeProblems();
  if (failure) {
    if (problems.length > 0) failure.message += `\nThe page also reported:\n${problems.join('\n')}`;
    throw failure;
  }
  assert.deepEqual(problems, [], 'page errors and CSP violations');
}

let servers;
before(async () => {
  servers = await startServers();
});
after(() => servers?.stop());

for (const browser of BROWSERS) {
  describe(browser.name, () => {
    let found;
    let session;
    let page;
    before(async () => {
      try {
        found = await browser.find();
      } catch (error) {
        process.stderr.write(`\n*** ${browser.name}: ${error.message}\n\n`);
        throw error;
      }
      session = await browser.launch(found);
      page = new DrivenPage(session);
      process.stdout.write(`# ${browser.name}: ${found.label} (${session.version})\n`);
    });
    after(() => session?.close());

    for (const headers of [true, false]) {
      const served = headers ? 'with isolation headers' : 'without headers';
      describe(`served ${served}`, () => {
        const want = {};
        before(async () => {
          const { app, plainApp, host } = servers.origins;
          Object.assign(want, {
            origin: headers ? app : plainApp,
            hostOrigin: host,
            hostPage: headers ? 'host-iframe.html' : 'host-plain.html',
            isolated: headers,
            // A frame in a page that sends no headers is isolated only where the browser has
            // Document-Isolation-Policy (Chromium): here the embed simulates.
            embedEngine: 'simulated',
          });
          const workers = headers && (await browser.workersWhenIsolated(found, page, want.origin));
          want.engine = workers ? 'workers' : 'simulated';
          want.reason = headers ? NO_SHARED_MEMORY : NOT_ISOLATED;
        });
        for (const [title, flow] of CORE_FLOWS) {
          // The browser and server in the title too, so the closing list of failures says which.
          it(`${title} (${browser.name}, ${served})`, async (t) => {
            for (let attempt = 0; ; attempt++) {
              try {
                await flowWithoutProblems(page, () => flow(page, want));
                return;
              } catch (error) {
                if (attempt >= RETRIES) throw error;
                // Said out loud, as Playwright marks a test that passed on retry as flaky.
                t.diagnostic(`FLAKY? retrying after: ${error.message.split('\n')[0]}`);
              }
            }
          });
        }
      });
    }
  });
}
