/** The kinds of shared access a worker can make, in the order their codes are stored. */
export const OPS = ['read', 'write', 'add', 'cas', 'lock', 'unlock'] as const;
export type Op = (typeof OPS)[number];

/** Numeric code of an op, as stored in a trace buffer. */
export const opCode = (op: Op): number => OPS.indexOf(op);

/**
 * The shared memory a strategy works on. The real engine backs it with `Atomics` on a
 * SharedArrayBuffer; the simulated engine and the explorer back it with a plain array.
 * Every method is exactly one shared access, so a scheduler can interleave between any two.
 */
export interface Memory {
  /** Read the counter. */
  load(): number;
  /** Write the counter; returns the value it replaced. */
  exchange(value: number): number;
  /** Add to the counter in one indivisible step; returns the value before. */
  add(delta: number): number;
  /** Write `value` only if the counter holds `expected`; returns what it held. */
  cas(expected: number, value: number): number;
  /** Take the lock. Returns false when it is held and the caller must try again later. */
  lock(): boolean;
  /** Release the lock. */
  unlock(): void;
}

const LOCK_CODE = opCode('lock');
const UNLOCK_CODE = opCode('unlock');

/**
 * The cell an access touches, as trace files name it: 1 for the lock (lock, unlock), 0 for the
 * scenario's shared cell (the counter, the balance, the owner) for every other op. Memory
 * keeps no such column: the op says it.
 */
export const cellOfOp = (code: number): number =>
  code === LOCK_CODE || code === UNLOCK_CODE ? 1 : 0;
