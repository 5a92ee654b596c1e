/**
 * Most accesses a Chrome trace holds: about 200 bytes of JSON each, so a million already makes
 * a file viewers open slowly. Later accesses are left out, and the file's metadata says so.
 */
export const CHROME_TRACE_MAX_EVENTS = 1_000_000;

/** What a Chrome trace of `accesses` leaves out, in words; empty when it holds them all. */
export function chromeTraceLeftOut(accesses: number): string {
  if (accesses <= CHROME_TRACE_MAX_EVENTS) return '';
  const fmt = (n: number) => n.toLocaleString('en');
  return (
    `Only the first ${fmt(CHROME_TRACE_MAX_EVENTS)} of ${fmt(accesses)} accesses are in the ` +
    'Chrome trace; the Race Lab trace holds them all.'
  );
}
