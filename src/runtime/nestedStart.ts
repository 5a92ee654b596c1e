import { threadLabel } from '../core/threads';
import { EngineError } from './engineError';
import type { RunPlan } from './plan';
import type { PooledWorker, WorkerPool } from './pool';

/** How long a supervisor's nested workers may take to start, and how often it is retried. */
export const NESTED_START_MS = 4000;
export const NESTED_START_TRIES = 3;

/** Whether `promise` resolves within `ms`; a rejection is passed on. */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  return Promise.race([promise.then(() => true), late]).finally(() => clearTimeout(timer));
}

/**
 * Have every supervisor among `workers` start its nested workers, before any job is sent.
 * Firefox sometimes never returns from `new Worker` inside a worker, and that worker stays
 * stuck for good: a supervisor whose children have not all answered within NESTED_START_MS is
 * replaced by a fresh one (in `workers` too), up to NESTED_START_TRIES times. No job has been
 * sent yet, so nothing of the run is lost.
 */
export async function startNestedWorkers(
  pool: Pick<WorkerPool, 'replace'>,
  plan: RunPlan,
  workers: PooledWorker[],
  over: () => boolean,
  waitMs = NESTED_START_MS,
): Promise<void> {
  await Promise.all(
    plan.direct.map(async (d, i) => {
      if (d.role !== 'supervisor') return;
      for (let tries = 1; ; tries++) {
        const w = workers[i]!;
        if (await settlesWithin(w.api.prepare(d.job.children.length), waitMs)) return;
        if (over()) return;
        if (tries === NESTED_START_TRIES) {
          const who = threadLabel(plan.threads, d.job.thread);
          throw new EngineError('failed', `${who} could not start its nested workers.`);
        }
        workers[i] = await pool.replace(w);
      }
    }),
  );
}
