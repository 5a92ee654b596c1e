import type { Scenario } from '../scenarioTypes';
import {
  endAttempt,
  framed,
  lockEachGuarded,
  lockGuarded,
  racyGuarded,
  type Guard,
} from './guarded';

const claim: Guard = {
  cell: 'owner',
  allows: (seen) => seen === 0,
  next: (_, t) => t.me,
  js: { ok: 'seen === 0', next: 'me', win: 'won = true;' },
  py: { ok: 'seen == 0', next: 'me', win: 'won = True' },
  jsFrame: { head: [], tail: [], indent: '' },
  pyFrame: { head: ['def func1(owner, me):'], indent: '    ' },
};

const atomic = framed(
  claim,
  {
    id: 'atomic',
    label: 'Atomic exchange',
    explanation:
      'Atomics.exchange writes my id and returns the old owner: one winner, but the owner ends as the last writer.',
    ops: ['write'],
    workBefore: 0,
    exact: true,
    step(t, mem) {
      if (mem.exchange(t.me) === 0) t.won++;
      endAttempt(t);
    },
  },
  { lines: ['work();', 'if (Atomics.exchange(owner, 0, me) === 0) won = true;'], at: [1] },
  { lines: ['if exchange(owner, me) == 0:', '    won = True'], at: [0] },
);

const cas = framed(
  claim,
  {
    id: 'cas',
    label: 'Compare-and-swap',
    explanation: 'Write my id only if the owner is still 0, in one indivisible step.',
    ops: ['cas'],
    workBefore: 0,
    exact: true,
    step(t, mem) {
      if (mem.cas(0, t.me) === 0) t.won++;
      endAttempt(t);
    },
  },
  {
    lines: ['work();', 'if (Atomics.compareExchange(owner, 0, 0, me) === 0) won = true;'],
    at: [1],
  },
  { lines: ['if compare_and_swap(owner, 0, me):', '    won = True'], at: [0] },
);

/** First one wins: every worker tries once to write its id into an owner cell that is 0. */
export const CLAIM: Scenario = {
  id: 'claim',
  label: 'Claim',
  lesson: 'If the owner is 0, write my id: done racily, two workers both believe they won.',
  cell: 'owner',
  unit: 'claim',
  chartLabel: 'owner',
  initial: () => 0,
  attempts: () => 1,
  largestRead: (_, leaves) => leaves,
  fixedLength: false,
  asIncrements: null,
  countsWins: true,
  strategies: {
    racy: racyGuarded(
      claim,
      'Read the owner, then write my id if it was 0: another worker can do the same in between.',
    ),
    atomic,
    cas,
    lock: lockGuarded(claim, 'The lock is held over the check and the write: exactly one winner.'),
    'lock-each': lockEachGuarded(
      claim,
      'The lock is taken for the read and again for the write: two workers can still both win.',
    ),
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
