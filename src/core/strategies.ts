import type { Strategy, StrategyId } from './strategyTypes';

export { newThreadState, STRATEGY_IDS } from './strategyTypes';
export type { Strategy, StrategyId, ThreadState } from './strategyTypes';

const PY_HEAD = ['def func1(counter):', '    for i in range(100):'];
const PY_TAIL = ['        print(counter.value)'];

const racy: Strategy = {
  id: 'racy',
  label: 'Racy read then write',
  explanation: 'Read the counter, then write read + 1: another worker can write in between.',
  ops: ['read', 'write'],
  workBefore: 1,
  exact: false,
  step(t, mem) {
    if (t.pc === 0) {
      t.reg = mem.load();
      t.pc = 1;
    } else {
      mem.exchange(t.reg + 1);
      t.done++;
      t.pc = 0;
    }
  },
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

const atomic: Strategy = {
  id: 'atomic',
  label: 'Atomic increment',
  explanation: 'Atomics.add reads and writes in one indivisible step: nothing can come between.',
  ops: ['add'],
  workBefore: 0,
  exact: true,
  step(t, mem) {
    mem.add(1);
    t.done++;
  },
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

const lock: Strategy = {
  id: 'lock',
  label: 'Lock around read and write',
  explanation: 'A mutex held over the whole read-modify-write: the `with counter.get_lock():` fix.',
  ops: ['lock', 'read', 'write', 'unlock'],
  workBefore: 2,
  exact: true,
  step(t, mem) {
    switch (t.pc) {
      case 0:
        if (mem.lock()) t.pc = 1;
        return;
      case 1:
        t.reg = mem.load();
        t.pc = 2;
        return;
      case 2:
        mem.exchange(t.reg + 1);
        t.pc = 3;
        return;
      default:
        mem.unlock();
        t.done++;
        t.pc = 0;
    }
  },
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

const lockEach: Strategy = {
  id: 'lock-each',
  label: 'Lock each access',
  explanation:
    "The lock is taken for the read and again for the write, as Python's Value does for +=: updates still get lost.",
  ops: ['lock', 'read', 'unlock', 'lock', 'write', 'unlock'],
  workBefore: 3,
  exact: false,
  step(t, mem) {
    switch (t.pc) {
      case 0:
      case 3:
        if (mem.lock()) t.pc++;
        return;
      case 1:
        t.reg = mem.load();
        t.pc = 2;
        return;
      case 2:
        mem.unlock();
        t.pc = 3;
        return;
      case 4:
        mem.exchange(t.reg + 1);
        t.pc = 5;
        return;
      default:
        mem.unlock();
        t.done++;
        t.pc = 0;
    }
  },
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

const cas: Strategy = {
  id: 'cas',
  label: 'Compare-and-swap loop',
  explanation:
    'Write read + 1 only if the counter still holds what was read; otherwise retry with the fresh value.',
  ops: ['read', 'cas'],
  workBefore: 1,
  exact: true,
  step(t, mem) {
    if (t.pc === 0) {
      t.reg = mem.load();
      t.pc = 1;
      return;
    }
    const held = mem.cas(t.reg, t.reg + 1);
    if (held === t.reg) {
      t.done++;
      t.pc = 0;
    } else {
      // Retry straight away with the value the failed swap saw: no second read needed.
      t.retries++;
      t.reg = held;
    }
  },
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
};

/** Every strategy, by id: the one definition all engines use. */
export const STRATEGIES: Readonly<Record<StrategyId, Strategy>> = {
  racy,
  atomic,
  lock,
  'lock-each': lockEach,
  cas,
};
