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

/** KINDS index of each op code, compare-and-swap counted as succeeded (see kindColumns). */
const KIND_OF_OP = Uint8Array.from({ length: 16 }, (_, op) =>
  op === READ ? 0 : op === WRITE ? 1 : op === ADD ? 2 : op === CAS ? 3 : op === LOCK ? 5 : 6,
);

/** Bit of the per-lane masks (see lod.ts) for a write that erased others' increments. */
export const CLOBBER_BIT = 1 << 7;

/**
 * kindAt for every event, and one byte per event for the level-of-detail masks: the bit of
 * its kind, plus CLOBBER_BIT on the writes at `clobbers` (event indices of the writes that
 * wiped out increments: the findings, a few among millions). One tight pass over the events.
 */
export function kindColumns(
  e: TraceEvents,
  clobbers: Int32Array | null,
): { kind: Uint8Array; bits: Uint8Array } {
  const { op, flags } = e;
  const kind = new Uint8Array(e.length);
  const bits = new Uint8Array(e.length);
  for (let i = 0; i < kind.length; i++) {
    const code = op[i]! & 15;
    const k = code === CAS && (flags[i]! & FLAG.casOk) === 0 ? 4 : KIND_OF_OP[code]!;
    kind[i] = k;
    bits[i] = 1 << k;
  }
  if (clobbers) for (let j = 0; j < clobbers.length; j++) bits[clobbers[j]!]! |= CLOBBER_BIT;
  return { kind, bits };
}
