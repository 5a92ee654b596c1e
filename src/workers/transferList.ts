/**
 * Every ArrayBuffer under `value`, once each: what postMessage can move instead of copying.
 * Shared buffers are left out (they are shared already).
 */
export function transferList(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (Array.isArray(value)) {
    for (const item of value) transferList(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) transferList(item, found);
  }
  return [...found];
}
