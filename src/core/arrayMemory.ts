import type { Memory } from './ops';

/**
 * The counter and mutex as plain fields, for engines that interleave accesses themselves
 * (simulation, step mode, explorer). Nothing here blocks: a taken lock is simply refused.
 */
export class ArrayMemory implements Memory {
  private value: number;
  private held = false;

  constructor(initial = 0) {
    this.value = initial;
  }
  /** The counter, read without counting as an access. */
  get counter(): number {
    return this.value;
  }
  /** Whether the lock is taken, read without counting as an access. */
  get locked(): boolean {
    return this.held;
  }
  load(): number {
    return this.value;
  }
  exchange(value: number): number {
    const old = this.value;
    this.value = value | 0;
    return old;
  }
  add(delta: number): number {
    const old = this.value;
    this.value = (old + delta) | 0;
    return old;
  }
  cas(expected: number, value: number): number {
    const old = this.value;
    if (old === expected) this.value = value | 0;
    return old;
  }
  lock(): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }
  unlock(): void {
    this.held = false;
  }
}
