import type { StrategyId, StrategyText } from '../strategyTypes';

// The worker's Python function around each strategy's withdrawal; range(100) becomes the run's.
const py = (body: readonly string[]) => [
  'def func1(balance):',
  '    paid = 0',
  '    for i in range(100):',
  ...body.map((line) => `        ${line}`),
  '    print(paid)',
];
// The worker's JavaScript loop around each strategy's withdrawal.
const js = (body: readonly string[]) => [
  'let paid = 0;',
  'for (let i = 0; i < withdrawals; i++) {',
  ...body.map((line) => `  ${line}`),
  '}',
];
// The lines the function heads add before a body's first line.
const PY = 3;
const JS = 2;
const at = (head: number, lines: readonly number[]) => lines.map((l) => l + head);

/** The bank's words and code per strategy: a withdrawal checks the balance, then debits 1. */
export const BANK_TEXT: Readonly<Record<StrategyId, StrategyText>> = {
  racy: {
    label: 'Racy check then debit',
    explanation:
      'Read the balance, check it, then write read − 1: debits get lost and the bank pays more than it had.',
    js: js([
      'const seen = Atomics.load(balance, 0);',
      'if (seen >= 1) {',
      '  work(); // the window for another worker',
      '  Atomics.exchange(balance, 0, seen - 1);',
      '  paid++;',
      '}',
    ]),
    jsLine: at(JS, [0, 3]),
    python: py([
      'if balance.value >= 1:  # read, then check',
      '    balance.value -= 1  # another worker may have debited since',
      '    paid += 1',
    ]),
    pyLine: at(PY, [0, 1]),
  },
  atomic: {
    label: 'Check, then atomic debit',
    explanation:
      'Atomics.sub loses no debit, but the check before it is a separate step: the balance can go below zero.',
    js: js([
      'const seen = Atomics.load(balance, 0);',
      'if (seen >= 1) {',
      '  work();',
      '  Atomics.sub(balance, 0, 1);',
      '  paid++;',
      '}',
    ]),
    jsLine: at(JS, [0, 3]),
    python: py([
      'if balance.value >= 1:  # the check',
      '    with balance.get_lock():  # only the debit is atomic',
      '        balance.value -= 1',
      '    paid += 1',
    ]),
    pyLine: at(PY, [0, 2]),
  },
  cas: {
    label: 'Compare-and-swap loop',
    explanation:
      'Debit only if the balance still holds what was checked; otherwise check the fresh value again.',
    js: js([
      'let seen = Atomics.load(balance, 0);',
      'work();',
      'while (seen >= 1) {',
      '  const held = Atomics.compareExchange(balance, 0, seen, seen - 1);',
      '  if (held === seen) { paid++; break; }',
      '  seen = held;',
      '}',
    ]),
    jsLine: at(JS, [0, 3]),
    python: py([
      'seen = balance.value',
      'while seen >= 1:',
      '    if compare_and_swap(balance, seen, seen - 1):',
      '        paid += 1',
      '        break',
      '    seen = balance.value',
    ]),
    pyLine: at(PY, [0, 2]),
    pythonHelper: '# compare_and_swap(balance, old, new): the atomic step Python’s Value lacks',
  },
  lock: {
    label: 'Lock around check and debit',
    explanation: 'The lock is held over the check and the debit: no debit is lost.',
    js: js([
      'lock(mutex);',
      'const seen = Atomics.load(balance, 0);',
      'if (seen >= 1) {',
      '  work();',
      '  Atomics.exchange(balance, 0, seen - 1);',
      '  paid++;',
      '}',
      'unlock(mutex);',
    ]),
    jsLine: at(JS, [0, 1, 4, 7]),
    python: py([
      'with balance.get_lock():',
      '    if balance.value >= 1:',
      '        balance.value -= 1',
      '        paid += 1',
      '# lock released here',
    ]),
    pyLine: at(PY, [0, 1, 2, 4]),
  },
  'lock-each': {
    label: 'Lock each access',
    explanation:
      "The lock is taken for the read and again for the write, as Python's Value does: debits still get lost.",
    js: js([
      'lock(mutex);',
      'const seen = Atomics.load(balance, 0);',
      'unlock(mutex);',
      'if (seen >= 1) {',
      '  work();',
      '  lock(mutex);',
      '  Atomics.exchange(balance, 0, seen - 1);',
      '  unlock(mutex);',
      '  paid++;',
      '}',
    ]),
    jsLine: at(JS, [0, 1, 2, 5, 6, 7]),
    python: py([
      'if balance.value >= 1:  # locked read',
      '    balance.value -= 1  # locked again to write',
      '    paid += 1',
    ]),
    pyLine: at(PY, [0, 0, 0, 1, 1, 1]),
  },
};
