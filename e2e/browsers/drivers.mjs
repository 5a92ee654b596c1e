// One driver per way of reaching a browser: puppeteer-core for a system Firefox (WebDriver
// BiDi), selenium-webdriver for WebKitGTK's WebKitWebDriver, Playwright for its own Firefox
// and WebKit builds. Each drives one tab and gives the page what e2e/browsers/page.mjs needs.
/* global window, console, ErrorEvent */
import { spawn } from 'node:child_process';
import process from 'node:process';

const PROBLEM_MARK = 'race-lab-problem:';

/**
 * Runs in the page before its own scripts where the driver allows it: notes every CSP violation
 * and uncaught error, on the page and in the console (which also reaches the driver from frames).
 */
function recordProblems(mark) {
  if (window.__raceLabProblems) return;
  const problems = [];
  window.__raceLabProblems = problems;
  const note = (text) => {
    problems.push(text);
    console.error(`${mark} ${text}`);
  };
  window.addEventListener(
    'securitypolicyviolation',
    (e) =>
      note(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline code'}` +
          ` (${e.sourceFile || e.documentURI}:${e.lineNumber})`,
      ),
    true,
  );
  window.addEventListener('error', (e) => {
    if (e instanceof ErrorEvent) note(`page error: ${e.message} (${e.filename}:${e.lineno})`);
  });
  window.addEventListener('unhandledrejection', (e) =>
    note(`unhandled rejection: ${e.reason?.message ?? e.reason}`),
  );
}

/** The page's own record, emptied (for drivers that cannot listen to the console). */
function takeRecorded() {
  return (window.__raceLabProblems ?? []).splice(0);
}

const call = (source, args) => `(${source})(...${JSON.stringify(args)})`;

/** Firefox through puppeteer-core over WebDriver BiDi, headless. */
export async function launchFirefox(executablePath) {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Mozilla's telemetry and update pings stay off: the page must be the only traffic.
    extraPrefsFirefox: { 'app.update.enabled': false, 'toolkit.telemetry.enabled': false },
  });
  return pageDriver(browser, await browser.newPage(), await browser.version());
}

/** A module import cut short because the test leaves the page: the page did nothing wrong. */
const ABORTED_IMPORT = /error loading dynamically imported module/;

/**
 * The driver over a puppeteer or Playwright page (their APIs agree on what is used here): it
 * hears page errors and the recorder's console lines from every frame.
 */
async function pageDriver(browser, page, version) {
  const problems = [];
  let leaving = false;
  const note = (text) => {
    if (!(leaving && ABORTED_IMPORT.test(text))) problems.push(text);
  };
  page.on('pageerror', (error) => note(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.text().startsWith(PROBLEM_MARK)) note(message.text());
  });
  await (page.evaluateOnNewDocument ?? page.addInitScript).call(page, recordProblems, PROBLEM_MARK);
  return {
    version,
    goto: async (url) => {
      leaving = true;
      try {
        await page.goto(url, { waitUntil: 'load' });
      } finally {
        leaving = false;
      }
    },
    run: (source, args) => page.evaluate(call(source, args)),
    click: async (source, args) => {
      const handle = await page.evaluateHandle(call(source, args));
      await handle.asElement().click();
      await handle.dispose();
    },
    takeProblems: async () => problems.splice(0),
    close: () => browser.close(),
  };
}

/** Start a virtual X display for a browser that needs one; resolves with its DISPLAY value. */
async function startXvfb() {
  const xvfb = spawn(
    'Xvfb',
    ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    },
  );
  const display = await new Promise((resolve, reject) => {
    let out = '';
    xvfb.once('error', (e) =>
      reject(
        new Error(
          `WebKitGTK needs a display and Xvfb did not start (${e.message}): ` +
            'install xvfb, or run with a DISPLAY.',
        ),
      ),
    );
    xvfb.once('exit', (code) =>
      reject(new Error(`Xvfb exited (code ${code}) before its display was up.`)),
    );
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
  });
  // A test process that dies before its after-hooks must not leave the display behind.
  const stop = () => xvfb.kill();
  process.once('exit', stop);
  return {
    display,
    stop: () => {
      process.off('exit', stop);
      stop();
    },
  };
}

/** WebKitGTK's MiniBrowser through WebKitWebDriver and selenium-webdriver. */
export async function launchWebKitGtk(driverPath, browserPath) {
  const { Builder } = await import('selenium-webdriver');
  const { default: remote } = await import('selenium-webdriver/remote/index.js');
  const { default: portprober } = await import('selenium-webdriver/net/portprober.js');
  const hasDisplay = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
  const xvfb = hasDisplay ? null : await startXvfb();
  const port = await portprober.findFreePort();
  const service = new remote.DriverService(driverPath, {
    port,
    args: [`--port=${port}`],
    loopback: true,
    env: xvfb ? { ...process.env, DISPLAY: xvfb.display } : process.env,
    stdio: 'ignore',
  });
  const stop = async () => {
    await service.kill();
    xvfb?.stop();
  };
  let driver;
  try {
    const url = await service.start(30_000);
    driver = await new Builder()
      .usingServer(url)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: browserPath, args: ['--automation'] },
      })
      .build();
  } catch (error) {
    await stop();
    throw error;
  }
  const problems = [];
  // Classic WebDriver cannot run a script before the page's own: the listener starts right
  // after each load, and what it noted is collected before the next one.
  const collect = async () => {
    try {
      problems.push(...(await driver.executeScript(`return (${takeRecorded})()`)));
    } catch {
      // No page yet.
    }
  };
  const script = (source) => `return (${source}).apply(null, arguments)`;
  const caps = await driver.getCapabilities();
  return {
    version: `${caps.get('browserName')} ${caps.get('browserVersion')}`,
    goto: async (url) => {
      await collect();
      await driver.get(url);
      await driver.executeScript(script(recordProblems), PROBLEM_MARK);
    },
    run: (source, args) => driver.executeScript(script(source), ...args),
    click: async (source, args) => {
      const element = await driver.executeScript(script(source), ...args);
      await element.click();
    },
    takeProblems: async () => {
      await collect();
      return problems.splice(0);
    },
    close: async () => {
      await driver.quit().catch(() => {});
      await stop();
    },
  };
}

/** Playwright's own Firefox or WebKit (`npx playwright install`), for macOS and Windows. */
export async function launchPlaywright(name) {
  const playwright = await import('@playwright/test');
  const browser = await playwright[name].launch();
  return pageDriver(browser, await browser.newPage(), `${name} ${browser.version()}`);
}
