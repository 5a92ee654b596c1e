import { casLoop, indivisible, locked, racy, type Guard } from './checkThenAct';
import type { Strategy, StrategyId, StrategyText } from './strategyTypes';

export { newThreadState, STRATEGY_IDS } from './strategyTypes';
export type { Strategy, StrategyId, ThreadState } from './strategyTypes';

const PY_HEAD = ['def func1(counter):', '    for i in range(100):'];
const PY_TAIL = ['        print(counter.value)'];

const racyText: StrategyText = {
  label: 'Racy read then write',
  explanation: 'Read the counter, then write read + 1: another worker can write in between.',
  js: [
    'for (let i = 0; i < increments; i++) {',
    '  const seen = Atomics.load(counter, 0);',
    '  work(); // the window for another worker',
    '  Atomics.exchange(counter, 0, seen + 1);',
    '}',
  ],
  jsLine: [1, 3],
  python: [...PY_HEAD, '        counter.value += 1  # read, then write', ...PY_TAIL],
  pyLine: [2, 2],
};

const atomicText: StrategyText = {
  label: 'Atomic increment',
  explanation: 'Atomics.add reads and writes in one indivisible step: nothing can come between.',
  js: ['for (let i = 0; i < increments; i++) {', '  work();', '  Atomics.add(counter, 0, 1);', '}'],
  jsLine: [2],
  python: [
    ...PY_HEAD,
    '        with counter.get_lock():  # one step for the whole +=',
    '            counter.value += 1',
    ...PY_TAIL,
  ],
  pyLine: [3],
};

const lockText: StrategyText = {
  label: 'Lock around read and write',
  explanation: 'A mutex held over the whole read-modify-write: the `with counter.get_lock():` fix.',
  js: [
    'for (let i = 0; i < increments; i++) {',
    '  lock(mutex);',
    '  const seen = Atomics.load(counter, 0);',
    '  work();',
    '  Atomics.exchange(counter, 0, seen + 1);',
    '  unlock(mutex);',
    '}',
  ],
  jsLine: [1, 2, 4, 5],
  python: [
    ...PY_HEAD,
    '        with counter.get_lock():',
    '            counter.value += 1  # read, then write',
    '        # lock released here',
    ...PY_TAIL,
  ],
  pyLine: [2, 3, 3, 4],
};

const lockEachText: StrategyText = {
  label: 'Lock each access',
  explanation:
    "The lock is taken for the read and again for the write, as Python's Value does for +=: updates still get lost.",
  js: [
    'for (let i = 0; i < increments; i++) {',
    '  lock(mutex);',
    '  const seen = Atomics.load(counter, 0);',
    '  unlock(mutex);',
    '  work();',
    '  lock(mutex);',
    '  Atomics.exchange(counter, 0, seen + 1);',
    '  unlock(mutex);',
    '}',
  ],
  jsLine: [1, 2, 3, 5, 6, 7],
  python: [
    ...PY_HEAD,
    '        seen = counter.value      # locked read',
    '        counter.value = seen + 1  # locked write',
    ...PY_TAIL,
  ],
  pyLine: [2, 2, 2, 3, 3, 3],
};

const casText: StrategyText = {
  label: 'Compare-and-swap loop',
  explanation:
    'Write read + 1 only if the counter still holds what was read; otherwise retry with the fresh value.',
  js: [
    'for (let i = 0; i < increments; i++) {',
    '  let seen = Atomics.load(counter, 0);',
    '  work();',
    '  let held;',
    '  while ((held = Atomics.compareExchange(counter, 0, seen, seen + 1)) !== seen) seen = held;',
    '}',
  ],
  jsLine: [1, 4],
  python: [
    ...PY_HEAD,
    '        while True:',
    '            seen = counter.value',
    '            if compare_and_swap(counter, seen, seen + 1):',
    '                break',
    ...PY_TAIL,
  ],
  pyLine: [3, 4],
  pythonHelper: '# compare_and_swap(counter, old, new): the atomic step Python’s Value lacks',
};

/** The counter's check always passes and its write is read + 1; increments are not wins. */
const increment: Guard = { allows: () => true, next: (seen) => seen + 1, counts: false };

/** The counter's strategies, by id: the one definition all engines use. */
export const STRATEGIES: Readonly<Record<StrategyId, Strategy>> = {
  racy: racy(increment, racyText),
  atomic: indivisible(
    increment,
    'atomic',
    'add',
    (_, mem) => {
      mem.add(1);
      return true;
    },
    atomicText,
  ),
  lock: locked(increment, 'lock', lockText),
  'lock-each': locked(increment, 'lock-each', lockEachText),
  cas: casLoop(increment, casText),
};
