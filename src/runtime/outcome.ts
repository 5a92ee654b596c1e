import type { RunConfig } from '../core/config';
import { CELL } from '../core/layout';
import { RecordingMemory, SharedTraceSink } from '../core/recording';
import { SharedMemory } from '../core/sharedMemory';
import { decodeSharedTrace, type Trace } from '../core/trace';
import type { LeafResult } from '../workers/api';
import type { RunPlan } from './plan';
import type { RunOutcome } from './types';

/** Main's own traced read of the counter, then the outcome and its trace. */
export function finishRun(
  plan: RunPlan,
  leaves: LeafResult[],
  workersIsolated: boolean,
  config: RunConfig,
): RunOutcome {
  const { cells, trace: target, threads, expected } = plan;
  let final: number;
  let trace: Trace | null = null;
  if (target) {
    const sink = new SharedTraceSink(cells, target.events, 0, target.regions, target.wallEpoch);
    final = new RecordingMemory(new SharedMemory(cells), sink).load();
    const events = decodeSharedTrace(cells, target.events, target.regions);
    const truncated = Atomics.load(cells, CELL.truncated) === 1;
    trace = { config, threads, events, expected, final, truncated };
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
    workersIsolated,
  };
}
