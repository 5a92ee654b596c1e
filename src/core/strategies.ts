import type { Memory, Op } from './ops';

export const STRATEGY_IDS = ['racy', 'atomic', 'lock', 'lock-each', 'cas'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

/** Where a worker is inside its loop: `pc` names its next shared access. */
export interface ThreadState {
  pc: number;
  /** The value the worker last read and will build its write on. */
  reg: number;
  /** Increments completed. */
  done: number;
  /** Failed compare-and-swap attempts. */
  retries: number;
}

/** A fresh worker, before its first access. */
export const newThreadState = (): ThreadState => ({ pc: 0, reg: 0, done: 0, retries: 0 });

/**
 * One way to increment a shared counter, written as a small state machine so every engine
 * (real workers, step mode, replay, simulation, explorer) runs the same definition and can
 * stop between any two shared accesses.
 */
export interface Strategy {
  id: StrategyId;
  label: string;
  /** One sentence for the Strategy control. */
  explanation: string;
  /** The access each pc performs. */
  ops: readonly Op[];
  /** The pc before which the "work between read and write" runs (-1: none). */
  workBefore: number;
  /** Does one shared access and advances `t`; when an increment completes, `done` grows. */
  step(t: ThreadState, mem: Memory): void;
  /** Whether every run must end at exactly the expected total. */
  exact: boolean;
  /** The worker's loop body in JavaScript, shown in the code panel. */
  js: readonly string[];
  /** The 0-based line of `js` each pc executes. */
  jsLine: readonly number[];
  /** The Python of the post, changed as this strategy would change it. */
  python: readonly string[];
  /** The 0-based line of `python` each pc corresponds to. */
  pyLine: readonly number[];
}

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
