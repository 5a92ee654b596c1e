import type { RunConfig } from '../core/config';
import { CELL } from '../core/layout';
import { RecordingMemory, SharedTraceSink } from '../core/recording';
import { SharedMemory } from '../core/sharedMemory';
import type { Trace } from '../core/trace';
import { decodeSharedTrace } from '../core/traceDecode';
import type { LeafResult } from '../workers/api';
import type { SharedTraceSource } from '../workers/traceApi';
import type { RunPlan } from './plan';
import type { RunOutcome } from './types';

/**
 * Main's own traced read of the counter, then the outcome and its trace. With `leaveShared`
 * the trace stays in its shared buffer (`sharedTrace`), for the trace worker to read.
 */
export function finishRun(
  plan: RunPlan,
  leaves: LeafResult[],
  workersIsolated: boolean,
  config: RunConfig,
  leaveShared = false,
): RunOutcome {
  const { cells, trace: target, threads, expected } = plan;
  let final: number;
  let trace: Trace | null = null;
  let sharedTrace: SharedTraceSource | undefined;
  if (target) {
    const sink = new SharedTraceSink(cells, target.events, 0, target.regions, target.wallEpoch);
    final = new RecordingMemory(new SharedMemory(cells), sink).load();
    const truncated = Atomics.load(cells, CELL.truncated) === 1;
    const header = { config, threads, expected, final, truncated };
    if (leaveShared) {
      sharedTrace = { cells, events: target.events, regions: target.regions, header };
    } else {
      trace = { ...header, events: decodeSharedTrace(cells, target.events, target.regions) };
    }
  } else {
    final = new SharedMemory(cells).load();
  }
  const started = Math.min(...leaves.map((l) => l.startedAt));
  const ended = Math.max(...leaves.map((l) => l.finishedAt));
  return {
    final,
    expected,
    elapsedMs: Math.max(0, ended - started),
    tallies: leaves.map(({ thread, done, retries, won }) => ({ thread, done, retries, won })),
    trace,
    sharedTrace,
    workersIsolated,
  };
}
