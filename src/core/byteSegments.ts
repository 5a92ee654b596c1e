// Stretches of a byte stream and where their bytes go: the compact trace reader's plumbing.

/** A stretch of the file's columns, and what to do with each of its bytes. */
export interface Segment {
  start: number;
  end: number;
  /** Take bytes `from`…`to` of `chunk`, the segment's bytes from `at` on. */
  take(chunk: Uint8Array, from: number, to: number, at: number): void;
}

/** The bytes of a typed array, in place. */
export const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** A segment yet to be placed: its length in bytes, and what takes them. */
export type Part = [length: number, take: Segment['take']];

/** Bytes that mean nothing here (padding, a column the layout does not use). */
export const skip: Segment['take'] = () => {};

export const copyInto =
  (column: Uint8Array): Segment['take'] =>
  (chunk, from, to, at) =>
    column.set(chunk.subarray(from, to), at);

/** Takes byte plane `plane` of 32-bit words into its byte of each word of `bytes`. */
export const planeInto =
  (bytes: Uint8Array, plane: number): Segment['take'] =>
  (chunk, from, to, at) => {
    for (let i = from, b = 4 * at + plane; i < to; i++, b += 4) bytes[b] = chunk[i]!;
  };

/**
 * Four byte planes of `n` 32-bit words (all the low bytes, then the next…), each byte into its
 * word of `column`, little-endian.
 */
export function planes(column: ArrayBufferView, n: number): Part[] {
  const bytes = bytesOf(column);
  return [0, 1, 2, 3].map((plane): Part => [n, planeInto(bytes, plane)]);
}

/** `parts` as one array of `length` bytes (the one part itself when there is one). */
export function concat(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
