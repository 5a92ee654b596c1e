import { accessesPerIncrement, expectedTotal, traceEnabled, type RunConfig } from '../core/config';
import { CELL, CONTROL_CELLS, traceRegions } from '../core/layout';
import { attemptsOf, initialOf } from '../core/scenarios';
import { buildThreads, leafIds, type ThreadInfo } from '../core/threads';
import type { LeafJob, SupervisorJob, TraceTarget } from '../workers/api';

/** A job for one of the main thread's own workers. */
export type DirectJob = { role: 'leaf'; job: LeafJob } | { role: 'supervisor'; job: SupervisorJob };

/** Everything a run shares and hands out, allocated before any worker is asked. */
export interface RunPlan {
  threads: ThreadInfo[];
  cells: Int32Array;
  trace: TraceTarget | null;
  /** One per child of main, in thread order. */
  direct: DirectJob[];
  expected: number;
}

export interface PlanOptions {
  /** The leaf that throws after half its increments (test hook). */
  failThread?: number;
  /** Epoch milliseconds of the run's start, when wall time is recorded. */
  wallEpoch?: number | null;
  /** Where the trace buffer comes from (a kept one, see SpareTraceBuffer); fresh by default. */
  traceBuffer?: (bytes: number) => SharedArrayBuffer;
  /** Step mode: leaves wait at their gates; always traced, whatever the config says. */
  gated?: boolean;
}

const sharedInts = (count: number): Int32Array =>
  new Int32Array(new SharedArrayBuffer(count * Int32Array.BYTES_PER_ELEMENT));

/** Allocate a run's shared cells and trace buffer and build each worker's job. */
export function planRun(config: RunConfig, options: PlanOptions = {}): RunPlan {
  const threads = buildThreads(config);
  const cells = sharedInts(CONTROL_CELLS);
  let trace: TraceTarget | null = null;
  const gated = options.gated ?? false;
  if (gated || traceEnabled(config)) {
    const wallEpoch = options.wallEpoch ?? null;
    const regions = traceRegions(config, threads, wallEpoch !== null);
    const words = regions.total * regions.stride;
    const bytes = words * Int32Array.BYTES_PER_ELEMENT;
    const buffer = options.traceBuffer?.(bytes) ?? new SharedArrayBuffer(bytes);
    // A kept buffer may be larger than this run needs: the view covers just this run's regions.
    trace = { events: new Int32Array(buffer, 0, words), regions, wallEpoch };
  }
  const leaves = leafIds(threads);
  const leafCount = leaves.length;
  Atomics.store(cells, CELL.counter, initialOf(config));
  const leafJob = (thread: number): LeafJob => {
    const job: LeafJob = {
      thread,
      strategy: config.strategy,
      increments: attemptsOf(config),
      me: leaves.indexOf(thread) + 1,
      work: config.work,
      leafCount,
      cells,
      trace,
      gated,
    };
    if (config.scenario) job.scenario = config.scenario;
    if (__FAULT_INJECTION__ && thread === options.failThread)
      job.failAfter = Math.floor(config.increments / 2);
    return job;
  };
  const direct = threads
    .filter((t) => t.parent === 0)
    .map((t): DirectJob => {
      if (t.role === 'leaf') return { role: 'leaf', job: leafJob(t.id) };
      const children = threads.filter((c) => c.parent === t.id).map((c) => leafJob(c.id));
      return { role: 'supervisor', job: { thread: t.id, cells, trace, children } };
    });
  return { threads, cells, trace, direct, expected: expectedTotal(config) };
}

/** setTimeout fires at once for delays beyond this. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * How long a run may take before it is declared stuck. The allowance (100,000 accesses a
 * second, 10,000,000 busy loads a second) is about a hundredth of what even traced, contended
 * runs manage, so only a run that is really stuck hits it.
 */
export function runTimeoutMs(config: RunConfig): number {
  const increments = expectedTotal(config);
  const accesses = increments * (accessesPerIncrement(config) + 1);
  const ms = 20_000 + accesses * 0.01 + increments * config.work * 0.0001;
  return Math.min(Math.ceil(ms), MAX_TIMER_MS);
}
