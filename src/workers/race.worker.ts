import { expose, wrap, type Remote } from 'comlink';
import type { LeafResult, RaceWorkerApi, SupervisorJob, SupervisorResult } from './api';
import { readCounter, runLeafJob } from './leafJob';

/** A nested worker this one started, and the promise that rejects if it breaks. */
interface Child {
  worker: Worker;
  api: Remote<RaceWorkerApi>;
  broken: Promise<never>;
  isolated: boolean;
}

const children: Child[] = [];
let nestedCount: Int32Array | null = null;

const publishCount = (): void => {
  if (nestedCount) Atomics.store(nestedCount, 0, children.length);
};

function startChild(): Child {
  const worker = new Worker(new URL('./race.worker.ts', import.meta.url), {
    type: 'module',
    name: 'race leaf',
  });
  const broken = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      reject(new Error(`A nested worker failed: ${e.message || 'its script did not load'}`));
    });
    worker.addEventListener('messageerror', () =>
      reject(new Error('A nested worker received a message it could not read.')),
    );
  });
  // Nobody may be listening yet; the rejection is surfaced when a job races against it.
  broken.catch(() => undefined);
  return { worker, api: wrap<RaceWorkerApi>(worker), broken, isolated: false };
}

/** Keep exactly `n` nested workers, reusing the ones already running. */
async function holdChildren(n: number): Promise<void> {
  while (children.length > n) children.pop()!.worker.terminate();
  const fresh: Child[] = [];
  while (children.length < n) {
    const child = startChild();
    children.push(child);
    fresh.push(child);
  }
  publishCount();
  await Promise.all(
    fresh.map(async (c) => {
      c.isolated = (await Promise.race([c.api.hello(null), c.broken])).isolated;
    }),
  );
}

const api: RaceWorkerApi = {
  hello(count) {
    nestedCount = count;
    publishCount();
    return { isolated: self.crossOriginIsolated };
  },
  leaf(job) {
    // A former supervisor now playing a leaf lets its nested workers go.
    if (children.length > 0) void holdChildren(0);
    return runLeafJob(job);
  },
  prepare(n) {
    return holdChildren(n);
  },
  async supervise(job: SupervisorJob): Promise<SupervisorResult> {
    await holdChildren(job.children.length);
    const runs = job.children.map((leafJob, i) => {
      const child = children[i]!;
      return Promise.race([child.api.leaf(leafJob), child.broken]) as Promise<LeafResult>;
    });
    const leaves = await Promise.all(runs);
    return {
      thread: job.thread,
      leaves,
      read: readCounter(job.cells, job.trace, job.thread),
      childrenIsolated: children.every((c) => c.isolated),
    };
  },
};

expose(api);
