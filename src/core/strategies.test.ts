import { describe, expect, it } from 'vitest';
import { ArrayMemory } from './arrayMemory';
import type { Memory, Op } from './ops';
import { STRATEGIES, STRATEGY_IDS, type ThreadState } from './strategies';

/** The Memory method each op names. */
const METHOD: Record<Op, keyof Memory> = {
  read: 'load',
  write: 'exchange',
  add: 'add',
  cas: 'cas',
  lock: 'lock',
  unlock: 'unlock',
};

/** A memory that writes down every call made on it. */
function countingMemory(counter: number): { mem: Memory; calls: (keyof Memory)[] } {
  const inner = new ArrayMemory(counter);
  const calls: (keyof Memory)[] = [];
  const mem = {} as Memory;
  for (const name of Object.values(METHOD)) {
    (mem as unknown as Record<string, unknown>)[name] = (...args: number[]) => {
      calls.push(name);
      return (inner[name] as (...a: number[]) => unknown)(...args);
    };
  }
  return { mem, calls };
}

/** Every pc of every strategy, with the counter both at and away from the register. */
const cases = STRATEGY_IDS.flatMap((id) =>
  STRATEGIES[id].ops.flatMap((op, pc) =>
    [5, 9].map((counter) => ({ id, pc, op, counter }) as const),
  ),
);

// Catches: a step that makes two shared accesses (say atomic's as a load, then an exchange),
// which would let the scheduler, the explorer and step mode interleave nothing in between.
describe('every strategy makes exactly one shared access per step', () => {
  it.each(cases)('$id at pc $pc ($op), counter $counter', ({ id, pc, op, counter }) => {
    const t: ThreadState = { pc, reg: 5, done: 0, retries: 0, won: 0, me: 1 };
    const { mem, calls } = countingMemory(counter);
    STRATEGIES[id].step(t, mem);
    expect(calls).toEqual([METHOD[op]]);
  });
});
