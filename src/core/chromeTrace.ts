import type { Accounting } from './accounting';
import { CHROME_TRACE_MAX_EVENTS, chromeTraceLeftOut } from './chromeTraceLimit';
import { erasedInOrder } from './findingTable';
import { FLAG } from './layout';
import { OPS } from './ops';
import { threadLabel } from './threads';
import { tickAt, type Trace } from './trace';

/** One entry of `traceEvents` in the Chrome Trace Event Format. */
export interface ChromeTraceEvent {
  name: string;
  ph: 'M' | 'i' | 'X' | 's' | 'f';
  pid: number;
  tid: number;
  ts?: number;
  dur?: number;
  cat?: string;
  s?: 't';
  id?: number;
  bp?: 'e';
  args?: Record<string, unknown>;
}

/** The object form of a Chrome trace, as Perfetto and chrome://tracing open it. */
export interface ChromeTrace {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ns';
  metadata: Record<string, unknown>;
}

const PID = 1;

const FLOW_CATEGORY = 'lost-update';
const FLOW_NAME = 'lost update';
/** Viewers treat tid 0 as special (the idle task), so thread n is tid n + 1. */
const tidOf = (thread: number): number => thread + 1;

/**
 * Timestamps in µs, as the format wants. Wall time (ms, recorded to the µs) is used when every
 * event has it; otherwise each event's order stamp stands in for time, one stamp per µs.
 */
function timestamps(trace: Trace): { ts: Float64Array; clock: 'wall' | 'tick' } {
  const e = trace.events;
  const ts = new Float64Array(e.length);
  const wall = e.wall !== null && e.wall.every((w) => w >= 0) ? e.wall : null;
  for (let i = 0; i < e.length; i++) ts[i] = wall ? Math.round(wall[i]! * 1000) : tickAt(e, i);
  return { ts, clock: wall ? 'wall' : 'tick' };
}

/**
 * The trace in the Chrome Trace Event Format: one track per thread, an instant per access,
 * and a flow arrow for every write another write erased. Viewers draw a flow only forwards
 * in time, so each arrow starts at the erased write and ends at the write that clobbered it.
 */
export function toChromeTrace(trace: Trace, acc: Accounting): ChromeTrace {
  const e = trace.events;
  const kept = Math.min(e.length, CHROME_TRACE_MAX_EVENTS);
  const { ts, clock } = timestamps(trace);
  const out: ChromeTraceEvent[] = [
    { name: 'process_name', ph: 'M', pid: PID, tid: tidOf(0), args: { name: 'Race Lab' } },
  ];
  for (const t of trace.threads) {
    const tid = tidOf(t.id);
    out.push({
      name: 'thread_name',
      ph: 'M',
      pid: PID,
      tid,
      args: { name: threadLabel(trace.threads, t.id) },
    });
    out.push({ name: 'thread_sort_index', ph: 'M', pid: PID, tid, args: { sort_index: t.id } });
  }

  // Flows bind to slices, not instants: every write in a flow also gets a short slice.
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  let flows = 0;
  const { findings, history } = acc;
  for (let k = 0; k < findings.length; k++) {
    for (let p = findings.from[k]!; p < findings.to[k]!; p++) {
      const erased = history.index[p]!;
      const clobber = findings.index[k]!;
      if (erased >= kept || clobber >= kept) continue;
      const forward =
        ts[erased]! < ts[clobber]! || (ts[erased] === ts[clobber] && erased < clobber);
      const [from, to] = forward ? [erased, clobber] : [clobber, erased];
      flows++;
      append(starts, from, flows);
      append(ends, to, flows);
    }
  }
  const sliceLength = sliceLengths(trace, ts);
  const erasedAt = erasedInOrder(findings);

  for (let i = 0; i < kept; i++) {
    const tid = tidOf(e.thread[i]!);
    const op = OPS[e.op[i]!] ?? 'unknown';
    const args: Record<string, unknown> = { value: e.value[i] };
    if (e.flags[i]! & FLAG.hasReplaced) {
      args.replaced = e.replaced[i];
      args.erased = erasedAt(i);
    }
    const name = `${op} ${e.value[i]}`;
    const at = { pid: PID, tid, ts: ts[i]! };
    if (starts.has(i) || ends.has(i)) {
      out.push({ name, ph: 'X', cat: FLOW_CATEGORY, ...at, dur: sliceLength[i]!, args });
    }
    out.push({ name, ph: 'i', s: 't', cat: 'access', ...at, args });
    for (const id of starts.get(i) ?? []) {
      out.push({ name: FLOW_NAME, ph: 's', cat: FLOW_CATEGORY, id, bp: 'e', ...at });
    }
    for (const id of ends.get(i) ?? []) {
      out.push({ name: FLOW_NAME, ph: 'f', cat: FLOW_CATEGORY, id, bp: 'e', ...at });
    }
  }

  return {
    traceEvents: out,
    displayTimeUnit: 'ns',
    metadata: {
      generator: 'Race Lab',
      clock: clock === 'wall' ? 'ts is wall time in µs' : 'ts is the order stamp (tick), not time',
      config: trace.config,
      expected: trace.expected,
      final: trace.final,
      lost: acc.lost,
      balanced: acc.balanced,
      truncated: trace.truncated,
      ...(kept < e.length && { leftOut: chromeTraceLeftOut(e.length) }),
    },
  };
}

function append(map: Map<number, number[]>, key: number, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/**
 * One µs per slice, shortened where the same thread's next event comes sooner, so slices on a
 * track never overlap without nesting (viewers drop slices that do).
 */
function sliceLengths(trace: Trace, ts: Float64Array): Float64Array {
  const e = trace.events;
  const dur = new Float64Array(e.length).fill(1);
  const nextOnThread = new Map<number, number>();
  for (let i = e.length - 1; i >= 0; i--) {
    const next = nextOnThread.get(e.thread[i]!);
    const gap = next === undefined ? 1 : next - ts[i]!;
    if (gap > 0 && gap < 1) dur[i] = gap;
    nextOnThread.set(e.thread[i]!, ts[i]!);
  }
  return dur;
}
