import type { Accounting } from './accounting';
import { accountRun } from './scenarioBooks';
import type { RunConfig } from './config';
import type { ThreadRole } from './threads';
import { cellOfOp } from './ops';
import { eventAt, type Trace, type TraceEvent, type TraceEvents } from './trace';
import { checkSchedule, checkTotals, identify, notJson, readThreads } from './traceFileChecks';
import { readEvents } from './traceFileEvents';
import { parseEnvelope, TRACE_FORMAT, TRACE_VERSION } from './traceFileSchema';

/**
 * Larger files are refused before they are read: a phone's tab survives reading, checking and
 * drawing a trace of this size. The compact form holds 10,000,000 accesses well within it;
 * the JSON form, about 70 bytes an access, holds about a million.
 */
export const MAX_TRACE_FILE_BYTES = 80_000_000;

/** Why a file of `bytes` is refused, naming the limit. */
export const tooLarge = (bytes: number): string =>
  `The file is too large (${(bytes / 1e6).toFixed(1)} MB): this page opens trace files of up ` +
  `to ${MAX_TRACE_FILE_BYTES / 1e6} MB.`;

/** One thread as written in a file; `role` is optional on import (derived from the tree). */
export interface TraceFileThreadV1 {
  id: number;
  name: string;
  parent: number | null;
  role?: ThreadRole;
}

/** Counts for people reading the file; ignored on import, where they are recomputed. */
export interface TraceFileSummaryV1 {
  events: number;
  /** Increments erased by other writes (the accounting's Σ erased). */
  lost: number;
  /** Whether Σ erased = expected − final and the counter's history chains from 0 to final. */
  balanced: boolean;
}

/** One event as a file holds it: from version 2 on, with the cell it touched. */
export type TraceFileEvent = TraceEvent & { cell: number };

/** Event `i` as a file writes it: the access, then the cell its op touches. */
function fileEventAt(e: TraceEvents, i: number): TraceFileEvent {
  // Added last rather than copied into a new object: a million of these are written at once.
  const event = eventAt(e, i) as TraceFileEvent;
  event.cell = cellOfOp(e.op[i]!);
  return event;
}

/** The Race Lab trace file, version 2 (docs/trace-format.md). */
export interface TraceFileV2 {
  format: typeof TRACE_FORMAT;
  version: typeof TRACE_VERSION;
  generator?: string;
  createdAt?: string;
  summary?: TraceFileSummaryV1;
  config: RunConfig;
  threads: TraceFileThreadV1[];
  expected: number;
  final: number;
  truncated: boolean;
  schedule?: number[];
  events: TraceFileEvent[];
}

export type ImportResult = { ok: true; trace: Trace } | { ok: false; message: string };

/** What an export may be given instead of working it out: the accounting and the time. */
export interface ExportOptions {
  /** The trace's accounting, when the caller has it already (it costs a pass over the events). */
  accounting?: Pick<Accounting, 'lost' | 'balanced'>;
  createdAt?: Date;
}

/** Everything but the events, in the order a file lists its fields (the compact form's too). */
export function traceHeader(trace: Trace, options: ExportOptions): Omit<TraceFileV2, 'events'> {
  const acc = options.accounting ?? accountRun(trace);
  const head: Omit<TraceFileV2, 'events'> = {
    format: TRACE_FORMAT,
    version: TRACE_VERSION,
    generator: 'Race Lab',
    createdAt: (options.createdAt ?? new Date()).toISOString(),
    summary: { events: trace.events.length, lost: acc.lost, balanced: acc.balanced },
    config: { ...trace.config },
    threads: trace.threads.map(({ id, name, parent, role }) => ({ id, name, parent, role })),
    expected: trace.expected,
    final: trace.final,
    truncated: trace.truncated,
  };
  if (trace.schedule) head.schedule = [...trace.schedule];
  return head;
}

/** The trace as a plain file object (small traces, tests); `serializeTrace` writes the same. */
export function traceToFile(trace: Trace, options: ExportOptions = {}): TraceFileV2 {
  const e = trace.events;
  return { ...traceHeader(trace, options), events: Array.from(e.op, (_, i) => fileEventAt(e, i)) };
}

/** Events per JSON.stringify call: large enough to be fast, small enough to bound memory. */
const CHUNK = 65_536;

/**
 * The trace as JSON text, one event per line; equal to JSON.stringify(traceToFile(trace)) but
 * for whitespace. Events are stringified a block at a time from short-lived objects, so two
 * million of them never exist at once; JSON.stringify on blocks measured about twice as fast
 * as building each line by hand.
 */
export function serializeTrace(trace: Trace, options: ExportOptions = {}): string {
  // One top-level field per line, so the file's head reads well in any editor.
  const fields = Object.entries(traceHeader(trace, options));
  const head = fields.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)}`);
  const e = trace.events;
  const blocks: string[] = [];
  for (let start = 0; start < e.length; start += CHUNK) {
    const end = Math.min(e.length, start + CHUNK);
    const block = new Array<TraceFileEvent>(end - start);
    for (let i = start; i < end; i++) block[i - start] = fileEventAt(e, i);
    // Events hold no nested objects, so "},{" only ever falls between two of them.
    blocks.push(JSON.stringify(block).slice(1, -1).replaceAll('},{', '},\n{'));
  }
  const events = blocks.length === 0 ? '[]' : `[\n${blocks.join(',\n')}\n]`;
  return `{${head.join(',\n')},\n"events":${events}}\n`;
}

/** Read a trace file: a trace, or a message naming the first thing wrong. Never throws. */
export function parseTraceFile(text: string): ImportResult {
  try {
    return parseUnsafe(text);
  } catch {
    // The checks are meant to catch everything; this keeps a surprise from breaking the page.
    return { ok: false, message: 'The file could not be read as a Race Lab trace.' };
  }
}

function parseUnsafe(text: string): ImportResult {
  if (typeof text !== 'string') return { ok: false, message: 'The file could not be read.' };
  if (text.length > MAX_TRACE_FILE_BYTES) return { ok: false, message: tooLarge(text.length) };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, message: notJson(text) };
  }
  const kind = identify(data);
  if (kind) return { ok: false, message: kind };
  const envelope = parseEnvelope(data);
  if (!envelope.ok) return envelope;
  const file = envelope.value;
  const threads = readThreads(file);
  if (typeof threads === 'string') return { ok: false, message: threads };
  const problem = checkTotals(file, threads) ?? checkSchedule(file.schedule, threads);
  if (problem) return { ok: false, message: problem };
  const events = readEvents(file.events, threads.length, file.version >= 2);
  if (!events.ok) return events;
  const trace: Trace = {
    config: file.config,
    threads,
    events: events.events,
    expected: file.expected,
    final: file.final,
    truncated: file.truncated,
  };
  if (file.schedule) trace.schedule = file.schedule as number[];
  return { ok: true, trace };
}
