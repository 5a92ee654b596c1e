import type { RunConfig } from '../core/config';
import { GatedController } from '../core/gatedControl';
import { scheduledThread } from '../core/scheduler';
import type { LeafResult } from '../workers/api';
import { EngineError, refused, type EngineErrorKind } from './engineError';
import { finishRun } from './outcome';
import type { RunPlan } from './plan';
import type { GatedStarter, RunOutcome, Stepper } from './types';

/** What the engine hands a gated run: its plan, the workers' answers and its way out. */
export interface GatedSession {
  config: RunConfig;
  plan: RunPlan;
  /** Every leaf's result (resolves once all have finished) and whether all were isolated. */
  results: Promise<{ leaves: LeafResult[]; isolated: boolean }>;
  /** Rejects when the run is stopped, times out or a worker breaks. */
  aborted: Promise<never>;
  /** End the run with this error, terminating its workers. */
  abort(kind: EngineErrorKind, message: string): void;
  /** The run is over with its workers intact: the engine may start the next one. */
  release(): void;
}

/** A step is a few messages between threads; this long means a worker is gone. */
const STEP_TIMEOUT_MS = 20_000;

/**
 * Step mode on real workers: every leaf waits at its gate before each shared access and moves
 * only when `step` lets it (see GatedController). Supervisors' reads happen by themselves as
 * soon as their leaves finish; main's final read is made by `finish`.
 */
export function createGatedRun(session: GatedSession): Stepper {
  const { config, plan } = session;
  const target = plan.trace!;
  const controller = new GatedController(config, {
    cells: plan.cells,
    events: target.events,
    regions: target.regions,
  });
  session.aborted.catch(() => controller.cancel());
  let outcome: RunOutcome | null = null;
  let finishing: Promise<RunOutcome> | null = null;

  /** Race `work` against the run ending, and end it if `work` takes far too long. */
  const guarded = async <T>(work: Promise<T>, what: string): Promise<T> => {
    const timer = setTimeout(
      () => session.abort('timeout', `${what} did not finish within ${STEP_TIMEOUT_MS / 1000} s.`),
      STEP_TIMEOUT_MS,
    );
    try {
      // An ended run wins even when `work` has failed too (its wait was cancelled).
      return await Promise.race([session.aborted, work]);
    } finally {
      clearTimeout(timer);
    }
  };

  const finish = async (): Promise<RunOutcome> => {
    const { leaves, isolated } = await guarded(session.results, 'The workers');
    const result = finishRun(plan, leaves, isolated, config);
    const schedule = [...controller.schedule];
    if (result.trace) result.trace.schedule = schedule;
    outcome = { ...result, schedule };
    controller.scheduler.read(0);
    session.release();
    return outcome;
  };

  return {
    threads: controller.threads,
    enabled: () => controller.enabled(),
    blockedReason: (thread) => controller.blockedReason(thread),
    nextOp: (thread) => controller.nextOp(thread),
    async step(thread) {
      try {
        await guarded(controller.step(thread), 'A step');
      } catch (error) {
        throw refused(error);
      }
    },
    get schedule() {
      return [...controller.schedule];
    },
    get done() {
      return controller.done;
    },
    trace: () => outcome?.trace ?? controller.trace(),
    finish() {
      if (!controller.done) {
        return Promise.reject(new EngineError('failed', 'The run has steps left to take.'));
      }
      return (finishing ??= finish());
    },
    cancel() {
      if (!outcome) session.abort('stopped', 'The run was stopped.');
    },
  };
}

/**
 * Run `config` on real workers in exactly the order `schedule` gives (leaf ids, one per
 * access), as fast as the workers go. Like the simulation's replay, steps left over once the
 * run is done are ignored; a schedule that names a thread that cannot move, or runs out
 * early, rejects with kind 'failed'.
 */
export async function replayOnWorkers(
  engine: GatedStarter,
  config: RunConfig,
  schedule: readonly number[],
): Promise<RunOutcome> {
  const run = await engine.startGated(config);
  try {
    for (let i = 0; !run.done; i++) await run.step(scheduledThread(run, schedule, i));
    return await run.finish();
  } catch (error) {
    run.cancel();
    throw refused(error);
  }
}
