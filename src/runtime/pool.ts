import { wrap, type Remote } from 'comlink';
import type { RaceWorkerApi } from '../workers/api';

/** One of the main thread's own workers. */
export interface PooledWorker {
  worker: Worker;
  api: Remote<RaceWorkerApi>;
  /** One shared cell where the worker keeps how many nested workers it holds. */
  nested: Int32Array;
  /** Resolves once the worker has loaded and answered the handshake. */
  ready: Promise<void>;
  isolated: boolean;
}

export type WorkerRole = 'leaf' | 'supervisor';

const nestedOf = (w: PooledWorker): number => Atomics.load(w.nested, 0);

/**
 * The main thread's workers, kept between runs. Supervisors keep their nested workers too, so
 * a run of the same shape reuses every worker it needs.
 */
export class WorkerPool {
  private workers: PooledWorker[] = [];

  /** `onFailure` hears of a worker that broke (script error, unreadable message). */
  constructor(private readonly onFailure: (message: string) => void) {}

  /**
   * Workers for the given roles, in order: reused where possible (supervisors from those that
   * already hold nested workers), surplus terminated, missing ones started.
   */
  take(roles: readonly WorkerRole[]): Promise<PooledWorker[]> {
    const byNested = [...this.workers].sort((a, b) => nestedOf(b) - nestedOf(a));
    const chosen = roles.map((role) => (role === 'supervisor' ? byNested.shift() : undefined));
    roles.forEach((role, i) => {
      if (role === 'leaf') chosen[i] = byNested.pop();
    });
    for (const surplus of byNested) surplus.worker.terminate();
    const taken = chosen.map((w) => w ?? this.start());
    this.workers = taken;
    return Promise.all(taken.map((w) => w.ready)).then(() => taken);
  }

  /** End `stale` and start a fresh worker in its place; resolves once the new one is ready. */
  async replace(stale: PooledWorker): Promise<PooledWorker> {
    stale.worker.terminate();
    const fresh = this.start();
    const at = this.workers.indexOf(stale);
    if (at >= 0) this.workers[at] = fresh;
    else this.workers.push(fresh);
    await fresh.ready;
    return fresh;
  }

  /** Workers alive now: the main thread's own and the nested ones they hold. */
  live(): number {
    return this.workers.reduce((sum, w) => sum + 1 + nestedOf(w), 0);
  }

  /** Terminate every worker (their nested workers end with them); later runs start afresh. */
  terminateAll(): void {
    for (const w of this.workers) w.worker.terminate();
    this.workers = [];
  }

  private start(): PooledWorker {
    const worker = new Worker(new URL('../workers/race.worker.ts', import.meta.url), {
      type: 'module',
      name: 'race worker',
    });
    const api = wrap<RaceWorkerApi>(worker);
    const nested = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const pooled: PooledWorker = { worker, api, nested, ready: Promise.resolve(), isolated: false };
    pooled.ready = api.hello(nested).then((hello) => {
      pooled.isolated = hello.isolated;
    });
    worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.broken(pooled, `A worker failed: ${e.message || 'its script did not load'}.`);
    });
    worker.addEventListener('messageerror', () =>
      this.broken(pooled, 'A worker received a message it could not read.'),
    );
    return pooled;
  }

  private broken(pooled: PooledWorker, message: string): void {
    pooled.worker.terminate();
    const at = this.workers.indexOf(pooled);
    if (at < 0) return;
    this.workers.splice(at, 1);
    this.onFailure(message);
  }
}
