// The three origins of e2e/origins.ts, as the Playwright config serves them: the build with
// its headers (`vite preview`), the same build with none, and the blog fixtures that embed it.
// A server already answering on an origin is used as it is (as Playwright's reuseExistingServer).
/* global fetch, AbortSignal */
import { URL } from 'node:url';
import { preview } from 'vite';
import { APP_ORIGIN, HOST_ORIGIN, PLAIN_APP_ORIGIN } from '../origins.mjs';
import { startStaticServer } from '../servers/static.mjs';

const ORIGINS = { app: APP_ORIGIN, plainApp: PLAIN_APP_ORIGIN, host: HOST_ORIGIN };

async function answers(origin) {
  try {
    await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) });
    return true;
  } catch {
    return false;
  }
}

const portOf = (origin) => Number(new URL(origin).port);
const hostOf = (origin) => new URL(origin).hostname;

/** Serve every origin that is not served yet; resolves with the origins and a stop function. */
export async function startServers() {
  const stops = [];
  if (!(await answers(ORIGINS.app))) {
    const server = await preview({
      logLevel: 'warn',
      preview: { port: portOf(ORIGINS.app), strictPort: true, open: false },
    });
    stops.push(() => server.close());
  }
  for (const [origin, root] of [
    [ORIGINS.plainApp, 'dist'],
    [ORIGINS.host, 'e2e/fixtures'],
  ]) {
    if (await answers(origin)) continue;
    const server = await startStaticServer({ root, port: portOf(origin), host: hostOf(origin) });
    stops.push(
      () =>
        new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        }),
    );
  }
  return { origins: ORIGINS, stop: () => Promise.all(stops.map((s) => s())) };
}
