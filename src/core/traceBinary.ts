import { cellOfOp } from './ops';
import { tickAt, type Trace, type TraceEvents } from './trace';
import { align4, BINARY_MAGIC, BINARY_VERSION, byteColumns, PREFIX } from './traceBinaryLayout';
import { CompactTraceReader } from './traceBinaryReader';
import { traceHeader, type ExportOptions, type ImportResult } from './traceFile';

/** Ticks fit the compact int32 form when whole, non-negative and below 2^31 (indices do). */
const intTicks = (tick: TraceEvents['tick']) =>
  !tick || tick.every((t) => Number.isInteger(t) && t >= 0 && t <= 0x7fffffff);

/** Write `words` as four byte planes (all low bytes, then the next…): deltas compress well. */
function putPlanes(out: Uint8Array, at: number, words: Int32Array): number {
  const n = words.length;
  for (let i = 0; i < n; i++) {
    const w = words[i]!;
    out[at + i] = w & 0xff;
    out[at + n + i] = (w >>> 8) & 0xff;
    out[at + 2 * n + i] = (w >>> 16) & 0xff;
    out[at + 3 * n + i] = w >>> 24;
  }
  return at + 4 * n;
}

/**
 * The trace in the compact form of docs/trace-format.md, before compression: the JSON
 * file's header, then the events column by column, each stored as differences from the
 * previous event so that compression squeezes them to a few bits an access.
 */
export function encodeTraceBinary(
  trace: Trace,
  options: ExportOptions = {},
): Uint8Array<ArrayBuffer> {
  const e = trace.events;
  const n = e.length;
  const ints = intTicks(e.tick);
  const head = { ...traceHeader(trace, options), events: n, ticks: ints ? 'int32' : 'float64' };
  const text = new TextEncoder().encode(JSON.stringify({ ...head, wall: e.wall !== null }));
  const columnsAt = align4(PREFIX + text.length);
  const small = byteColumns(n, BINARY_VERSION);
  const bytes = columnsAt + small + 12 * n + (ints ? 0 : 8 * n) + (e.wall ? 8 * n : 0);
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  view.setUint32(0, BINARY_MAGIC, true);
  view.setUint32(4, BINARY_VERSION, true);
  view.setUint32(8, text.length, true);
  out.set(text, PREFIX);
  let at = columnsAt;
  out.set(e.thread, at);
  out.set(e.op, at + n);
  out.set(e.flags, at + 2 * n);
  for (let i = 0; i < n; i++) out[at + 3 * n + i] = cellOfOp(e.op[i]!);
  at += small;
  const delta = new Int32Array(n);
  if (ints)
    for (let i = 0; i < n; i++) delta[i] = i > 0 ? tickAt(e, i) - tickAt(e, i - 1) : tickAt(e, 0);
  at = putPlanes(out, at, delta);
  for (let i = 0; i < n; i++) delta[i] = e.value[i]! - (i > 0 ? e.value[i - 1]! : 0);
  at = putPlanes(out, at, delta);
  for (let i = 0; i < n; i++) delta[i] = e.value[i]! - e.replaced[i]!;
  at = putPlanes(out, at, delta);
  for (const column of ints ? [e.wall] : [e.tick, e.wall]) {
    if (!column) continue;
    for (let i = 0; i < n; i++) view.setFloat64(at + 8 * i, column[i]!, true);
    at += 8 * n;
  }
  return out;
}

/** Whether `bytes` start like a compact trace (after decompression). */
export const isTraceBinary = (bytes: Uint8Array): boolean =>
  bytes.length >= PREFIX &&
  new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) === BINARY_MAGIC;

/** Read a compact trace (decompressed, all at hand): a trace, or a message naming what is wrong. */
export function decodeTraceBinary(bytes: Uint8Array): ImportResult {
  const reader = new CompactTraceReader();
  reader.push(bytes);
  return reader.finish();
}
