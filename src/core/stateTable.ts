/**
 * A set of fixed-width integer vectors, each given an index in the order it was first added,
 * with the step that first reached it. Plain typed arrays and open addressing: millions of
 * states fit in tens of megabytes, where a Map of string keys would need gigabytes.
 */
export class StateTable {
  /** Number of states held. */
  size = 0;
  private words: Int32Array;
  private parents: Int32Array;
  private movers: Uint8Array;
  /** Open-addressed slots holding index + 1 (0: empty); always at most half full. */
  private slots: Int32Array;

  constructor(readonly width: number) {
    this.words = new Int32Array(width * 1024);
    this.parents = new Int32Array(1024);
    this.movers = new Uint8Array(1024);
    this.slots = new Int32Array(2048);
  }

  /**
   * The index of `state`, adding it (reached from `parent` by a step of `mover`) when new.
   * Returns -(index + 1) for a state already held, so callers learn both in one probe.
   */
  intern(state: Int32Array, parent: number, mover: number): number {
    const mask = this.slots.length - 1;
    for (let at = hash(state, this.width) & mask; ; at = (at + 1) & mask) {
      const held = this.slots[at]!;
      if (held === 0) {
        const index = this.append(state, parent, mover);
        this.slots[at] = index + 1;
        if (this.size * 2 > this.slots.length) this.rehash();
        return index;
      }
      if (this.equals(held - 1, state)) return -held;
    }
  }

  /** Copy state `index` into `out`. */
  read(index: number, out: Int32Array): void {
    out.set(this.words.subarray(index * this.width, (index + 1) * this.width));
  }

  /** The state a state was first reached from (-1 for the start). */
  parent(index: number): number {
    return this.parents[index]!;
  }

  /** Which mover's step first reached a state. */
  mover(index: number): number {
    return this.movers[index]!;
  }

  private append(state: Int32Array, parent: number, mover: number): number {
    const index = this.size++;
    if (index >= this.parents.length) {
      this.words = grow(this.words, this.words.length * 2);
      this.parents = grow(this.parents, this.parents.length * 2);
      this.movers = grow(this.movers, this.movers.length * 2);
    }
    this.words.set(state, index * this.width);
    this.parents[index] = parent;
    this.movers[index] = mover;
    return index;
  }

  private equals(index: number, state: Int32Array): boolean {
    const base = index * this.width;
    for (let i = 0; i < this.width; i++) if (this.words[base + i] !== state[i]) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let index = 0; index < this.size; index++) {
      const state = this.words.subarray(index * this.width, (index + 1) * this.width);
      let at = hash(state, this.width) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = index + 1;
    }
    this.slots = slots;
  }
}

function grow<T extends Int32Array | Uint8Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(length);
  bigger.set(array);
  return bigger;
}

/** Murmur3-style mixing: neighbouring states (one counter apart) land far apart. */
function hash(state: Int32Array, width: number): number {
  let h = 0x2545f491;
  for (let i = 0; i < width; i++) {
    let k = Math.imul(state[i]!, 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
