import type { LaunchOptions } from '@playwright/test';

/** Flags for a quiet, container-friendly Chromium: no sandbox, no GPU, no background traffic. */
export declare const chromiumArgs: string[];
/** The browser binary: $CHROMIUM_PATH, else Playwright's own build if installed, else Debian's. */
export declare function chromiumExecutablePath(): string;
/** Options for `chromium.launch()` and for Playwright's `launchOptions`. */
export declare const chromiumLaunchOptions: LaunchOptions & {
  executablePath: string;
  args: string[];
};
