import type { Scenario } from '../scenarioTypes';
import { STRATEGIES } from '../strategies';

/** The lost update itself: workers add 1 to a shared counter. */
export const COUNTER: Scenario = {
  id: 'counter',
  label: 'Counter',
  lesson: 'Read, add one, write back: increments get lost between the read and the write.',
  cell: 'counter',
  unit: 'increment',
  attempt: 'increment',
  rated: true,
  chartLabel: 'counter',
  initial: () => 0,
  attempts: (s) => s.increments,
  fixedAttempts: null,
  largestRead: (s, leaves) => leaves * s.increments,
  fixedLength: true,
  asIncrements: (value) => value,
  countsWins: false,
  pyValue: () => "Value('d', 0)",
  pyPassesId: false,
  strategies: STRATEGIES,
  outcome(s, final) {
    const expected = s.workers * s.increments;
    return { scenario: 'counter', final, expected, lost: expected - final };
  },
  outcomeKey: (final) => [final],
};
