// A Node worker_threads entry running one leaf with the very code the browser worker runs.
// The tests bundle it (TypeScript included) before starting workers from it.
import { parentPort, workerData } from 'node:worker_threads';
import { runLeafJob } from '../leafJob.ts';

try {
  parentPort.postMessage({ ok: true, result: runLeafJob(workerData) });
} catch (error) {
  parentPort.postMessage({
    ok: false,
    message: error instanceof Error ? error.message : String(error),
  });
}
