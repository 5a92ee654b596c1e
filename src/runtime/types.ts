import type { RunConfig } from '../core/config';
import type { Op } from '../core/ops';
import type { ThreadInfo, ThreadTally } from '../core/threads';
import type { Trace } from '../core/trace';
import type { SharedTraceSource } from '../workers/traceApi';

/** What a finished run hands back, whichever engine ran it. */
export interface RunOutcome {
  final: number;
  expected: number;
  /** From the first leaf leaving the start barrier to the last leaf finishing. */
  elapsedMs: number;
  tallies: ThreadTally[];
  trace: Trace | null;
  /**
   * A free run's trace left undecoded in its shared buffer (then `trace` is null): the trace
   * worker reads it. `releaseTrace` hands the buffer back once nothing reads it any more.
   */
  sharedTrace?: SharedTraceSource;
  /** Whether every worker, nested ones included, reported shared memory. */
  workersIsolated: boolean;
  /** Step mode and replay: the leaf that moved at each step (also in `trace.schedule`). */
  schedule?: number[];
}

/**
 * A run the user drives one shared access at a time, on gated real workers or on the
 * simulation: both ask the core scheduler who may move and differ only in how a step is
 * carried out, so step mode, undo and replay work the same on either.
 */
export interface Stepper {
  readonly threads: ThreadInfo[];
  /** Leaves that can make their next access now (none while a step is under way). */
  enabled(): number[];
  /** Why a thread cannot move now ("finished", "waiting for the lock held by …"), or null. */
  blockedReason(thread: number): string | null;
  /** The access a thread makes next, or null when it has nothing left to do. */
  nextOp(thread: number): Op | null;
  /**
   * Let one leaf make one access; resolves once it is made (and any read it made due).
   * Rejects with an EngineError: 'failed' when the thread cannot move (the run goes on),
   * 'stopped' / 'timeout' / 'failed' when the run has ended.
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
  /** End the run; pending and later steps reject with kind 'stopped'. */
  cancel(): void;
}

/** Whatever starts a step-mode run on real workers (the worker engine). */
export interface GatedStarter {
  startGated(config: RunConfig): Promise<Stepper>;
}
