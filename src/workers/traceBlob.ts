import { decodeTraceBinary } from '../core/traceBinary';
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
  const bytes = await expand(file, progress);
  return typeof bytes === 'string' ? { ok: false, message: bytes } : decodeTraceBinary(bytes);
}

/** The gzip file's content, or why it could not be read. */
async function expand(
  file: Blob,
  progress: (fraction: number) => void,
): Promise<Uint8Array | string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = file.stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_EXPANDED_BYTES) {
        await reader.cancel();
        return `The file expands to more than ${MAX_EXPANDED_BYTES / 1e6} MB, more than any trace this page writes.`;
      }
      chunks.push(value);
      // Compact traces expand about tenfold: a guess, only for the progress bar.
      progress(Math.min(0.95, total / (file.size * 10)));
    }
  } catch {
    return 'The file is not valid gzip: it may be damaged or cut short.';
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
