import { casLoop, checkThenAdd, locked, racy, type Guard } from '../checkThenAct';
import type { Scenario } from '../scenarioTypes';
import { BANK_TEXT } from './bankCode';

/** A withdrawal is refused below 1, else debits 1 and counts a payment. */
const withdraw: Guard = { allows: (seen) => seen >= 1, next: (seen) => seen - 1, counts: true };

/** The default opening balance: half of all withdrawals attempted, rounded down. */
export const defaultBalance = (s: { workers: number; increments: number }): number =>
  Math.floor((s.workers * s.increments) / 2);

const openingBalance = (s: Parameters<Scenario['initial']>[0]): number =>
  s.balance ?? defaultBalance(s);

/** Check the balance, then withdraw: racy, the bank pays more than it had. */
export const BANK: Scenario = {
  id: 'bank',
  label: 'Bank',
  lesson:
    'Check the balance, then withdraw: done racily the bank pays more than it had, and an atomic debit after the check overdraws.',
  cell: 'balance',
  unit: 'debit',
  attempt: 'withdrawal',
  rated: true,
  chartLabel: 'debits made',
  initial: openingBalance,
  attempts: (s) => s.increments,
  fixedAttempts: null,
  largestRead: (s) => openingBalance(s),
  fixedLength: false,
  asIncrements: (value, initial) => initial - value,
  countsWins: true,
  pyValue: (s) => `Value('i', ${openingBalance(s)})`,
  pyPassesId: false,
  strategies: {
    racy: racy(withdraw, BANK_TEXT.racy),
    atomic: checkThenAdd(withdraw, -1, BANK_TEXT.atomic),
    cas: casLoop(withdraw, BANK_TEXT.cas),
    lock: locked(withdraw, 'lock', BANK_TEXT.lock),
    'lock-each': locked(withdraw, 'lock-each', BANK_TEXT['lock-each']),
  },
  outcome(s, final, paid) {
    const expected = openingBalance(s) - paid;
    return {
      scenario: 'bank',
      final,
      expected,
      lost: final - expected,
      paid,
      overdrawn: final < 0,
    };
  },
  outcomeKey: (final, paid) => [final, paid],
};
