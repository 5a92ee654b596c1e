import { FLAG } from './layout';
import { OPS, opCode, type Memory } from './ops';
import { strategyOf } from './scenarios';
import { newThreadState, type Strategy } from './strategies';
import type { ThreadInfo } from './threads';
import type { Trace, TraceEvents } from './trace';

const READ = opCode('read');
const WRITE = opCode('write');
const CAS = opCode('cas');

/**
 * Fills events [from, to) of a per-event column `out` (indexed by event, at least `to` long),
 * called with consecutive ranges from 0.
 */
export type ColumnFiller<Column> = (out: Column, from: number, to: number) => void;

/**
 * Answers a strategy's calls with what the trace recorded for one access, so the strategy's
 * own state machine can walk a trace: a read gives the value read, a compare-and-swap
 * succeeds as recorded (a failed one gives the value it saw), a recorded lock was taken.
 */
class RecordedAccess implements Memory {
  value = 0;
  replaced = 0;
  ok = false;
  load(): number {
    return this.value;
  }
  exchange(): number {
    return this.replaced;
  }
  add(): number {
    return this.replaced;
  }
  cas(expected: number): number {
    return this.ok ? expected : this.value;
  }
  lock(): boolean {
    return true;
  }
  unlock(): void {}
}

/**
 * Fills `out` with the strategy line (pc) each event executed, or -1 for accesses that are
 * not the loop body (the supervisors' and main's final reads). Each leaf's events are fed to
 * the strategy's own state machine, with the values they recorded, so a retried swap stays
 * on its pc and a refused attempt (a bank below 1, a claimed owner) goes on to the next
 * attempt, not to the write it never made. Failed lock attempts are never recorded. An access
 * that does not fit where the walk is (a truncated or foreign trace) resynchronises on the
 * next pc with that op, so one odd event cannot shift every later line.
 */
export function pcFiller(
  e: TraceEvents,
  threads: readonly ThreadInfo[],
  strategy: Pick<Strategy, 'ops' | 'step'>,
): ColumnFiller<Int16Array> {
  const ops = Int8Array.from(strategy.ops, (op) => OPS.indexOf(op));
  const cycle = ops.length;
  const leaf = Uint8Array.from({ length: 256 }, (_, t) => (threads[t]?.role === 'leaf' ? 1 : 0));
  const states = threads.map((_, t) => newThreadState(t));
  const access = new RecordedAccess();
  const { thread, op: opColumn, value, replaced, flags } = e;
  return (out, from, to) => {
    for (let i = from; i < to; i++) {
      const t = thread[i]!;
      const op = opColumn[i]!;
      if (!leaf[t]) {
        out[i] = -1;
        continue;
      }
      const state = states[t]!;
      let pc = state.pc;
      if (ops[pc] !== op) {
        let shift = 1;
        while (shift < cycle && ops[(pc + shift) % cycle] !== op) shift++;
        if (shift >= cycle) {
          out[i] = -1;
          continue;
        }
        pc = state.pc = (pc + shift) % cycle;
      }
      out[i] = pc;
      access.value = value[i]!;
      access.replaced = replaced[i]!;
      access.ok = (flags[i]! & FLAG.casOk) !== 0;
      strategy.step(state, access);
    }
  };
}

/**
 * Fills `out`: for each write and compare-and-swap, the index of the access its value was
 * built on: the same thread's latest read, or its latest failed swap (a retry reuses the
 * value that swap saw). -1 elsewhere. This is the thin link drawn from a read to its write.
 */
export function sourceFiller(e: TraceEvents): ColumnFiller<Int32Array> {
  const lastSource = new Int32Array(256).fill(-1);
  const { thread, op: opColumn, flags } = e;
  return (out, from, to) => {
    for (let i = from; i < to; i++) {
      const t = thread[i]!;
      const op = opColumn[i]!;
      out[i] = op === WRITE || op === CAS ? lastSource[t]! : -1;
      if (op === READ || (op === CAS && (flags[i]! & FLAG.casOk) === 0)) lastSource[t] = i;
    }
  };
}

/** Events filled per step at least, so filling far ahead costs few calls. */
const CHUNK = 1 << 16;
/**
 * Events the first step fills; each later one fills as many as are filled already, up to
 * CHUNK: the commit that shows a run asks for its first access only.
 */
const FIRST_CHUNK = 1 << 10;

/**
 * Reads a column of `length` events that is filled left to right only as far as anyone has
 * asked, its storage growing (doubling) with what is filled: the first render of a huge trace
 * pays neither the time nor the memory of columns it only needs near the cursor.
 */
export function lazyColumn<Column extends Int16Array | Int32Array>(
  make: (n: number) => Column,
  length: number,
  fill: ColumnFiller<Column>,
) {
  let column = make(0);
  let filled = 0;
  return (i: number): number => {
    if (i >= filled) {
      const step = Math.min(CHUNK, Math.max(FIRST_CHUNK, filled));
      const to = Math.min(length, Math.max(i + 1, filled + step));
      if (to > column.length) {
        const grown = make(Math.min(length, Math.max(to, 2 * column.length)));
        grown.set(column);
        column = grown;
      }
      fill(column, filled, to);
      filled = to;
    }
    return column[i] ?? -1;
  };
}

/** Every event's pc at once (see pcFiller). */
export function eventPcs(
  e: TraceEvents,
  threads: readonly ThreadInfo[],
  strategy: Pick<Strategy, 'ops' | 'step'>,
): Int16Array {
  const out = new Int16Array(e.length);
  pcFiller(e, threads, strategy)(out, 0, e.length);
  return out;
}

/** Every event's source read at once (see sourceFiller). */
export function sourceReads(e: TraceEvents): Int32Array {
  const out = new Int32Array(e.length);
  sourceFiller(e)(out, 0, e.length);
  return out;
}

const pcsCache = new WeakMap<Trace, (i: number) => number>();

/** The strategy pc of event i of `trace` (see pcFiller), worked out as far as asked, once. */
export function pcAtOf(trace: Trace): (i: number) => number {
  let pcAt = pcsCache.get(trace);
  if (!pcAt) {
    const strategy = strategyOf(trace.config);
    const fill = pcFiller(trace.events, trace.threads, strategy);
    pcAt = lazyColumn((n) => new Int16Array(n), trace.events.length, fill);
    pcsCache.set(trace, pcAt);
  }
  return pcAt;
}
