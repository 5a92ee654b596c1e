import { CELL } from './layout';
import type { Memory } from './ops';

/**
 * The counter and mutex in a shared Int32Array, every access an `Atomics` call. A plain
 * `a[0] = a[0] + 1` would be kept in a register by the JIT and race nothing.
 */
export class SharedMemory implements Memory {
  constructor(private readonly cells: Int32Array) {}
  load(): number {
    return Atomics.load(this.cells, CELL.counter);
  }
  exchange(value: number): number {
    return Atomics.exchange(this.cells, CELL.counter, value);
  }
  add(delta: number): number {
    return Atomics.add(this.cells, CELL.counter, delta);
  }
  cas(expected: number, value: number): number {
    return Atomics.compareExchange(this.cells, CELL.counter, expected, value);
  }
  /** A futex mutex (0 free, 1 held, 2 held with waiters): blocks in Atomics.wait, never spins long. */
  lock(): boolean {
    const c = this.cells;
    let state = Atomics.compareExchange(c, CELL.lock, 0, 1);
    while (state !== 0) {
      if (state === 2 || Atomics.compareExchange(c, CELL.lock, 1, 2) !== 0) {
        Atomics.wait(c, CELL.lock, 2);
      }
      state = Atomics.compareExchange(c, CELL.lock, 0, 2);
    }
    return true;
  }
  unlock(): void {
    if (Atomics.sub(this.cells, CELL.lock, 1) !== 1) {
      Atomics.store(this.cells, CELL.lock, 0);
      Atomics.notify(this.cells, CELL.lock, 1);
    }
  }
}

/** Busy work between read and write: `n` shared loads the JIT cannot drop. */
export function spin(cells: Int32Array, n: number): void {
  let sink = 0;
  for (let i = 0; i < n; i++) sink += Atomics.load(cells, CELL.scratch);
  if (sink !== 0) Atomics.store(cells, CELL.scratch, 0);
}

/** All leaves meet here before their first increment, so they truly start together. */
export function startBarrier(cells: Int32Array, leaves: number): void {
  if (Atomics.add(cells, CELL.arrived, 1) + 1 === leaves) {
    Atomics.store(cells, CELL.go, 1);
    Atomics.notify(cells, CELL.go);
  } else {
    // A stop wakes the waiters (main notifies `go`): they go on and leave at their first check.
    while (Atomics.load(cells, CELL.go) === 0 && Atomics.load(cells, CELL.stop) === 0) {
      Atomics.wait(cells, CELL.go, 0, 1000);
    }
  }
}
