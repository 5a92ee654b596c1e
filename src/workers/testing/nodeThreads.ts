// Real threads for the Node tests: each leaf runs in a worker_threads Worker with the very code
// the browser worker runs (runLeafJob, through nodeLeafWorker.mjs).
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build, type Rolldown } from 'vite';
import type { LeafJob, LeafResult } from '../api';

/** Runs one leaf job on its own thread; rejects with the leaf's error message. */
export type LeafThreadRunner = (job: LeafJob) => Promise<LeafResult>;

/**
 * Bundle the leaf entry, TypeScript included, and return a runner that starts a thread from it
 * per job. Node 20 cannot run TypeScript in a worker thread, and a worker started from a data:
 * URL cannot resolve packages, so everything is inlined. Call once per test file (it takes a
 * second).
 */
export async function leafThreadRunner(): Promise<LeafThreadRunner> {
  const entry = fileURLToPath(new URL('./nodeLeafWorker.mjs', import.meta.url));
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    ssr: { noExternal: true },
    // As in the unit tests' own build (vitest.config.ts): the failure hook is there to test.
    define: { __FAULT_INJECTION__: 'true' },
    build: { ssr: entry, write: false, minify: false },
  });
  const output = (Array.isArray(built) ? built[0] : built) as Rolldown.RolldownOutput;
  const workerUrl = new URL(`data:text/javascript,${encodeURIComponent(output.output[0].code)}`);
  return (job) =>
    new Promise((resolve, reject) => {
      const worker = new Worker(workerUrl, { workerData: job });
      worker.once(
        'message',
        (m: { ok: true; result: LeafResult } | { ok: false; message: string }) =>
          m.ok ? resolve(m.result) : reject(new Error(m.message)),
      );
      worker.once('error', reject);
    });
}
