import { FLAG } from '../core/layout';
import { opCode } from '../core/ops';
import type { TraceEvents } from '../core/trace';

/**
 * What the timeline draws for one access: the op, with compare-and-swap split by outcome
 * because a failed swap changes nothing and a successful one is a write.
 */
export const KINDS = ['read', 'write', 'add', 'casOk', 'casFail', 'lock', 'unlock'] as const;
export type Kind = (typeof KINDS)[number];

/** Words for the legend and for labels. */
export const KIND_LABEL: Readonly<Record<Kind, string>> = {
  read: 'Read',
  write: 'Write',
  add: 'Atomic add',
  casOk: 'Compare-and-swap (succeeded)',
  casFail: 'Compare-and-swap (failed)',
  lock: 'Lock',
  unlock: 'Unlock',
};

const READ = opCode('read');
const WRITE = opCode('write');
const ADD = opCode('add');
const CAS = opCode('cas');
const LOCK = opCode('lock');

/** Index into KINDS of event `i`. */
export function kindAt(e: TraceEvents, i: number): number {
  const op = e.op[i]!;
  if (op === CAS) return (e.flags[i]! & FLAG.casOk) !== 0 ? 3 : 4;
  if (op === READ) return 0;
  if (op === WRITE) return 1;
  if (op === ADD) return 2;
  return op === LOCK ? 5 : 6;
}

/** KINDS index of each op code, compare-and-swap counted as succeeded (see kindColumn). */
const KIND_OF_OP = Uint8Array.from({ length: 16 }, (_, op) =>
  op === READ ? 0 : op === WRITE ? 1 : op === ADD ? 2 : op === CAS ? 3 : op === LOCK ? 5 : 6,
);

/** kindAt for every event, in one tight pass (a million events in a few milliseconds). */
export function kindColumn(e: TraceEvents): Uint8Array {
  const { op, flags } = e;
  const out = new Uint8Array(e.length);
  for (let i = 0; i < out.length; i++) {
    const code = op[i]! & 15;
    out[i] = code === CAS && (flags[i]! & FLAG.casOk) === 0 ? 4 : KIND_OF_OP[code]!;
  }
  return out;
}

/** Bit of the per-lane masks (see lod.ts) for a write that erased others' increments. */
export const CLOBBER_BIT = 1 << 7;

/**
 * One byte per event: the bit of its kind, plus CLOBBER_BIT on the writes at `clobbers` (event
 * indices of the writes that wiped out increments: the findings, a few among millions of
 * events). These bytes are what the level-of-detail pyramid ORs together.
 */
export function kindBits(kind: Uint8Array, clobbers: Int32Array | null): Uint8Array {
  const out = new Uint8Array(kind.length);
  for (let i = 0; i < out.length; i++) out[i] = 1 << kind[i]!;
  if (clobbers) for (let k = 0; k < clobbers.length; k++) out[clobbers[k]!]! |= CLOBBER_BIT;
  return out;
}
