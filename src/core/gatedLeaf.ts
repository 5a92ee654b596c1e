import { CELL } from './layout';
import type { Memory } from './ops';
import { PC_FINISHED } from './scheduler';
import type { Strategy, ThreadState } from './strategies';

/** Count one more access (or a supervisor's read) by `thread` and wake whoever waits for it. */
export function announceStep(cells: Int32Array, thread: number): void {
  Atomics.add(cells, CELL.stepsBase + thread, 1);
  Atomics.notify(cells, CELL.stepsBase + thread);
}

/**
 * A leaf in step mode: before each shared access it publishes its pc and waits at its gate
 * until main lets it make exactly one `strategy.step`. The busy work is left out: it only
 * widens the race window in free runs, and here main decides every interleaving.
 */
export function runGatedLeaf(
  strategy: Strategy,
  t: ThreadState,
  mem: Memory,
  increments: number,
  cells: Int32Array,
  thread: number,
): void {
  const gate = CELL.gateBase + thread;
  const pc = CELL.pcBase + thread;
  Atomics.store(cells, pc, increments > 0 ? t.pc : PC_FINISHED);
  while (t.done < increments) {
    // Only main notifies this gate, but a wait may also end spuriously: check the value.
    while (Atomics.load(cells, gate) === 0) Atomics.wait(cells, gate, 0);
    // Cleared before the access; main sets it again only after seeing the step announced.
    Atomics.store(cells, gate, 0);
    strategy.step(t, mem);
    // The pc goes out before the announcement, so main reads the new one once it wakes.
    Atomics.store(cells, pc, t.done < increments ? t.pc : PC_FINISHED);
    announceStep(cells, thread);
  }
}
