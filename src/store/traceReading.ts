import type { Accounting } from '../core/accounting';
import type { Trace } from '../core/trace';
import { getTraceClient, TraceProcessingError } from '../runtime/traceClient';
import { adoptModelColumns } from '../timeline/prebuilt';
import type { TraceInput, TraceProgress } from '../workers/traceApi';

export type { TraceProgress } from '../workers/traceApi';

/** A trace read by the trace worker, ready to show. */
export interface ReadTrace {
  trace: Trace;
  accounting: Accounting | null;
}

/**
 * Read, check and prepare a trace in the trace worker; the timeline adopts the columns it
 * built. Rejects with a TraceProcessingError when stopped, or with the file's problem.
 */
export async function readTrace(
  input: TraceInput,
  onProgress: (p: TraceProgress) => void,
): Promise<ReadTrace> {
  const answer = await getTraceClient().process(input, onProgress);
  performance.mark('race-lab:trace-received');
  if (!answer.ok) throw new TraceProcessingError('failed', answer.message);
  const { trace, accounting, columns } = answer.processed;
  adoptModelColumns(trace, accounting, columns);
  // Shown in a task of its own: the message that brought the trace (and the garbage
  // collection its buffers often start) and the commit that shows it stay two short tasks.
  await new Promise((resolve) => setTimeout(resolve));
  return { trace, accounting };
}

/** Have the trace worker ready before the trace is: a run calls this as it starts. */
export const prepareReading = (): void => getTraceClient().warm();

/** Stop the reading in flight, if any. */
export const stopReading = (): void => getTraceClient().stop();

const count = (n: number) => n.toLocaleString('en');

/** The progress as the reader sees it: "Reading 8,000,000 accesses… 40%". */
export function progressText(p: TraceProgress): string {
  const what = p.accesses > 0 ? `${count(p.accesses)} accesses` : 'the trace file';
  const verb = { reading: 'Reading', checking: 'Checking the books of', drawing: 'Preparing' }[
    p.step
  ];
  return `${verb} ${what}… ${Math.floor(p.fraction * 100)}%`;
}
