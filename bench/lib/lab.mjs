// The page driver the e2e specs use, plus what a benchmark needs to open the lab.
import { runButtonOf } from '../../e2e/labDriver.mjs';

export * from '../../e2e/labDriver.mjs';

/** Load the lab with these URL parameters and wait until it can run. */
export async function openLab(page, baseURL, params = {}) {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  await page.goto(`${baseURL}/?${query}`);
  // A trial click waits until Run is visible, enabled and stable without pressing it.
  await runButtonOf(page).click({ trial: true });
}

/**
 * For page.addInitScript: keep every SharedArrayBuffer the page creates in
 * window.__sharedBuffers, so a benchmark can read their sizes and watch the counter.
 * Construction is all it wraps; the buffers themselves are the page's own.
 */
export function recordSharedBuffers() {
  const Native = globalThis.SharedArrayBuffer;
  if (!Native) return;
  window.__sharedBuffers = [];
  globalThis.SharedArrayBuffer = new Proxy(Native, {
    construct(target, args, newTarget) {
      const buffer = Reflect.construct(target, args, newTarget);
      window.__sharedBuffers.push(buffer);
      return buffer;
    },
  });
}
