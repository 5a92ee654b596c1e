import { indivisible, locked, racy, type Guard } from '../checkThenAct';
import type { Scenario } from '../scenarioTypes';
import { CLAIM_TEXT } from './claimCode';

/** A claim acts only on an owner of 0, writes the worker's id, and counts a winner. */
const claim: Guard = { allows: (seen) => seen === 0, next: (_, t) => t.me, counts: true };

/** First one wins: every worker tries once to write its id into an owner cell that is 0. */
export const CLAIM: Scenario = {
  id: 'claim',
  label: 'Claim',
  lesson: 'If the owner is 0, write my id: done racily, two workers both believe they won.',
  cell: 'owner',
  unit: 'claim',
  attempt: 'claim',
  rated: false,
  chartLabel: 'owner',
  initial: () => 0,
  attempts: () => 1,
  fixedAttempts: 'each worker claims once',
  largestRead: (_, leaves) => leaves,
  fixedLength: false,
  asIncrements: null,
  countsWins: true,
  pyValue: () => "Value('i', 0)",
  pyPassesId: true,
  strategies: {
    racy: racy(claim, CLAIM_TEXT.racy),
    // Exactly one winner, but the owner ends as whoever exchanged last.
    atomic: indivisible(
      claim,
      'atomic',
      'write',
      (t, mem) => mem.exchange(t.me) === 0,
      CLAIM_TEXT.atomic,
    ),
    cas: indivisible(claim, 'cas', 'cas', (t, mem) => mem.cas(0, t.me) === 0, CLAIM_TEXT.cas),
    lock: locked(claim, 'lock', CLAIM_TEXT.lock),
    'lock-each': locked(claim, 'lock-each', CLAIM_TEXT['lock-each']),
  },
  outcome: (_, owner, winners) => ({
    scenario: 'claim',
    final: owner,
    expected: 1,
    lost: winners - 1,
    winners,
    owner,
  }),
  outcomeKey: (_, winners) => [winners],
};
