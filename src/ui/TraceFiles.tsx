import { useRef, useState, type DragEvent } from 'react';
import type * as ChromeTraceModule from '../core/chromeTrace';
import type * as TraceFileModule from '../core/traceFile';
import { useLab } from '../store/labStore';
import { selectAccounting, selectRunning, selectTrace } from '../store/selectors';
import { downloadBlob, downloadText, traceFileName } from './download';
import { chromeTraceLeftOut } from '../core/chromeTraceLimit';
import { getTraceClient } from '../runtime/traceClient';
import type { Accounting } from '../core/accounting';
import type { Trace } from '../core/trace';

type TraceFormats = typeof TraceFileModule & typeof ChromeTraceModule;

// Reading and writing trace files (schema checks, Chrome's format) loads on first use: the
// first view only needs the buttons.
let formats: Promise<TraceFormats> | undefined;
function loadFormats(): Promise<TraceFormats> {
  formats ??= Promise.all([import('../core/traceFile'), import('../core/chromeTrace')]).then(
    ([file, chrome]) => ({ ...file, ...chrome }),
  );
  // A failed load (offline, a redeploy) is tried again on the next click.
  formats.catch(() => (formats = undefined));
  return formats;
}

/** Run `action` with the trace formats, or say why they could not be loaded. */
async function withFormats(action: (f: TraceFormats) => void | Promise<void>): Promise<void> {
  let loaded: TraceFormats;
  try {
    loaded = await loadFormats();
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    useLab.getState().addNotices('import', [`Could not load the trace file code: ${why}`]);
    return;
  }
  await action(loaded);
}

/** Runs up to this many accesses also download as JSON (about 60 bytes an access). */
const JSON_MAX_EVENTS = 1_000_000;
const JSON_LIMIT_TEXT = `JSON is offered up to ${JSON_MAX_EVENTS.toLocaleString('en')} accesses.`;

/** Write the compact file in the trace worker and hand it to the browser. */
async function downloadCompact(trace: Trace, accounting: Accounting, name: string) {
  try {
    const { lost, balanced } = accounting;
    downloadBlob(name, await getTraceClient().encode(trace, { lost, balanced }));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    useLab.getState().addNotices('import', [`Could not write the trace file: ${why}`]);
  }
}

/** Download the run's trace (Race Lab JSON, Chrome trace) and open a saved one. */
export function TraceFiles() {
  const trace = useLab(selectTrace);
  const accounting = useLab(selectAccounting);
  const running = useLab(selectRunning);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const accesses = trace?.events.length ?? 0;
  const jsonTooLarge = accesses > JSON_MAX_EVENTS;
  const leftOut = chromeTraceLeftOut(accesses);
  const name = (suffix?: string) =>
    traceFileName(trace!.config.preset, trace!.config.strategy, suffix);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !running) void useLab.getState().openTrace(file);
  };
  return (
    <section
      className={`panel trace-files${dragging ? ' dragging' : ''}`}
      aria-label="Trace files"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <button
        type="button"
        disabled={!trace || !accounting}
        onClick={() => void downloadCompact(trace!, accounting!, name('trace.gz'))}
      >
        Download trace
      </button>
      <button
        type="button"
        disabled={!trace || jsonTooLarge}
        title={jsonTooLarge ? JSON_LIMIT_TEXT : undefined}
        onClick={() => void withFormats((f) => downloadText(name(), f.serializeTrace(trace!)))}
      >
        Download trace as JSON
      </button>
      <button
        type="button"
        disabled={!trace || !accounting}
        onClick={() =>
          void withFormats((f) =>
            downloadText(
              name('chrome-trace.json'),
              JSON.stringify(f.toChromeTrace(trace!, accounting!)),
            ),
          )
        }
      >
        Download Chrome trace
      </button>
      {(jsonTooLarge || leftOut !== '') && (
        <small className="field-hint">
          {jsonTooLarge && `${JSON_LIMIT_TEXT} `}
          {leftOut}
        </small>
      )}
      <button type="button" disabled={running} onClick={() => input.current?.click()}>
        Open trace
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,.gz,application/json,application/gzip"
        hidden
        data-testid="trace-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void useLab.getState().openTrace(file);
        }}
      />
      <small className="field-hint">or drop a Race Lab trace file here</small>
    </section>
  );
}
