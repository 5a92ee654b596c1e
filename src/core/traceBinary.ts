import { FLAG, MAX_TRACE_EVENTS } from './layout';
import { cellOfOp, OPS, opCode } from './ops';
import { allocEvents, type Trace, type TraceEvents } from './trace';
import { traceHeader, type ExportOptions, type ImportResult } from './traceFile';
import { checkSchedule, checkTotals, readThreads } from './traceFileChecks';
import { parseEnvelope } from './traceFileSchema';

/** First bytes of a compact trace, before compression: "RLTB". */
export const BINARY_MAGIC = 0x42544c52;
/** The version written: 2 adds a column of cells after the flags. Version 1 files still open. */
export const BINARY_VERSION = 2;
const BINARY_VERSIONS_READ = [1, 2];
/** Bytes before the header text: magic, version, header length. */
const PREFIX = 12;

const READ = opCode('read');
const WRITE = opCode('write');
const ADD = opCode('add');
const CAS = opCode('cas');

const align4 = (n: number) => (n + 3) & ~3;

/** Bytes of the one-byte columns (thread, op, flags, and from version 2 cell), padded to 4. */
const byteColumns = (n: number, version: number) => align4((version >= 2 ? 4 : 3) * n);

/** Ticks fit the compact int32 form when whole, non-negative and below 2^31. */
const intTicks = (tick: TraceEvents['tick']) =>
  tick.every((t) => Number.isInteger(t) && t >= 0 && t <= 0x7fffffff);

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

function getPlanes(bytes: Uint8Array, at: number, n: number): Int32Array {
  const words = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    words[i] =
      bytes[at + i]! |
      (bytes[at + n + i]! << 8) |
      (bytes[at + 2 * n + i]! << 16) |
      (bytes[at + 3 * n + i]! << 24);
  }
  return words;
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
  if (ints) for (let i = 0; i < n; i++) delta[i] = e.tick[i]! - (i > 0 ? e.tick[i - 1]! : 0);
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

/** Read a compact trace (decompressed): a trace, or a message naming what is wrong. */
export function decodeTraceBinary(bytes: Uint8Array): ImportResult {
  const fail = (message: string): ImportResult => ({ ok: false, message });
  if (!isTraceBinary(bytes)) return fail('This is not a compact Race Lab trace.');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (!BINARY_VERSIONS_READ.includes(version)) {
    return fail(
      `compact trace version ${version} is not supported (this page reads versions ${BINARY_VERSIONS_READ.join(' and ')}).`,
    );
  }
  const textLength = view.getUint32(8, true);
  if (PREFIX + textLength > bytes.length) return fail('the file ends inside its header.');
  let head: Record<string, unknown>;
  try {
    head = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + textLength)));
  } catch {
    return fail('its header is not valid JSON.');
  }
  const n = head.events;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_TRACE_EVENTS) {
    return fail(`events: expected a count of at most ${MAX_TRACE_EVENTS.toLocaleString('en')}`);
  }
  const envelope = parseEnvelope({ ...head, events: [] });
  if (!envelope.ok) return envelope;
  const file = envelope.value;
  const threads = readThreads(file);
  if (typeof threads === 'string') return fail(threads);
  const problem = checkTotals(file, threads) ?? checkSchedule(file.schedule, threads);
  if (problem) return fail(problem);
  const ints = head.ticks !== 'float64';
  const wall = head.wall === true;
  let at = align4(PREFIX + textLength);
  const small = byteColumns(n, version);
  const size = at + small + 12 * n + (ints ? 0 : 8 * n) + (wall ? 8 * n : 0);
  if (bytes.length !== size)
    return fail(`expected ${size} bytes for ${n} events, not ${bytes.length}.`);
  const e = allocEvents(n, wall);
  e.thread.set(bytes.subarray(at, at + n));
  e.op.set(bytes.subarray(at + n, at + 2 * n));
  e.flags.set(bytes.subarray(at + 2 * n, at + 3 * n));
  // Version 2's cells are the ops' own (cellOfOp): checked, not kept.
  const cells = version >= 2 ? bytes.subarray(at + 3 * n, at + 4 * n) : null;
  at += small;
  const tickDelta = getPlanes(bytes, at, n);
  const valueDelta = getPlanes(bytes, at + 4 * n, n);
  const gap = getPlanes(bytes, at + 8 * n, n);
  at += 12 * n;
  for (let i = 0, tick = 0, value = 0; i < n; i++) {
    value = (value + valueDelta[i]!) | 0;
    e.value[i] = value;
    const problem = eventProblem(e.thread[i]!, e.op[i]!, e.flags[i]!, threads.length);
    if (problem) return fail(`events[${i}]: ${problem}`);
    if (cells && cells[i] !== cellOfOp(e.op[i]!)) {
      return fail(
        `events[${i}]: a ${OPS[e.op[i]!]} touches cell ${cellOfOp(e.op[i]!)}, not ${cells[i]}`,
      );
    }
    if (e.flags[i]! & FLAG.hasReplaced) e.replaced[i] = (value - gap[i]!) | 0;
    if (ints) {
      if (tickDelta[i]! < 0) return fail(`events[${i}].tick: ticks must not decrease`);
      e.tick[i] = tick += tickDelta[i]!;
    }
  }
  for (const column of ints ? [e.wall] : [e.tick, e.wall]) {
    if (!column) continue;
    for (let i = 0; i < n; i++) column[i] = view.getFloat64(at + 8 * i, true);
    at += 8 * n;
  }
  if (!ints && e.tick.some((t, i) => !(t >= 0) || (i > 0 && t < e.tick[i - 1]!))) {
    return fail('events: ticks must be non-negative and in order');
  }
  const trace: Trace = {
    config: file.config,
    threads,
    events: e,
    expected: file.expected,
    final: file.final,
    truncated: file.truncated,
  };
  if (file.schedule) trace.schedule = file.schedule as number[];
  return { ok: true, trace };
}

/** What is wrong with one event's thread, op and flags, as the recorder writes them; or null. */
function eventProblem(thread: number, op: number, flags: number, threads: number): string | null {
  if (thread >= threads) return `no thread has id ${thread}`;
  if (op >= OPS.length) return `unknown op code ${op}`;
  const replaced = (flags & FLAG.hasReplaced) !== 0;
  const casOk = (flags & FLAG.casOk) !== 0;
  if (flags > 3) return `unknown flags ${flags}`;
  if (op === CAS)
    return casOk === replaced ? null : 'a cas replaces a value exactly when it succeeds';
  if (casOk) return `only a cas succeeds or fails, not a ${OPS[op]}`;
  if ((op === WRITE || op === ADD) !== replaced) {
    return op === READ || !(op === WRITE || op === ADD)
      ? `a ${OPS[op]} replaces nothing`
      : `a ${OPS[op]} says what it replaced`;
  }
  return null;
}
