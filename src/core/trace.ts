import type { RunConfig } from './config';
import { FLAG } from './layout';
import { OPS, type Op } from './ops';
import type { ThreadInfo } from './threads';

/**
 * Every recorded access of a run, sorted by order stamp, stored column by column so a
 * million of them stay compact and fast to scan.
 */
export interface TraceEvents {
  length: number;
  /**
   * Order stamps. Null where each event's stamp is its index, 0, 1, 2, … (a run that recorded
   * every stamp it took, a simulation's steps): no column then, four bytes an access saved;
   * tickAt reads either form. Whole stamps fit a Uint32Array, at half the bytes.
   */
  tick: Float64Array | Uint32Array | null;
  thread: Uint8Array;
  /** Index into OPS. */
  op: Uint8Array;
  value: Int32Array;
  /** What a write replaced (meaningful where flags has FLAG.hasReplaced). */
  replaced: Int32Array;
  flags: Uint8Array;
  /** Milliseconds since the run started, where wall time was recorded. */
  wall: Float64Array | null;
}

/** A whole run as recorded: what was asked, who took part, every access, and the outcome. */
export interface Trace {
  config: RunConfig;
  threads: ThreadInfo[];
  events: TraceEvents;
  expected: number;
  final: number;
  truncated: boolean;
  /** The thread of each leaf access in order, where the run was scheduled (step, replay, sim). */
  schedule?: number[];
}

/** A trace without its events: what travels beside the columns. */
export type TraceHeader = Omit<Trace, 'events'>;

/** One access as a plain object (import, export, tests). */
export interface TraceEvent {
  tick: number;
  thread: number;
  op: Op;
  value: number;
  replaced?: number;
  ok?: boolean;
  wall?: number;
}

/**
 * A trace of a run still in progress (step mode): so far it has promised only the increments
 * whose writes have happened, so that is what its books are checked against.
 */
export function inProgress(trace: Trace): Trace {
  let written = 0;
  for (let i = 0; i < trace.events.length; i++) {
    if (trace.events.flags[i]! & FLAG.hasReplaced) written++;
  }
  return { ...trace, expected: written };
}

/** How a trace keeps its ticks: any numbers, whole numbers (32 bits), or each its index (none). */
export type TickColumn = 'float' | 'whole' | 'index';

/** Allocate empty columns for `n` events, with ticks kept as `ticks` says. */
export function allocEvents(
  n: number,
  withWall: boolean,
  ticks: TickColumn = 'float',
): TraceEvents {
  return {
    length: n,
    tick: ticks === 'index' ? null : ticks === 'whole' ? new Uint32Array(n) : new Float64Array(n),
    thread: new Uint8Array(n),
    op: new Uint8Array(n),
    value: new Int32Array(n),
    replaced: new Int32Array(n),
    flags: new Uint8Array(n),
    wall: withWall ? new Float64Array(n) : null,
  };
}

/** The order stamp of event `i` (hot loops read `tick ? tick[i] : i` themselves). */
export const tickAt = (e: Pick<TraceEvents, 'tick'>, i: number): number =>
  e.tick ? e.tick[i]! : i;

/** The ticks as a column, made where they are each event's index (exports, tests). */
export function tickColumn(e: Pick<TraceEvents, 'tick' | 'length'>): Float64Array | Uint32Array {
  if (e.tick) return e.tick;
  const tick = new Uint32Array(e.length);
  for (let i = 0; i < tick.length; i++) tick[i] = i;
  return tick;
}

/** `tick`, or null when it holds each event's index: the form traces keep those ticks in. */
export function withoutIndexTicks(
  tick: Float64Array | Uint32Array,
): Float64Array | Uint32Array | null {
  for (let i = 0; i < tick.length; i++) if (tick[i] !== i) return tick;
  return null;
}

/** The event at index `i` as a plain object. */
export function eventAt(e: TraceEvents, i: number): TraceEvent {
  const op = OPS[e.op[i]!]!;
  const event: TraceEvent = { tick: tickAt(e, i), thread: e.thread[i]!, op, value: e.value[i]! };
  if (e.flags[i]! & FLAG.hasReplaced) event.replaced = e.replaced[i]!;
  if (op === 'cas') event.ok = (e.flags[i]! & FLAG.casOk) !== 0;
  if (e.wall && e.wall[i]! >= 0) event.wall = e.wall[i]!;
  return event;
}

/** Columns from plain events, sorted by tick (stable, so equal ticks keep their order). */
export function eventsFromList(list: readonly TraceEvent[]): TraceEvents {
  const sorted = list
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].tick - b[0].tick || a[1] - b[1]);
  const withWall = list.some((e) => e.wall !== undefined);
  const out = allocEvents(sorted.length, withWall, 'index');
  const tick = new Float64Array(sorted.length);
  sorted.forEach(([e], i) => {
    tick[i] = e.tick;
    out.thread[i] = e.thread;
    out.op[i] = OPS.indexOf(e.op);
    out.value[i] = e.value;
    const hasReplaced = e.replaced !== undefined && (e.op !== 'cas' || e.ok !== false);
    out.replaced[i] = hasReplaced ? e.replaced! : 0;
    out.flags[i] =
      (hasReplaced ? FLAG.hasReplaced : 0) |
      (e.op === 'cas' && e.ok !== false && hasReplaced ? FLAG.casOk : 0);
    if (out.wall) out.wall[i] = e.wall ?? -1;
  });
  return { ...out, tick: withoutIndexTicks(tick) };
}

/** All events as plain objects, in order. */
export function eventsToList(e: TraceEvents): TraceEvent[] {
  const list: TraceEvent[] = new Array(e.length);
  for (let i = 0; i < e.length; i++) list[i] = eventAt(e, i);
  return list;
}
