import { announceStep, runGatedLeaf } from '../core/gatedLeaf';
import { CELL } from '../core/layout';
import { runLeaf } from '../core/leaf';
import type { Memory } from '../core/ops';
import { epochNow, RecordingMemory, SharedTraceSink } from '../core/recording';
import { SharedMemory, startBarrier } from '../core/sharedMemory';
import { strategyOf } from '../core/scenarios';
import { newThreadState } from '../core/strategies';
import type { LeafJob, LeafResult, TraceTarget } from './api';

/** The run's shared memory as thread `thread` sees it: recording when the run is traced. */
export function threadMemory(cells: Int32Array, trace: TraceTarget | null, thread: number): Memory {
  return recordingMemory(cells, trace, thread, false).mem;
}

/** Memory for one thread, and the sink recording its accesses when the run is traced. */
function recordingMemory(
  cells: Int32Array,
  trace: TraceTarget | null,
  thread: number,
  batched: boolean,
): { mem: Memory; sink: SharedTraceSink | null } {
  const shared = new SharedMemory(cells);
  if (!trace) return { mem: shared, sink: null };
  const { events, regions, wallEpoch } = trace;
  const sink = new SharedTraceSink(cells, events, thread, regions, wallEpoch, batched);
  return { mem: new RecordingMemory(shared, sink), sink };
}

/**
 * A leaf's whole life in one call: memory, start barrier, increments (free or, in step mode,
 * one access per release of its gate). The browser worker and the Node tests both run exactly
 * this.
 */
export function runLeafJob(job: LeafJob): LeafResult {
  // Step mode reads the trace after every access; a free leaf's is read once it is done.
  const { mem, sink } = recordingMemory(job.cells, job.trace, job.thread, !job.gated);
  sink?.prepare();
  const t = newThreadState(job.me);
  const failAfter = __FAULT_INJECTION__ ? job.failAfter : undefined;
  const stopAt = failAfter ?? job.increments;
  startBarrier(job.cells, job.leafCount);
  const startedAt = epochNow();
  const strategy = strategyOf(job);
  try {
    if (job.gated) runGatedLeaf(strategy, t, mem, stopAt, job.cells, job.thread);
    else runLeaf(strategy, t, mem, stopAt, job.work, job.cells);
  } finally {
    // A batching sink publishes what it has not yet.
    sink?.flush();
  }
  if (failAfter !== undefined) throw new Error(`Test hook: worker ${job.thread} failed`);
  return {
    thread: job.thread,
    done: t.done,
    retries: t.retries,
    won: t.won,
    startedAt,
    finishedAt: epochNow(),
  };
}

/**
 * One read of the counter by `thread` (a supervisor or main), recorded when the run is traced.
 * It is announced in the thread's steps cell: in step mode main waits for a supervisor's read
 * before releasing anything else, so the read sees exactly what the schedule says.
 */
export function readCounter(cells: Int32Array, trace: TraceTarget | null, thread: number): number {
  const value = trace
    ? threadMemory(cells, trace, thread).load()
    : Atomics.load(cells, CELL.counter);
  announceStep(cells, thread);
  return value;
}
