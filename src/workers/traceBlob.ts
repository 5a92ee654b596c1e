import { CompactTraceReader } from '../core/traceBinaryReader';
import {
  MAX_TRACE_FILE_BYTES,
  parseTraceFile,
  tooLarge,
  type ImportResult,
} from '../core/traceFile';

/**
 * Most bytes a compact file may expand to: 10,000,000 accesses with wall time take about
 * 230 MB. A file that expands further is refused while it is being read, not after.
 */
const MAX_EXPANDED_BYTES = 256_000_000;

const isGzip = (head: Uint8Array) => head[0] === 0x1f && head[1] === 0x8b;

/**
 * Read a trace file the reader chose, compact (gzip) or JSON: refused unread when over the
 * size cap. `progress` hears the share read (0–1).
 */
export async function readTraceBlob(
  file: Blob,
  progress: (fraction: number) => void,
): Promise<ImportResult> {
  if (file.size > MAX_TRACE_FILE_BYTES) return { ok: false, message: tooLarge(file.size) };
  progress(0);
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  if (!isGzip(head)) {
    const text = await file.text();
    progress(0.5);
    return parseTraceFile(text);
  }
  return expand(file, progress);
}

/**
 * The compact file, decompressed and read as it arrives: each chunk goes straight into the
 * trace's columns and is let go, so the expanded file is never held whole.
 */
async function expand(file: Blob, progress: (fraction: number) => void): Promise<ImportResult> {
  const trace = new CompactTraceReader();
  let total = 0;
  try {
    const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      const problem =
        total > MAX_EXPANDED_BYTES
          ? `The file expands to more than ${MAX_EXPANDED_BYTES / 1e6} MB, more than any trace this page writes.`
          : trace.push(value);
      if (problem) {
        await reader.cancel();
        return { ok: false, message: problem };
      }
      // Until the header tells the size, compact traces expand about tenfold: a guess.
      const size = trace.expectedBytes ?? file.size * 10;
      progress(Math.min(0.95, total / size));
    }
  } catch {
    return { ok: false, message: 'The file is not valid gzip: it may be damaged or cut short.' };
  }
  return trace.finish();
}
