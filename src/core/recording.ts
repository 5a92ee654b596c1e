import { CELL, EVENT_STRIDE, FLAG, type TraceRegions } from './layout';
import { opCode, type Memory } from './ops';

/** Where recorded accesses go: a shared buffer region, or an array in the simulator. */
export interface TraceSink {
  record(op: number, value: number, replaced: number, flags: number): void;
}

const READ = opCode('read');
const WRITE = opCode('write');
const ADD = opCode('add');
const CAS = opCode('cas');
const LOCK = opCode('lock');
const UNLOCK = opCode('unlock');

/**
 * Wraps a memory so every access is also recorded: the one place that decides what value and
 * replaced value each kind of access leaves in the trace.
 */
export class RecordingMemory implements Memory {
  constructor(
    private readonly inner: Memory,
    private readonly sink: TraceSink,
  ) {}
  load(): number {
    const v = this.inner.load();
    this.sink.record(READ, v, 0, 0);
    return v;
  }
  exchange(value: number): number {
    const replaced = this.inner.exchange(value);
    this.sink.record(WRITE, value, replaced, FLAG.hasReplaced);
    return replaced;
  }
  add(delta: number): number {
    const before = this.inner.add(delta);
    this.sink.record(ADD, before + delta, before, FLAG.hasReplaced);
    return before;
  }
  cas(expected: number, value: number): number {
    const held = this.inner.cas(expected, value);
    if (held === expected) this.sink.record(CAS, value, held, FLAG.hasReplaced | FLAG.casOk);
    else this.sink.record(CAS, held, 0, 0);
    return held;
  }
  lock(): boolean {
    const ok = this.inner.lock();
    if (ok) this.sink.record(LOCK, 1, 0, 0);
    return ok;
  }
  unlock(): void {
    this.inner.unlock();
    this.sink.record(UNLOCK, 0, 1, 0);
  }
}

/**
 * Appends one thread's accesses to its region of the shared trace buffer, stamped from the
 * shared clock. When the region is full it marks the run truncated and every sink stops.
 */
export class SharedTraceSink implements TraceSink {
  private count = 0;
  private stopped = false;
  private readonly base: number;
  private readonly capacity: number;
  constructor(
    private readonly cells: Int32Array,
    private readonly events: Int32Array,
    private readonly thread: number,
    regions: TraceRegions,
    private readonly wallOrigin: number | null,
  ) {
    this.base = regions.offset[thread]! * EVENT_STRIDE;
    this.capacity = regions.capacity[thread]!;
  }
  record(op: number, value: number, replaced: number, flags: number): void {
    if (this.stopped) return;
    if (this.count >= this.capacity || Atomics.load(this.cells, CELL.truncated) !== 0) {
      Atomics.store(this.cells, CELL.truncated, 1);
      this.stopped = true;
      return;
    }
    const tick = Atomics.add(this.cells, CELL.clock, 1);
    const at = this.base + this.count * EVENT_STRIDE;
    const events = this.events;
    events[at] = tick;
    events[at + 1] = op | (flags << 4);
    events[at + 2] = value;
    events[at + 3] = replaced;
    events[at + 4] =
      this.wallOrigin === null ? -1 : Math.round((performance.now() - this.wallOrigin) * 1000);
    // Publishing the count atomically orders the plain writes above before any reader's load.
    Atomics.store(this.cells, CELL.countBase + this.thread, ++this.count);
  }
}
