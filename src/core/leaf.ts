import { CELL } from './layout';
import type { Memory } from './ops';
import { spin } from './sharedMemory';
import type { Strategy, ThreadState } from './strategies';

/**
 * Increments between looks at the stop cell when there is no busy work: a stop lands within
 * microseconds, and one load per thousand increments costs nothing measurable.
 */
export const STOP_CHECK_EVERY = 1024;

/**
 * A leaf worker's whole job: `increments` increments by `strategy`, with `work` busy loads
 * in the race window (fewer once main sets the stop cell). Used by the real workers; the
 * simulator steps the same strategy.
 */
export function runLeaf(
  strategy: Strategy,
  t: ThreadState,
  mem: Memory,
  increments: number,
  work: number,
  cells: Int32Array,
): void {
  const windowPc = work > 0 ? strategy.workBefore : -1;
  // With busy work each increment is slow already: look every time.
  const checkEvery = work > 0 ? 1 : STOP_CHECK_EVERY;
  let untilCheck = checkEvery;
  while (t.done < increments) {
    if (t.pc === windowPc) spin(cells, work);
    strategy.step(t, mem);
    // Only between increments (pc 0), so a stopping leaf never leaves the lock held.
    if (t.pc === 0 && --untilCheck === 0) {
      untilCheck = checkEvery;
      if (Atomics.load(cells, CELL.stop) !== 0) return;
    }
  }
}
