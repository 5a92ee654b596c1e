// The app under measurement: the production build served by `vite preview`, with the same
// isolation headers and CSP as the deployed page.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import process from 'node:process';
import { setTimeout as delay } from 'node:timers/promises';

/** Build into `dist/` with `npx vite build` unless a build is already there. */
export function ensureBuild(root, log) {
  if (existsSync(path.join(root, 'dist', 'index.html'))) return false;
  log('dist/ is missing: running npx vite build');
  const built = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`vite build failed (exit ${built.status})`);
  return true;
}

/** A TCP port that was free a moment ago (vite's --strictPort fails loudly if it is taken). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, 'localhost', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet: poll again shortly.
    }
    await delay(100);
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** Start `vite preview` on a free port; resolves once it answers, with its URL and a stop(). */
export async function startPreview(root) {
  const port = await freePort();
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  // Node runs vite directly (not through npx), so the child is the server and stop() ends it.
  const child = spawn(
    process.execPath,
    [vite, 'preview', '--port', String(port), '--strictPort', '--host', 'localhost'],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const url = `http://localhost:${port}`;
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  try {
    await waitUntilServing(url, child, 30_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
