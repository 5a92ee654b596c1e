import type { RunConfig } from '../core/config';
import { GatedController } from '../core/gatedControl';
import type { Op } from '../core/ops';
import { threadLabel, type ThreadInfo } from '../core/threads';
import type { Trace } from '../core/trace';
import type { LeafResult } from '../workers/api';
import type { RunOutcome, WorkerEngine } from './engine';
import { EngineError, type EngineErrorKind } from './engineError';
import { finishRun } from './outcome';
import type { RunPlan } from './plan';

/**
 * A run in step mode on real workers: every leaf waits at its gate before each shared access
 * and moves only when `step` lets it. Supervisors' reads happen by themselves as soon as their
 * leaves finish; main's final read is made by `finish`.
 */
export interface GatedRun {
  readonly threads: ThreadInfo[];
  /** Leaves that can make their next access now (none while a step is under way). */
  enabled(): number[];
  /** Why a thread cannot move now ("finished", "waiting for the lock held by …"), or null. */
  blockedReason(thread: number): string | null;
  /** The access a thread makes next, or null when it has nothing left to do. */
  nextOp(thread: number): Op | null;
  /**
   * Let one leaf make one access; resolves once the worker has made it and waits again (or
   * finished). Rejects with an EngineError: 'failed' when the thread cannot move (the run goes
   * on), 'stopped' / 'timeout' / 'failed' when the run has ended.
   */
  step(thread: number): Promise<void>;
  /** The leaf that moved at each step so far. */
  readonly schedule: number[];
  /** Every leaf has finished and every supervisor has read: only main's read is left. */
  readonly done: boolean;
  /** Everything recorded so far (grows as you step); `final` is the counter now. */
  trace(): Trace;
  /** Once done: main's recorded final read and the outcome, schedule included. */
  finish(): Promise<RunOutcome>;
  /** End the run and its workers; pending and later steps reject with kind 'stopped'. */
  cancel(): void;
}

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

/** Main's side of a gated run, over the workers the engine has started for it. */
export function createGatedRun(session: GatedSession): GatedRun {
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
    session.release();
    return outcome;
  };

  return {
    threads: controller.threads,
    enabled: () => (outcome ? [] : controller.enabled()),
    blockedReason: (thread) =>
      thread === 0 && outcome ? 'finished' : controller.blockedReason(thread),
    nextOp: (thread) => (thread === 0 && outcome ? null : controller.nextOp(thread)),
    async step(thread) {
      const reason = controller.blockedReason(thread);
      if (reason !== null) {
        const who = threadLabel(controller.threads, thread);
        throw new EngineError('failed', `${who} cannot move: ${reason}.`);
      }
      await guarded(controller.step(thread), 'A step');
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
  engine: WorkerEngine,
  config: RunConfig,
  schedule: readonly number[],
): Promise<RunOutcome> {
  const run = await engine.startGated(config);
  try {
    for (let i = 0; i < schedule.length && !run.done; i++) {
      const thread = schedule[i]!;
      const why = run.blockedReason(thread);
      if (why !== null) {
        const who = threadLabel(run.threads, thread);
        const message = `Step ${i + 1} of the schedule names ${who}, which cannot move: ${why}.`;
        throw new EngineError('failed', message);
      }
      await run.step(thread);
    }
    if (!run.done) {
      const message = `The schedule ran out after ${schedule.length} steps, before the run finished.`;
      throw new EngineError('failed', message);
    }
    return await run.finish();
  } catch (error) {
    run.cancel();
    throw error;
  }
}
