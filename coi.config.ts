import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** Where the service worker lands in the build: the root, so its scope is the whole app. */
export const COI_WORKER_FILE = 'coi-serviceworker.min.js';
/** Its settings, loaded just before it (a file: the CSP allows no inline script). */
export const COI_CONFIG_FILE = 'coi-config.js';

// Register only in a top-level page: a framed page is isolated only if its host is, so the
// worker would reload the frame for nothing. Quiet: the page says itself how it runs.
const COI_CONFIG = `// Race Lab: settings for coi-serviceworker (docs/hosting.md).
window.coi = {
  shouldRegister: function () { return window.parent === window; },
  quiet: true,
};
`;

/**
 * For static hosts that cannot send headers (GitHub Pages): with RACE_LAB_COI=1 at build
 * time, ship coi-serviceworker, which serves the app again from a service worker with COOP
 * and COEP added, after one reload. Off by default: hosts that send headers need none of it.
 */
export function coiServiceWorker(enabled = process.env.RACE_LAB_COI === '1'): Plugin {
  let base = './';
  return {
    name: 'race-lab:coi-serviceworker',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    generateBundle() {
      if (!enabled) return;
      const path = createRequire(import.meta.url).resolve(`coi-serviceworker/${COI_WORKER_FILE}`);
      this.emitFile({ type: 'asset', fileName: COI_WORKER_FILE, source: readFileSync(path) });
      this.emitFile({ type: 'asset', fileName: COI_CONFIG_FILE, source: COI_CONFIG });
    },
    transformIndexHtml() {
      if (!enabled) return;
      // Classic scripts run as the parser meets them, before the deferred module of the app.
      return [COI_CONFIG_FILE, COI_WORKER_FILE].map((file) => ({
        tag: 'script',
        attrs: { src: `${base}${file}` },
        injectTo: 'head' as const,
      }));
    },
  };
}
