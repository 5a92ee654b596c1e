import {
  MAX_TRACE_FILE_BYTES,
  parseTraceFile,
  tooLarge,
  type ImportResult,
} from '../core/traceFile';

/** Read a trace file the reader chose: refused unread when over the size cap. */
export async function readTraceBlob(
  file: Blob,
  progress: (fraction: number) => void,
): Promise<ImportResult> {
  if (file.size > MAX_TRACE_FILE_BYTES) return { ok: false, message: tooLarge(file.size) };
  progress(0);
  const text = await file.text();
  progress(0.5);
  return parseTraceFile(text);
}
