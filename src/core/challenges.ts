import type { RunConfig } from './config';
import type { ScenarioId, ScenarioOutcome } from './scenarioTypes';
import type { StrategyId } from './strategies';

/** What a challenge judges: the result's numbers and, where the scenario has them, more. */
type Ending = { final: number; lost: number; outcome?: ScenarioOutcome };

/** A small puzzle for step mode: reach a goal by choosing who moves when. */
export interface Challenge {
  id: string;
  title: string;
  goal: string;
  /** The run it is played on. */
  setup: {
    workers: number;
    increments: number;
    strategy: StrategyId;
    scenario?: ScenarioId;
    balance?: number;
  };
  /** Whether a finished run on this setup reached the goal. */
  reached(ending: Ending): boolean;
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
  {
    id: 'bank-pays-3',
    title: 'Make the bank pay 3 from a balance of 2',
    goal: 'Two workers withdraw twice each from a balance of 2, racily: get 3 paid out.',
    setup: { workers: 2, increments: 2, strategy: 'racy', scenario: 'bank', balance: 2 },
    reached: ({ outcome }) => (outcome?.paid ?? 0) >= 3,
  },
  {
    id: 'bank-overdraw',
    title: 'Overdraw with atomic debits',
    goal: 'The debit is an atomic subtraction, but the check comes before it: end below zero.',
    setup: { workers: 2, increments: 2, strategy: 'atomic', scenario: 'bank', balance: 2 },
    reached: ({ outcome }) => outcome?.overdrawn === true,
  },
  {
    id: 'two-winners',
    title: 'Two winners',
    goal: 'Both workers check that the owner is 0 and claim it: make each believe it won.',
    setup: { workers: 2, increments: 1, strategy: 'racy', scenario: 'claim' },
    reached: ({ outcome }) => (outcome?.winners ?? 0) >= 2,
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
export function solvedBy(config: RunConfig, ending: Ending): string[] {
  return CHALLENGES.filter(
    (c) =>
      config.workers === c.setup.workers &&
      config.increments === c.setup.increments &&
      config.strategy === c.setup.strategy &&
      config.scenario === c.setup.scenario &&
      config.balance === c.setup.balance &&
      c.reached(ending),
  ).map((c) => c.id);
}
