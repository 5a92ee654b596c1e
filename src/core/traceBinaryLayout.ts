import { FLAG, MAX_TRACE_EVENTS } from './layout';
import { OPS, opCode } from './ops';
import type { ThreadInfo } from './threads';
import { checkSchedule, checkTotals, readThreads } from './traceFileChecks';
import { parseEnvelope, type TraceFileEnvelope } from './traceFileSchema';

/** First bytes of a compact trace, before compression: "RLTB". */
export const BINARY_MAGIC = 0x42544c52;
/** The version written: 2 adds a column of cells after the flags. Version 1 files still open. */
export const BINARY_VERSION = 2;
const BINARY_VERSIONS_READ = [1, 2];
/** Bytes before the header text: magic, version, header length. */
export const PREFIX = 12;

export const align4 = (n: number): number => (n + 3) & ~3;

/** Bytes of the one-byte columns (thread, op, flags, and from version 2 cell), padded to 4. */
export const byteColumns = (n: number, version: number): number =>
  align4((version >= 2 ? 4 : 3) * n);

export const NOT_COMPACT = 'This is not a compact Race Lab trace.';

/** Bytes the header takes, as far as `bytes` tell: the prefix, then the prefix and its text. */
export function headBytes(bytes: Uint8Array): number {
  if (bytes.length < PREFIX) return PREFIX;
  return PREFIX + new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
}

/** What a compact trace's header says: the run, and where each column lies in the file. */
export interface BinaryLayout {
  version: number;
  file: TraceFileEnvelope;
  threads: ThreadInfo[];
  /** Events in the file. */
  n: number;
  /** Ticks as int32 byte planes (whole numbers) rather than float64 values. */
  ints: boolean;
  wall: boolean;
  /** Byte offset of the first column. */
  columnsAt: number;
  /** Bytes of the whole file. */
  size: number;
}

/**
 * The header of a compact trace from the file's first bytes: its layout, a message naming
 * what is wrong, or 'short' when more bytes are needed to tell.
 */
export function readBinaryHead(bytes: Uint8Array): BinaryLayout | string | 'short' {
  if (bytes.length < PREFIX) return 'short';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== BINARY_MAGIC) return NOT_COMPACT;
  const version = view.getUint32(4, true);
  if (!BINARY_VERSIONS_READ.includes(version)) {
    return `compact trace version ${version} is not supported (this page reads versions ${BINARY_VERSIONS_READ.join(' and ')}).`;
  }
  const textLength = view.getUint32(8, true);
  if (bytes.length < PREFIX + textLength) return 'short';
  let head: Record<string, unknown>;
  try {
    head = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + textLength)));
  } catch {
    return 'its header is not valid JSON.';
  }
  const n = head.events;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_TRACE_EVENTS) {
    return `events: expected a count of at most ${MAX_TRACE_EVENTS.toLocaleString('en')}`;
  }
  const envelope = parseEnvelope({ ...head, events: [] });
  if (!envelope.ok) return envelope.message;
  const file = envelope.value;
  const threads = readThreads(file);
  if (typeof threads === 'string') return threads;
  const problem = checkTotals(file, threads) ?? checkSchedule(file.schedule, threads);
  if (problem) return problem;
  const ints = head.ticks !== 'float64';
  const wall = head.wall === true;
  const columnsAt = align4(PREFIX + textLength);
  const size =
    columnsAt + byteColumns(n, version) + 12 * n + (ints ? 0 : 8 * n) + (wall ? 8 * n : 0);
  return { version, file, threads, n, ints, wall, columnsAt, size };
}

const READ = opCode('read');
const WRITE = opCode('write');
const ADD = opCode('add');
const CAS = opCode('cas');

/** What is wrong with one event's thread, op and flags, as the recorder writes them; or null. */
export function eventProblem(
  thread: number,
  op: number,
  flags: number,
  threads: number,
): string | null {
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
