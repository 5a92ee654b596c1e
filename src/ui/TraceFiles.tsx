import { useRef, useState, type DragEvent } from 'react';
import { toChromeTrace } from '../core/chromeTrace';
import { MAX_TRACE_FILE_BYTES, parseTraceFile, serializeTrace } from '../core/traceFile';
import { useLab } from '../store/labStore';
import { selectAccounting, selectRunning, selectTrace } from '../store/selectors';
import { downloadText, traceFileName } from './download';

/** Reads a dropped or chosen file and shows it, or says what is wrong and keeps the screen. */
async function openFile(file: File): Promise<void> {
  const { showTrace, addNotices } = useLab.getState();
  if (file.size > MAX_TRACE_FILE_BYTES) {
    const mb = Math.round(MAX_TRACE_FILE_BYTES / 1e6);
    addNotices('import', [`${file.name} is too large to open (over ${mb} MB).`]);
    return;
  }
  const result = parseTraceFile(await file.text());
  if (result.ok) showTrace(result.trace);
  else addNotices('import', [`Could not open ${file.name}: ${result.message}`]);
}

/** Download the run's trace (Race Lab JSON, Chrome trace) and open a saved one. */
export function TraceFiles() {
  const trace = useLab(selectTrace);
  const accounting = useLab(selectAccounting);
  const running = useLab(selectRunning);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const name = (suffix?: string) =>
    traceFileName(trace!.config.preset, trace!.config.strategy, suffix);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file && !running) void openFile(file);
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
        disabled={!trace}
        onClick={() => downloadText(name(), serializeTrace(trace!))}
      >
        Download trace
      </button>
      <button
        type="button"
        disabled={!trace || !accounting}
        onClick={() =>
          downloadText(
            name('chrome-trace.json'),
            JSON.stringify(toChromeTrace(trace!, accounting!)),
          )
        }
      >
        Download Chrome trace
      </button>
      <button type="button" disabled={running} onClick={() => input.current?.click()}>
        Open trace
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="trace-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void openFile(file);
        }}
      />
      <small className="field-hint">or drop a Race Lab trace file here</small>
    </section>
  );
}
