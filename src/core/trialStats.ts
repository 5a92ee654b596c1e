import type { StrategyId } from './strategies';

/** The runs of one strategy in a batch of trials, in the order they finished. */
export interface TrialSeries {
  strategy: StrategyId;
  /** What every run should reach when no increment is lost. */
  expected: number;
  finals: number[];
  /** Each run's time from the start barrier to the last worker finishing. */
  elapsedMs: number[];
}

/** What a batch of runs of one strategy came to. */
export interface TrialSummary {
  runs: number;
  /** Runs that ended below the expected total. */
  lostRuns: number;
  /** lostRuns / runs (0 when there are no runs). */
  lostShare: number;
  /** NaN, like min and max, when there are no runs. */
  mean: number;
  min: number;
  max: number;
}

/** Count, share of runs that lost updates, mean, min and max of one series' finals. */
export function summarizeFinals(finals: readonly number[], expected: number): TrialSummary {
  let lostRuns = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (const f of finals) {
    if (f < expected) lostRuns++;
    sum += f;
    if (f < min) min = f;
    if (f > max) max = f;
  }
  const runs = finals.length;
  if (runs === 0) return { runs, lostRuns, lostShare: 0, mean: NaN, min: NaN, max: NaN };
  return { runs, lostRuns, lostShare: lostRuns / runs, mean: sum / runs, min, max };
}
