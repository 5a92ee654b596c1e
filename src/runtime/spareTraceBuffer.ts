import { eventStride } from '../core/layout';

/**
 * Most bytes of trace buffer kept between runs: a trace of 2,000,000 accesses with wall time
 * (16 bytes each). Runs that size and smaller are the ones run again and again, where a fresh
 * buffer's page faults show in the cost of tracing; a larger buffer (quad's 96 MB) would
 * double the page's memory for a saving of a few tens of milliseconds, so it goes back to
 * the browser once read.
 */
const KEEP_BYTES = 2_000_000 * eventStride(true) * Int32Array.BYTES_PER_ELEMENT;

/**
 * One trace buffer kept from a finished run for the next. A fresh SharedArrayBuffer costs the
 * page an allocation and its workers a page fault per 4 KiB at first touch; running again
 * with the same buffer costs neither. Stale events in it are never read: each thread's
 * published count bounds what readers look at, and every counted event is written anew.
 */
export class SpareTraceBuffer {
  private spare: SharedArrayBuffer | null = null;

  /** The kept buffer when it is big enough, else a fresh one. */
  take = (bytes: number): SharedArrayBuffer => {
    const spare = this.spare;
    if (spare && spare.byteLength >= bytes) {
      this.spare = null;
      return spare;
    }
    return new SharedArrayBuffer(bytes);
  };

  /**
   * Keep `buffer` for a later run. Only for a run whose every worker has answered: a stopped
   * or failed run's workers may still be writing into theirs.
   */
  giveBack(buffer: SharedArrayBuffer): void {
    if (buffer.byteLength > KEEP_BYTES) return;
    if (!this.spare || buffer.byteLength > this.spare.byteLength) this.spare = buffer;
  }
}
