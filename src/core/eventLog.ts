import type { TraceSink } from './recording';
import { allocEvents, type TraceEvents } from './trace';

/**
 * A growable, column-wise record of accesses made one after another in a single thread of
 * JavaScript (simulation, step mode): each event's order stamp is simply its position.
 */
export class EventLog {
  private size = 0;
  private thread = new Uint8Array(1024);
  private op = new Uint8Array(1024);
  private value = new Int32Array(1024);
  private replaced = new Int32Array(1024);
  private flags = new Uint8Array(1024);

  /** Events recorded so far. */
  get length(): number {
    return this.size;
  }

  /** A sink that records every access as made by `thread`. */
  sinkFor(thread: number): TraceSink {
    return {
      record: (op, value, replaced, flags) => this.push(thread, op, value, replaced, flags),
    };
  }

  /** Append one access. */
  push(thread: number, op: number, value: number, replaced: number, flags: number): void {
    if (this.size === this.op.length) this.grow();
    const i = this.size++;
    this.thread[i] = thread;
    this.op[i] = op;
    this.value[i] = value;
    this.replaced[i] = replaced;
    this.flags[i] = flags;
  }

  /** A copy of the events so far as trace columns, ticks 0, 1, 2, … */
  toEvents(): TraceEvents {
    const n = this.size;
    const out = allocEvents(n, false, 'index');
    out.thread.set(this.thread.subarray(0, n));
    out.op.set(this.op.subarray(0, n));
    out.value.set(this.value.subarray(0, n));
    out.replaced.set(this.replaced.subarray(0, n));
    out.flags.set(this.flags.subarray(0, n));
    return out;
  }

  private grow(): void {
    const size = this.op.length * 2;
    const bigger = <T extends Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.thread = bigger(this.thread, (n) => new Uint8Array(n));
    this.op = bigger(this.op, (n) => new Uint8Array(n));
    this.value = bigger(this.value, (n) => new Int32Array(n));
    this.replaced = bigger(this.replaced, (n) => new Int32Array(n));
    this.flags = bigger(this.flags, (n) => new Uint8Array(n));
  }
}
