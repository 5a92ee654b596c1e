import type { Memory, Op } from './ops';
import type { Strategy, StrategyId, StrategyText, ThreadState } from './strategyTypes';

/**
 * What every scenario's attempt is: read the shared cell, and act only if the value allows.
 * The counter always allows and writes read + 1; the bank allows from 1 and writes read − 1;
 * the claim allows 0 and writes the worker's id.
 */
export interface Guard {
  /** Whether the value read lets the attempt act. */
  allows(seen: number): boolean;
  /** What the attempt writes after reading `seen`. */
  next(seen: number, t: ThreadState): number;
  /** Whether an attempt that acts counts as won (a payment, a claim); the counter's do not. */
  counts: boolean;
}

/**
 * The attempt is over (a refused one makes no second access). The register is forgotten, so
 * the explorer merges states that differ only in a value no one will use.
 */
function endAttempt(t: ThreadState): void {
  t.done++;
  t.reg = 0;
  t.pc = 0;
}

/** An attempt acted: a win where the scenario counts them. */
function win(g: Guard, t: ThreadState): void {
  if (g.counts) t.won++;
}

/** pc 0 of the two-step strategies: read, and go on to pc 1 only if the guard allows. */
function checkedRead(g: Guard, t: ThreadState, mem: Memory): void {
  t.reg = mem.load();
  if (g.allows(t.reg)) t.pc = 1;
  else endAttempt(t);
}

/** A strategy whose behaviour and text are both given. */
const strategy = (
  text: StrategyText,
  id: StrategyId,
  ops: readonly Op[],
  workBefore: number,
  exact: boolean,
  step: Strategy['step'],
): Strategy => ({ ...text, id, ops, workBefore, exact, step });

/** Read, check, then write: another worker can act in between. */
export const racy = (g: Guard, text: StrategyText): Strategy =>
  strategy(text, 'racy', ['read', 'write'], 1, false, (t, mem) => {
    if (t.pc === 0) return checkedRead(g, t, mem);
    mem.exchange(g.next(t.reg, t));
    win(g, t);
    endAttempt(t);
  });

/** Check with a read, then add `delta` atomically: no change is lost, but the check is a step apart. */
export const checkThenAdd = (g: Guard, delta: number, text: StrategyText): Strategy =>
  strategy(text, 'atomic', ['read', 'add'], 1, true, (t, mem) => {
    if (t.pc === 0) return checkedRead(g, t, mem);
    mem.add(delta);
    win(g, t);
    endAttempt(t);
  });

/** Check, then compare-and-swap; a failed swap saw the fresh value, which is checked again. */
export const casLoop = (g: Guard, text: StrategyText): Strategy =>
  strategy(text, 'cas', ['read', 'cas'], 1, true, (t, mem) => {
    if (t.pc === 0) return checkedRead(g, t, mem);
    const held = mem.cas(t.reg, g.next(t.reg, t));
    if (held === t.reg) {
      win(g, t);
      endAttempt(t);
      return;
    }
    // Retry straight away with the value the failed swap saw: no second read needed.
    t.retries++;
    if (g.allows(held)) t.reg = held;
    else endAttempt(t);
  });

/** One indivisible access that is the whole attempt; `act` says whether it won. */
export const indivisible = (
  g: Guard,
  id: StrategyId,
  op: Op,
  act: (t: ThreadState, mem: Memory) => boolean,
  text: StrategyText,
): Strategy =>
  strategy(text, id, [op], 0, true, (t, mem) => {
    if (act(t, mem)) win(g, t);
    endAttempt(t);
  });

const WHOLE: readonly Op[] = ['lock', 'read', 'write', 'unlock'];
const EACH: readonly Op[] = ['lock', 'read', 'unlock', 'lock', 'write', 'unlock'];

/**
 * `lock`: the whole check-and-act under the lock. `lock-each`: the lock taken for the read and
 * again for the write, as Python's Value does, so the check still races.
 */
export function locked(g: Guard, id: 'lock' | 'lock-each', text: StrategyText): Strategy {
  const each = id === 'lock-each';
  const ops = each ? EACH : WHOLE;
  const read = 1;
  const write = ops.indexOf('write');
  const relock = ops.lastIndexOf('lock');
  const last = ops.length - 1;
  // The race window: before the write, or before lock-each takes the lock again for it.
  return strategy(text, id, ops, each ? relock : write, !each, (t, mem) => {
    const pc = t.pc;
    if (pc === 0 || pc === relock) {
      if (mem.lock()) t.pc = pc + 1;
    } else if (pc === read) {
      t.reg = mem.load();
      if (each || g.allows(t.reg)) t.pc = read + 1;
      else {
        // Under the whole lock a refusal goes straight to the release.
        t.reg = 0;
        t.pc = last;
      }
    } else if (pc === write) {
      mem.exchange(g.next(t.reg, t));
      win(g, t);
      t.reg = 0;
      t.pc = write + 1;
    } else {
      mem.unlock();
      if (pc === last) {
        t.done++;
        t.pc = 0;
      } else if (g.allows(t.reg)) {
        // lock-each's release after its read: only now is what was read checked.
        t.pc = pc + 1;
      } else endAttempt(t);
    }
  });
}
