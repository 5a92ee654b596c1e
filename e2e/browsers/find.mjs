// Which Firefox and which WebKit `npm test` drives, beside Playwright's Chromium. Each is taken
// from the environment first, then from the system's packages (Debian: firefox-esr,
// webkit2gtk-driver), then from Playwright's own downloads (`npx playwright install`), which is
// what macOS and Windows use. Nothing found is an error that says what to install.
import { existsSync } from 'node:fs';
import process from 'node:process';

const DEBIAN_FIREFOX = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const DEBIAN_WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
/** Where the webkit2gtk package puts its MiniBrowser, per architecture. */
const MINIBROWSERS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkitgtk-6.0/MiniBrowser',
];

const firstExisting = (paths) => paths.find((p) => existsSync(p)) ?? null;

/** Playwright's own build of `name` ('firefox' or 'webkit'), when it has been downloaded. */
async function playwrightBuild(name) {
  try {
    const playwright = await import('@playwright/test');
    const path = playwright[name].executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    // Playwright throws when it has no build of this browser for this platform.
    return null;
  }
}

/** An env variable that names a file, or null; a name that is not a file is an error. */
function fromEnv(variable) {
  const value = process.env[variable];
  if (!value) return null;
  if (!existsSync(value)) throw new Error(`${variable}=${value} does not exist.`);
  return value;
}

/**
 * The Firefox to drive: `{ kind: 'system', executablePath }` (puppeteer-core over WebDriver
 * BiDi) or `{ kind: 'playwright' }` (Playwright's own Firefox).
 */
export async function findFirefox() {
  const path = fromEnv('FIREFOX_PATH') ?? firstExisting(DEBIAN_FIREFOX);
  if (path) return { kind: 'system', label: `Firefox at ${path}`, executablePath: path };
  const bundled = await playwrightBuild('firefox');
  if (bundled) return { kind: 'playwright', label: `Playwright's Firefox at ${bundled}` };
  throw new Error(
    'No Firefox found. Install it (Debian: apt-get install firefox-esr; elsewhere: ' +
      'npx playwright install firefox), or set FIREFOX_PATH to a Firefox binary.',
  );
}

/**
 * The WebKit to drive: `{ kind: 'system', driverPath, browserPath }` (selenium-webdriver with
 * WebKitWebDriver and the MiniBrowser of WebKitGTK) or `{ kind: 'playwright' }`.
 */
export async function findWebKit() {
  const driverPath =
    fromEnv('WEBKIT_DRIVER_PATH') ??
    (existsSync(DEBIAN_WEBKIT_DRIVER) ? DEBIAN_WEBKIT_DRIVER : null);
  const browserPath = fromEnv('WEBKIT_BROWSER_PATH') ?? firstExisting(MINIBROWSERS);
  if (driverPath && browserPath) {
    return {
      kind: 'system',
      label: `WebKitGTK's MiniBrowser at ${browserPath}, driven by ${driverPath}`,
      driverPath,
      browserPath,
    };
  }
  const bundled = await playwrightBuild('webkit');
  if (bundled) return { kind: 'playwright', label: `Playwright's WebKit at ${bundled}` };
  const missing = driverPath ? 'a MiniBrowser' : 'WebKitWebDriver';
  throw new Error(
    `No WebKit found (${missing} is missing). Install it (Debian: apt-get install ` +
      'webkit2gtk-driver; elsewhere: npx playwright install webkit), or set WEBKIT_DRIVER_PATH ' +
      'to WebKitWebDriver and WEBKIT_BROWSER_PATH to the MiniBrowser it should start.',
  );
}
