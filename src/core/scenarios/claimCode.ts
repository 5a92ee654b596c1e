import type { StrategyId, StrategyText } from '../strategyTypes';

// The worker's Python function around each strategy's one claim.
const py = (body: readonly string[]) => [
  'def func1(owner, me):',
  ...body.map((line) => `    ${line}`),
  '    print(won)',
];

/** The claim's words and code per strategy: if the owner is 0, write my id. */
export const CLAIM_TEXT: Readonly<Record<StrategyId, StrategyText>> = {
  racy: {
    label: 'Racy check then claim',
    explanation:
      'Read the owner, then write my id if it was 0: another worker can do the same in between.',
    js: [
      'let won = false;',
      'const seen = Atomics.load(owner, 0);',
      'if (seen === 0) {',
      '  work(); // the window for another worker',
      '  Atomics.exchange(owner, 0, me);',
      '  won = true;',
      '}',
    ],
    jsLine: [1, 4],
    python: py([
      'won = False',
      'if owner.value == 0:  # read, then check',
      '    owner.value = me  # another worker may have claimed it since',
      '    won = True',
    ]),
    pyLine: [2, 3],
  },
  atomic: {
    label: 'Atomic exchange',
    explanation:
      'Atomics.exchange writes my id and returns the old owner: one winner, but the owner ends as the last writer.',
    js: ['work();', 'const won = Atomics.exchange(owner, 0, me) === 0;'],
    jsLine: [1],
    python: py(['won = exchange(owner, me) == 0  # my id in, the old owner out']),
    pyLine: [1],
    pythonHelper: '# exchange(owner, new): writes new and returns the old value, in one step',
  },
  cas: {
    label: 'Compare-and-swap',
    explanation: 'Write my id only if the owner is still 0, in one indivisible step.',
    js: ['work();', 'const won = Atomics.compareExchange(owner, 0, 0, me) === 0;'],
    jsLine: [1],
    python: py(['won = compare_and_swap(owner, 0, me)']),
    pyLine: [1],
    pythonHelper: '# compare_and_swap(owner, old, new): the atomic step Python’s Value lacks',
  },
  lock: {
    label: 'Lock around check and claim',
    explanation: 'The lock is held over the check and the write: exactly one winner.',
    js: [
      'let won = false;',
      'lock(mutex);',
      'const seen = Atomics.load(owner, 0);',
      'if (seen === 0) {',
      '  work();',
      '  Atomics.exchange(owner, 0, me);',
      '  won = true;',
      '}',
      'unlock(mutex);',
    ],
    jsLine: [1, 2, 5, 8],
    python: py([
      'won = False',
      'with owner.get_lock():',
      '    if owner.value == 0:',
      '        owner.value = me',
      '        won = True',
      '# lock released here',
    ]),
    pyLine: [2, 3, 4, 6],
  },
  'lock-each': {
    label: 'Lock each access',
    explanation:
      'The lock is taken for the read and again for the write: two workers can still both win.',
    js: [
      'let won = false;',
      'lock(mutex);',
      'const seen = Atomics.load(owner, 0);',
      'unlock(mutex);',
      'if (seen === 0) {',
      '  work();',
      '  lock(mutex);',
      '  Atomics.exchange(owner, 0, me);',
      '  unlock(mutex);',
      '  won = true;',
      '}',
    ],
    jsLine: [1, 2, 3, 6, 7, 8],
    python: py([
      'won = False',
      'if owner.value == 0:  # locked read',
      '    owner.value = me  # locked again to write',
      '    won = True',
    ]),
    pyLine: [2, 2, 2, 3, 3, 3],
  },
};
