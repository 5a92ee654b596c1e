import { scenarioOf } from '../core/scenarios';
import { capitalized } from '../core/scenarioTypes';
import type { RunResult } from '../store/runSlice';

/** A count of attempts in the scenario's words: "4,000 withdrawals". */
export function attemptsText(result: RunResult, count: number): string {
  const { attempt } = scenarioOf(result.outcome);
  return `${count.toLocaleString('en')} ${attempt}${count === 1 ? '' : 's'}`;
}

/** Attempts the workers made (a withdrawal refused counts too): what the rate counts. */
export const attemptsMade = (result: RunResult): number =>
  result.tallies.reduce((sum, t) => sum + t.done, 0);

/** The rate line's label ("Withdrawals per second"); null where attempts are too few to make a rate (one claim per worker). */
export function rateLabel(result: RunResult): string | null {
  const { attempt, rated } = scenarioOf(result.outcome);
  return rated ? `${capitalized(attempt)}s per second` : null;
}

/** The run's speed in attempts per second, or null where it has no time or no rate line. */
export function attemptRate(result: RunResult): number | null {
  if (!rateLabel(result) || !result.elapsedMs) return null;
  return Math.round(attemptsMade(result) / (result.elapsedMs / 1000));
}
