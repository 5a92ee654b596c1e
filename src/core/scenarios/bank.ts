import type { Scenario } from '../scenarioTypes';
import {
  endAttempt,
  framed,
  lockEachGuarded,
  lockGuarded,
  racyGuarded,
  type Guard,
} from './guarded';

const withdraw: Guard = {
  cell: 'balance',
  allows: (seen) => seen >= 1,
  next: (seen) => seen - 1,
  js: { ok: 'seen >= 1', next: 'seen - 1', win: 'paid++;' },
  py: { ok: 'seen >= 1', next: 'seen - 1', win: 'paid += 1' },
  jsFrame: { head: ['for (let i = 0; i < withdrawals; i++) {'], tail: ['}'], indent: '  ' },
  pyFrame: {
    head: ['def func1(balance):', '    for i in range(100):'],
    indent: '        ',
  },
};

const atomic = framed(
  withdraw,
  {
    id: 'atomic',
    label: 'Check, then atomic debit',
    explanation:
      'Atomics.sub loses no debit, but the check before it is a separate step: the balance can go below zero.',
    ops: ['read', 'add'],
    workBefore: 1,
    exact: true,
    step(t, mem) {
      if (t.pc === 0) {
        t.reg = mem.load();
        if (withdraw.allows(t.reg)) t.pc = 1;
        else endAttempt(t);
        return;
      }
      mem.add(-1);
      t.won++;
      endAttempt(t);
    },
  },
  {
    lines: [
      'const seen = Atomics.load(balance, 0);',
      'if (seen >= 1) {',
      '  work();',
      '  Atomics.sub(balance, 0, 1);',
      '  paid++;',
      '}',
    ],
    at: [0, 3],
  },
  {
    lines: [
      'if balance.value >= 1:  # the check',
      '    with balance.get_lock():  # only the debit is atomic',
      '        balance.value -= 1',
      '    paid += 1',
    ],
    at: [0, 2],
  },
);

const cas = framed(
  withdraw,
  {
    id: 'cas',
    label: 'Compare-and-swap loop',
    explanation:
      'Debit only if the balance still holds what was checked; otherwise check the fresh value again.',
    ops: ['read', 'cas'],
    workBefore: 1,
    exact: true,
    step(t, mem) {
      if (t.pc === 0) {
        t.reg = mem.load();
        if (withdraw.allows(t.reg)) t.pc = 1;
        else endAttempt(t);
        return;
      }
      const held = mem.cas(t.reg, t.reg - 1);
      if (held === t.reg) {
        t.won++;
        endAttempt(t);
        return;
      }
      // The failed swap saw the fresh balance: check it again without another read.
      t.retries++;
      if (withdraw.allows(held)) t.reg = held;
      else endAttempt(t);
    },
  },
  {
    lines: [
      'let seen = Atomics.load(balance, 0);',
      'work();',
      'while (seen >= 1) {',
      '  const held = Atomics.compareExchange(balance, 0, seen, seen - 1);',
      '  if (held === seen) { paid++; break; }',
      '  seen = held;',
      '}',
    ],
    at: [0, 3],
  },
  {
    lines: [
      'seen = balance.value',
      'while seen >= 1:',
      '    if compare_and_swap(balance, seen, seen - 1):',
      '        paid += 1',
      '        break',
      '    seen = balance.value',
    ],
    at: [0, 2],
  },
);

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
  chartLabel: 'debits made',
  initial: openingBalance,
  attempts: (s) => s.increments,
  largestRead: (s) => openingBalance(s),
  fixedLength: false,
  asIncrements: (value, initial) => initial - value,
  countsWins: true,
  strategies: {
    racy: racyGuarded(
      withdraw,
      'Read the balance, check it, then write read − 1: debits get lost and the bank pays more than it had.',
    ),
    atomic,
    cas,
    lock: lockGuarded(withdraw, 'The lock is held over the check and the debit: no debit is lost.'),
    'lock-each': lockEachGuarded(
      withdraw,
      "The lock is taken for the read and again for the write, as Python's Value does: debits still get lost.",
    ),
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
