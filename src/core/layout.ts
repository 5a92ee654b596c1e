import { accessesPerIncrement, LIMITS, traceWindowed, type RunConfig } from './config';
import type { ThreadInfo } from './threads';

/** Indices into the control `Int32Array` every worker of a run shares. */
export const CELL = {
  counter: 0,
  lock: 1,
  /** The global order stamp: each recorded access takes the next one. */
  clock: 2,
  /** Leaves that have reached the start barrier. */
  arrived: 3,
  /** Flips to 1 when the last leaf arrives; everyone waits on it. */
  go: 4,
  /**
   * Set once when any thread's trace region overflows: all recording stops (a leaf running
   * free notices within PUBLISH_EVERY of its own accesses, see recording.ts).
   */
  truncated: 5,
  /** Target of the busy work's loads, so the work cannot be optimised away. */
  scratch: 6,
  /**
   * Set to 1 by main when a run is stopped: leaves leave their loop at the next increment
   * boundary. Worker.terminate() alone lets a busy loop run on (Chromium waits up to 2 s).
   */
  stop: 7,
  /** Events recorded, one cell per thread. */
  countBase: 16,
  /** Step-mode gates, one cell per thread: main sets 1 to let that leaf make one access. */
  gateBase: 16 + 64,
  /** Step mode: the pc of each leaf's next access, or PC_FINISHED once it is done. */
  pcBase: 16 + 128,
  /** Step mode: accesses each leaf has made (a supervisor: its read), so main can wait for them. */
  stepsBase: 16 + 192,
} as const;

/** Most threads a run can have (16 leaves, their supervisors and main fit). */
export const MAX_THREADS = 64;
export const CONTROL_CELLS = CELL.stepsBase + MAX_THREADS;

/**
 * Int32 words per recorded access: the stamp (order stamp, op and flags packed, see
 * packStamp), the value and the value replaced; a fourth holds wall µs when wall time is
 * recorded. Twelve bytes an access: the fewer pages a trace touches, the less it slows the race.
 */
export const eventStride = (wall: boolean): number => (wall ? 4 : 3);
/** Index of the wall-time word within an event, where there is one. */
export const WALL_WORD = 3;
/**
 * Upper bound on recorded accesses per run, so memory stays bounded (at most 16 bytes each,
 * 160 MB): enough for 4 racy workers × 1,000,000 increments.
 */
export const MAX_TRACE_EVENTS = 10_000_000;

/** Low bits of a stamp: op code (3 bits, six ops) and flags (2 bits, see FLAG). */
const OP_BITS = 3;
const FLAG_BITS = 2;
const CODE_BITS = OP_BITS + FLAG_BITS;
/**
 * One word for the order stamp, op and flags. Order stamps never pass the number of events a
 * run can record (MAX_TRACE_EVENTS plus a batch per thread, far below 2^26), so the shifted
 * stamp stays a positive Int32 and stamps compare in tick order.
 */
export const packStamp = (tick: number, op: number, flags: number): number =>
  (tick << CODE_BITS) | (flags << OP_BITS) | op;
export const stampTick = (stamp: number): number => stamp >>> CODE_BITS;
export const stampOp = (stamp: number): number => stamp & ((1 << OP_BITS) - 1);
export const stampFlags = (stamp: number): number => (stamp >>> OP_BITS) & ((1 << FLAG_BITS) - 1);

export const FLAG = { hasReplaced: 1, casOk: 2 } as const;

/** Events main and each supervisor record: a read or two. */
const SMALL_REGION = 16;

/** Where each thread's events live in the shared trace buffer, counted in events. */
export interface TraceRegions {
  offset: number[];
  capacity: number[];
  /** Events the whole buffer holds. */
  total: number;
  /** Int32 words per event (eventStride): whether each event has a wall-time word. */
  stride: number;
}

/** Size each thread's region for this run: leaves get room for all their accesses, within the bound. */
export function traceRegions(
  config: RunConfig,
  threads: readonly ThreadInfo[],
  wall = false,
): TraceRegions {
  // cas retries add accesses beyond the uncontended count: leave room for one per increment.
  const perIncrement = accessesPerIncrement(config) + (config.strategy === 'cas' ? 1 : 0);
  const leaves = threads.filter((t) => t.role === 'leaf').length;
  const others = threads.length - leaves;
  const budget = traceWindowed(config) ? LIMITS.traceWindowEvents : MAX_TRACE_EVENTS;
  const leafShare = Math.floor((budget - others * SMALL_REGION) / Math.max(1, leaves));
  const leafCapacity = Math.max(
    SMALL_REGION,
    Math.min(config.increments * perIncrement + SMALL_REGION, leafShare),
  );
  const offset: number[] = [];
  const capacity: number[] = [];
  let total = 0;
  for (const t of threads) {
    offset.push(total);
    capacity.push(t.role === 'leaf' ? leafCapacity : SMALL_REGION);
    total += capacity[capacity.length - 1]!;
  }
  return { offset, capacity, total, stride: eventStride(wall) };
}
