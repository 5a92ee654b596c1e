import { accountRun } from '../core/scenarioBooks';
import type { Trace } from '../core/trace';
import { decodeSharedTrace } from '../core/traceDecode';
import { buildModelColumns } from '../timeline/modelColumns';
import type { ProcessAnswer, TraceInput, TraceProgress } from './traceApi';
import { readTraceBlob } from './traceBlob';

/** Share of the progress bar each step ends at. */
const READ_END = 0.5;
const CHECK_END = 0.85;

/** Read the input into a trace, check its books and build the timeline's columns. */
export async function processInput(
  input: TraceInput,
  report: (p: TraceProgress) => void,
): Promise<ProcessAnswer> {
  const progress = wholePercents(report);
  // For profilers and the bench: where each step of the reading ends, in this worker's timeline.
  performance.clearMarks();
  performance.mark('race-lab:trace-start');
  let trace: Trace;
  if (input.kind === 'shared') {
    const { cells, events, regions, header } = input.source;
    const decoded = decodeSharedTrace(cells, events, regions, (done, total) =>
      progress({ step: 'reading', accesses: total, fraction: (READ_END * done) / total }),
    );
    trace = { ...header, events: decoded };
  } else if (input.kind === 'trace') {
    trace = input.trace;
  } else {
    const read = await readTraceBlob(input.file, (fraction) =>
      progress({ step: 'reading', accesses: 0, fraction: READ_END * fraction }),
    );
    if (!read.ok) return { ok: false, message: `Could not open ${input.name}: ${read.message}` };
    trace = read.trace;
  }
  const accesses = trace.events.length;
  performance.mark('race-lab:trace-read');
  progress({ step: 'checking', accesses, fraction: READ_END });
  const accounting = accountRun(trace);
  performance.mark('race-lab:trace-checked');
  progress({ step: 'drawing', accesses, fraction: CHECK_END });
  const columns = buildModelColumns(trace, accounting);
  performance.mark('race-lab:trace-built');
  return { ok: true, processed: { trace, accounting, columns } };
}

/**
 * `report`, called only when the step or the whole percent changes: each call is a message
 * to the page and a render there, and a file's chunks arrive by the thousand.
 */
function wholePercents(report: (p: TraceProgress) => void): (p: TraceProgress) => void {
  let last = '';
  return (p) => {
    const key = `${p.step} ${p.accesses} ${Math.floor(p.fraction * 100)}`;
    if (key === last) return;
    last = key;
    report(p);
  };
}
