import { LIMITS } from '../core/config';
import { eventStride } from '../core/layout';

/**
 * Most bytes of trace buffer kept between runs: a trace as large as the page records by
 * default (10,000,000 accesses of 12 bytes). A larger one goes back to the browser once read.
 */
const KEEP_BYTES = LIMITS.traceAutoEvents * eventStride(false) * Int32Array.BYTES_PER_ELEMENT;

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
