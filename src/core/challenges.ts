import type { RunConfig } from './config';
import type { StrategyId } from './strategies';

/** A small puzzle for step mode: reach a goal by choosing who moves when. */
export interface Challenge {
  id: string;
  title: string;
  goal: string;
  /** The run it is played on. */
  setup: { workers: number; increments: number; strategy: StrategyId };
  /** Whether a finished run on this setup reached the goal. */
  reached(outcome: { final: number; lost: number }): boolean;
  /** For a goal that cannot be reached: why, shown when the player gives up. */
  impossible?: string;
}

export const CHALLENGES: readonly Challenge[] = [
  {
    id: 'lose-one',
    title: 'Lose one update with 2 workers',
    goal: 'Finish a racy run of 2 workers with at least one increment lost.',
    setup: { workers: 2, increments: 3, strategy: 'racy' },
    reached: ({ lost }) => lost >= 1,
  },
  {
    id: 'end-at-2',
    title: 'End at 2 with 2 workers × 3 increments',
    goal: 'Six increments, and the counter ends at 2.',
    setup: { workers: 2, increments: 3, strategy: 'racy' },
    reached: ({ final }) => final === 2,
  },
  {
    id: 'lock-each',
    title: 'Make lock-each lose an update',
    goal: "Lock the read and the write separately, as Python's Value does, and still lose one.",
    setup: { workers: 2, increments: 3, strategy: 'lock-each' },
    reached: ({ lost }) => lost >= 1,
  },
  {
    id: 'lock',
    title: 'Try to lose one with the lock',
    goal: 'Hold the lock over the read and the write, and try to lose an increment.',
    setup: { workers: 2, increments: 3, strategy: 'lock' },
    reached: ({ lost }) => lost >= 1,
    impossible:
      'It cannot be done. The lock is held from the read to the write, so no other worker can ' +
      'write in between: every write replaces exactly the value its worker read. Every order of ' +
      'steps ends at 6 (the outcome explorer shows a single reachable value).',
  },
];

/** The run config a challenge is played on. */
export const challengeConfig = (c: Challenge): RunConfig => ({
  preset: 'custom',
  work: 0,
  trace: 'auto',
  ...c.setup,
});

/** The challenges a finished run solves: its config must be the challenge's own. */
export function solvedBy(config: RunConfig, outcome: { final: number; lost: number }): string[] {
  return CHALLENGES.filter(
    (c) =>
      config.workers === c.setup.workers &&
      config.increments === c.setup.increments &&
      config.strategy === c.setup.strategy &&
      c.reached(outcome),
  ).map((c) => c.id);
}
