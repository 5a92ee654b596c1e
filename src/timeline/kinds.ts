import { eventBits, hasEvent } from '../core/eventRanks';
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
 * kindAt for every event, in one tight pass, and the writes at `clobbers` (event indices of the
 * writes that wiped out increments: the findings, a few among millions) as a bit per event,
 * 1 MB for 8,000,000 events rather than a byte each.
 */
export function kindColumns(
  e: TraceEvents,
  clobbers: Int32Array | null,
): { kind: Uint8Array; clobbered: Uint32Array } {
  const { op, flags } = e;
  const kind = new Uint8Array(e.length);
  for (let i = 0; i < kind.length; i++) {
    const code = op[i]! & 15;
    kind[i] = code === CAS && (flags[i]! & FLAG.casOk) === 0 ? 4 : KIND_OF_OP[code]!;
  }
  return { kind, clobbered: eventBits(clobbers, e.length) };
}

/** Event `i`'s bit in the level-of-detail masks: its kind's, plus CLOBBER_BIT on a clobber. */
export const maskBitAt = (kind: Uint8Array, clobbered: Uint32Array, i: number): number =>
  (1 << kind[i]!) | (hasEvent(clobbered, i) ? CLOBBER_BIT : 0);
