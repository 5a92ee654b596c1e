import type { RunConfig } from '../config';
import type { StrategyId } from '../strategies';

/** A custom run of `workers` leaves directly under main, recorded. */
export const flatConfig = (
  strategy: StrategyId,
  workers: number,
  increments: number,
  work = 0,
): RunConfig => ({
  preset: 'custom',
  workers,
  increments,
  strategy,
  work,
  trace: 'on',
});
