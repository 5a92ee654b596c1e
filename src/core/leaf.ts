import type { Memory } from './ops';
import { spin } from './sharedMemory';
import type { Strategy, ThreadState } from './strategies';

/**
 * A leaf worker's whole job: `increments` increments by `strategy`, with `work` busy loads
 * in the race window. Used by the real workers; the simulator steps the same strategy.
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
  while (t.done < increments) {
    if (t.pc === windowPc) spin(cells, work);
    strategy.step(t, mem);
  }
}
