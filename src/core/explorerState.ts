import type { Memory } from './ops';

/*
 * How the explorer writes one state of a run as a vector of Int32 words:
 * [counter, lock holder + 1, then per leaf its progress and its register]. Progress is
 * done * 8 + pc (no strategy has more than 8 accesses). A leaf takes one word when progress
 * and register fit in 31 bits together (any config of a few thousand increments), else two.
 */
export const COUNTER = 0;
export const HOLDER = 1;
export const LEAF_BASE = 2;

const bitsFor = (max: number): number => Math.max(1, Math.ceil(Math.log2(max + 1)));

/** How one config packs a leaf into the state vector. */
export class LeafCodec {
  readonly words: 1 | 2;
  private readonly regBits: number;
  private readonly regMask: number;
  /** `largestRead`: the largest register a leaf keeps (registers are never negative). */
  constructor(largestRead: number, increments: number) {
    this.regBits = bitsFor(largestRead);
    this.regMask = 2 ** this.regBits - 1;
    this.words = this.regBits + bitsFor(increments) + 3 <= 31 ? 1 : 2;
  }
  /** Where leaf `i` starts in the vector. */
  at(i: number): number {
    return LEAF_BASE + this.words * i;
  }
  progress(s: Int32Array, at: number): number {
    return this.words === 1 ? s[at]! >>> this.regBits : s[at]!;
  }
  reg(s: Int32Array, at: number): number {
    return this.words === 1 ? s[at]! & this.regMask : s[at + 1]!;
  }
  put(s: Int32Array, at: number, progress: number, reg: number): void {
    if (this.words === 1) s[at] = (progress << this.regBits) | reg;
    else {
      s[at] = progress;
      s[at + 1] = reg;
    }
  }
}

/** The counter and lock of one state; `mover` is the leaf (by position) making the access. */
export class StateMemory implements Memory {
  counter = 0;
  holder = -1;
  mover = 0;
  load(): number {
    return this.counter;
  }
  exchange(value: number): number {
    const old = this.counter;
    this.counter = value | 0;
    return old;
  }
  add(delta: number): number {
    return this.exchange(this.counter + delta);
  }
  cas(expected: number, value: number): number {
    const old = this.counter;
    if (old === expected) this.counter = value | 0;
    return old;
  }
  lock(): boolean {
    if (this.holder >= 0) return false;
    this.holder = this.mover;
    return true;
  }
  unlock(): void {
    this.holder = -1;
  }
}
