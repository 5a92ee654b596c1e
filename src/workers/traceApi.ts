import type { Accounting } from '../core/accounting';
import type { TraceRegions } from '../core/layout';
import type { Trace, TraceHeader } from '../core/trace';
import type { ModelColumns } from '../timeline/modelColumns';

/** A free run's trace, still in the shared buffer its workers wrote. */
export interface SharedTraceSource {
  cells: Int32Array;
  events: Int32Array;
  regions: TraceRegions;
  header: TraceHeader;
}

/** What the trace worker is asked to read. */
export type TraceInput =
  | { kind: 'shared'; source: SharedTraceSource }
  | { kind: 'trace'; trace: Trace }
  | { kind: 'file'; file: Blob; name: string };

/** A trace read, its books checked and its timeline columns built, all off the main thread. */
export interface ProcessedTrace {
  trace: Trace;
  accounting: Accounting;
  columns: ModelColumns;
}

export type ProcessAnswer =
  { ok: true; processed: ProcessedTrace } | { ok: false; message: string };

/** What a file's summary says of the books. */
export type TraceSummary = Pick<Accounting, 'lost' | 'balanced'>;

/** How far the worker is: which step, over how many accesses, and the share done (0–1). */
export interface TraceProgress {
  step: 'reading' | 'checking' | 'drawing';
  accesses: number;
  fraction: number;
}

/** The one API of the trace worker: everything that passes over every access of a trace. */
export interface TraceWorkerApi {
  /** Read, account and prepare a trace; the answer's arrays are transferred, not copied. */
  process(input: TraceInput, progress: (p: TraceProgress) => void): Promise<ProcessAnswer>;
  /** The trace as a compact, gzip-compressed file (docs/trace-format.md). */
  encode(trace: Trace, summary: TraceSummary): Promise<Blob>;
}
