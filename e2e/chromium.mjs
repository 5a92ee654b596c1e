// Launch options shared by the Playwright config and the benchmark, so both drive the same
// browser with the same flags. Plain JS so Node can import it without a build step.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, container-friendly Chromium: no sandbox, no GPU, no background traffic. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser binary: $CHROMIUM_PATH, else Playwright's own build if installed, else Debian's. */
export function chromiumExecutablePath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return fromEnv;
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no build for this platform; the system browser is next.
  }
  if (bundled && existsSync(bundled)) return bundled;
  return SYSTEM_CHROMIUM;
}

/** Options for `chromium.launch()` and for Playwright's `launchOptions`. */
export const chromiumLaunchOptions = {
  executablePath: chromiumExecutablePath(),
  args: chromiumArgs,
};
