import { proxy, transfer, wrap, type Remote } from 'comlink';
import type { Trace } from '../core/trace';
import type {
  ProcessAnswer,
  TraceInput,
  TraceProgress,
  TraceSummary,
  TraceWorkerApi,
} from '../workers/traceApi';
import { transferList } from '../workers/transferList';
import { watchWorkerEnd, type WorkerEnd } from './workerEnd';

/** Why processing did not answer: stopped by the reader, or the worker broke. */
export class TraceProcessingError extends Error {
  constructor(
    readonly kind: 'stopped' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'TraceProcessingError';
  }
}

interface Connection extends WorkerEnd<TraceProcessingError> {
  api: Remote<TraceWorkerApi>;
}

/**
 * The trace worker, started on first use and kept between traces. Processing cannot be
 * interrupted from inside, so stopping terminates the worker; the next trace starts a new one.
 * One trace at a time: a new one stops the one in flight.
 */
export class TraceClient {
  private connection: Connection | null = null;
  private busy = false;

  /**
   * Read, account and prepare `input` off the main thread. A trace given as columns is
   * transferred to the worker (the caller must not use it again) and comes back in the answer.
   */
  process(input: TraceInput, onProgress: (p: TraceProgress) => void): Promise<ProcessAnswer> {
    if (this.busy) this.stop();
    const c = (this.connection ??= this.connect());
    this.busy = true;
    const moved = input.kind === 'trace' ? transfer(input, transferList(input.trace)) : input;
    return c.race<ProcessAnswer>(c.api.process(moved, proxy(onProgress))).finally(() => {
      if (this.connection === c) this.busy = false;
    });
  }

  /** The trace as a compact file; the trace is copied to the worker, the page keeps its own. */
  encode(trace: Trace, summary: TraceSummary): Promise<Blob> {
    const c = (this.connection ??= this.connect());
    return c.race(c.api.encode(trace, summary));
  }

  /** Start the worker ahead of a trace, so loading its script is not on the trace's way. */
  warm(): void {
    this.connection ??= this.connect();
  }

  /** End the processing in flight, if any; its promise rejects with kind 'stopped'. */
  stop(): void {
    this.connection?.end(new TraceProcessingError('stopped', 'Reading the trace was stopped.'));
  }

  private connect(): Connection {
    const worker = new Worker(new URL('../workers/trace.worker.ts', import.meta.url), {
      type: 'module',
      name: 'trace reader',
    });
    const connection: Connection = {
      api: wrap<TraceWorkerApi>(worker),
      ...watchWorkerEnd(
        worker,
        (why) => new TraceProcessingError('failed', `Reading the trace failed: ${why}`),
        () => {
          if (this.connection !== connection) return;
          this.connection = null;
          this.busy = false;
        },
      ),
    };
    return connection;
  }
}

let client: TraceClient | null = null;
/** The page's one trace worker client, created on first use. */
export const getTraceClient = (): TraceClient => (client ??= new TraceClient());
