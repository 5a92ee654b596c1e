import { FLAG } from './layout';
import { cellOfOp, OPS } from './ops';
import { allocEvents, type Trace, type TraceEvents } from './trace';
import { bytesOf, concat, copyInto, planes, skip, type Part, type Segment } from './byteSegments';
import { IndexTicks } from './indexTicks';
import {
  byteColumns,
  eventProblem,
  headBytes,
  NOT_COMPACT,
  PREFIX,
  readBinaryHead,
  type BinaryLayout,
} from './traceBinaryLayout';
import type { ImportResult } from './traceFile';

/** The columns' bytes go straight where typed arrays keep them: little-endian, as the file. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/**
 * Reads a compact trace (decompressed, docs/trace-format.md) as its bytes arrive, straight
 * into the trace's columns: nothing as large as the file is held beside them. Byte planes
 * land in their words' bytes and deltas are summed in place at the end, so a trace of
 * millions of events costs its columns' memory and no more.
 */
export class CompactTraceReader {
  private received = 0;
  /** Bytes held until the header can be read. */
  private pending: Uint8Array[] = [];
  private layout: BinaryLayout | null = null;
  private events: TraceEvents | null = null;
  private segments: Segment[] = [];
  /** Bytes to gather before the header is looked at again. */
  private needed = PREFIX;
  /** The first event whose cell is not its op's (-1: none yet), and the cell the file gives. */
  private badCell = -1;
  private badCellGiven = 0;
  private failure: string | null = null;
  /** Whole ticks as they arrive, as differences: a column only when they are not the indices. */
  private readonly ticks = new IndexTicks();

  /** Bytes the whole file has, once its header is read. */
  get expectedBytes(): number | null {
    return this.layout?.size ?? null;
  }

  /** Take the next bytes: null while all is well, else why the file cannot be read. */
  push(chunk: Uint8Array): string | null {
    if (this.failure) return this.failure;
    const at = this.received;
    this.received += chunk.length;
    if (this.layout) {
      this.place(chunk, at);
      return null;
    }
    this.pending.push(chunk);
    if (this.received < this.needed) return null;
    const held = concat(this.pending, this.received);
    this.pending = [held];
    const head = readBinaryHead(held);
    if (head === 'short') {
      this.needed = headBytes(held);
      return null;
    }
    if (typeof head === 'string') return (this.failure = head);
    if (!LITTLE_ENDIAN) return (this.failure = 'this device stores numbers big-endian.');
    try {
      this.start(head);
    } catch {
      // The columns are made as the header says, before the file has arrived: a device
      // short of memory refuses them here (RangeError), and the reader says so.
      const events = head.n.toLocaleString('en');
      return (this.failure = `this device could not set aside memory for ${events} events.`);
    }
    this.pending = [];
    this.place(held, 0);
    return null;
  }

  /** The trace, once every byte has arrived; or why it cannot be read. */
  finish(): ImportResult {
    const fail = (message: string): ImportResult => ({ ok: false, message });
    if (this.failure) return fail(this.failure);
    const layout = this.layout;
    const e = this.events;
    if (!layout || !e) {
      const head = readBinaryHead(concat(this.pending, this.received));
      if (typeof head === 'string') return fail(head);
      return fail(this.received < PREFIX ? NOT_COMPACT : 'the file ends inside its header.');
    }
    const { n, size, threads } = layout;
    if (this.received !== size) {
      return fail(`expected ${size} bytes for ${n} events, not ${this.received}.`);
    }
    // Values and ticks arrived as differences, replaced values as gaps below the value.
    const { thread, op, flags, value, replaced } = e;
    const tick = layout.ints ? this.ticks.deltas : e.tick;
    for (let i = 0, sum = 0, t = 0; i < n; i++) {
      value[i] = sum = (sum + value[i]!) | 0;
      const problem = eventProblem(thread[i]!, op[i]!, flags[i]!, threads.length);
      if (problem) return fail(`events[${i}]: ${problem}`);
      if (i === this.badCell) {
        const own = cellOfOp(op[i]!);
        return fail(`events[${i}]: a ${OPS[op[i]!]} touches cell ${own}, not ${this.badCellGiven}`);
      }
      replaced[i] = flags[i]! & FLAG.hasReplaced ? (sum - replaced[i]!) | 0 : 0;
      if (layout.ints && tick) {
        const delta = tick[i]! | 0;
        if (delta < 0) return fail(`events[${i}].tick: ticks must not decrease`);
        tick[i] = t += delta;
      }
    }
    if (!layout.ints && tick?.some((t, i) => !(t >= 0) || (i > 0 && t < tick[i - 1]!))) {
      return fail('events: ticks must be non-negative and in order');
    }
    const { file } = layout;
    const trace: Trace = {
      config: file.config,
      threads,
      events: { ...e, tick },
      expected: file.expected,
      final: file.final,
      truncated: file.truncated,
    };
    if (file.schedule) trace.schedule = file.schedule as number[];
    return { ok: true, trace };
  }

  /** The header is read: make the columns, and the segments that fill them. */
  private start(layout: BinaryLayout): void {
    const { n, version, ints, wall } = layout;
    const e = allocEvents(n, wall, ints ? 'index' : 'float');
    this.layout = layout;
    this.events = e;
    const parts: Part[] = [
      [n, copyInto(e.thread)],
      [n, copyInto(e.op)],
      [n, copyInto(e.flags)],
    ];
    if (version >= 2) parts.push([n, this.checkCells(e.op)]);
    parts.push([byteColumns(n, version) - parts.length * n, skip]);
    parts.push(...(ints ? this.ticks.planes(n) : [[4 * n, skip] as Part]));
    parts.push(...planes(e.value, n), ...planes(e.replaced, n));
    if (e.tick) parts.push([8 * n, copyInto(bytesOf(e.tick))]);
    if (e.wall) parts.push([8 * n, copyInto(bytesOf(e.wall))]);
    let start = layout.columnsAt;
    this.segments = parts.map(([length, take]) => ({ start, end: (start += length), take }));
  }

  /** Hand the bytes of `chunk`, which starts at file offset `at`, to the segments they fall in. */
  private place(chunk: Uint8Array, at: number): void {
    const end = at + chunk.length;
    for (const s of this.segments) {
      if (s.end <= at || s.start >= end) continue;
      const from = Math.max(s.start, at);
      const to = Math.min(s.end, end);
      s.take(chunk, from - at, to - at, from - s.start);
    }
  }

  /** Version 2's cells are the ops' own (cellOfOp): checked as they arrive, not kept. */
  private checkCells(op: Uint8Array): Segment['take'] {
    return (chunk, from, to, at) => {
      if (this.badCell >= 0) return;
      for (let i = from; i < to; i++) {
        if (chunk[i] === cellOfOp(op[at + i - from]!)) continue;
        this.badCell = at + i - from;
        this.badCellGiven = chunk[i]!;
        return;
      }
    };
  }
}
