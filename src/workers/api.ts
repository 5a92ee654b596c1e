import type { TraceRegions } from '../core/layout';
import type { ScenarioId } from '../core/scenarioTypes';
import type { StrategyId } from '../core/strategies';

/** Where a thread records its accesses; absent when the run records no trace. */
export interface TraceTarget {
  /** The shared event buffer: one region per thread, placed by `regions`. */
  events: Int32Array;
  regions: TraceRegions;
  /** Epoch milliseconds the run started at, when wall time is recorded. */
  wallEpoch: number | null;
}

/** One incrementing thread's work: which strategy, how often, and where the run's cells are. */
export interface LeafJob {
  thread: number;
  scenario?: ScenarioId;
  strategy: StrategyId;
  /** Attempts to make (increments, withdrawals, one claim). */
  increments: number;
  /** The leaf's own id, 1…leaves (what a claim writes). */
  me: number;
  /** Busy loads in the race window. */
  work: number;
  /** Leaves of the whole run, all of which meet at the start barrier. */
  leafCount: number;
  /** The run's control cells (counter, lock, clock, barrier, counts). */
  cells: Int32Array;
  trace: TraceTarget | null;
  /**
   * Step mode: wait at this thread's gate before every shared access, so main decides the
   * interleaving one access at a time (see runGatedLeaf). The busy work is skipped.
   */
  gated: boolean;
  /** Test hook: after this many increments the leaf throws instead of finishing. */
  failAfter?: number;
}

/** What a leaf did. Times are epoch milliseconds, so threads with different clocks compare. */
export interface LeafResult {
  thread: number;
  done: number;
  retries: number;
  won: number;
  startedAt: number;
  finishedAt: number;
}

/** A supervisor's work: run its children's jobs in its own workers, then read the counter once. */
export interface SupervisorJob {
  thread: number;
  cells: Int32Array;
  trace: TraceTarget | null;
  children: LeafJob[];
}

export interface SupervisorResult {
  thread: number;
  leaves: LeafResult[];
  /** The counter as the supervisor read it after both children finished. */
  read: number;
  /** Whether every child worker had shared memory. */
  childrenIsolated: boolean;
}

/** What a worker tells about itself when it starts. */
export interface WorkerHello {
  isolated: boolean;
}

/**
 * The one API of the race worker script, exposed with Comlink in the worker and wrapped on the
 * other side (main thread or supervisor).
 */
export interface RaceWorkerApi {
  /**
   * Handshake. `nestedCount` (one cell) is where the worker keeps the number of nested workers it
   * holds, so the main thread can count live workers without asking.
   */
  hello(nestedCount: Int32Array | null): WorkerHello;
  /** Plays a leaf: meets the others at the start barrier, then increments. */
  leaf(job: LeafJob): LeafResult;
  /** Plays a supervisor with nested workers of its own. */
  supervise(job: SupervisorJob): Promise<SupervisorResult>;
}
