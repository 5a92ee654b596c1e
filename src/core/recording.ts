import { CELL, FLAG, packStamp, WALL_WORD, type TraceRegions } from './layout';
import { opCode, type Memory } from './ops';

/** Epoch milliseconds: comparable across threads, whose `performance.now()` origins differ. */
export const epochNow = (): number => performance.timeOrigin + performance.now();

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
 * Accesses a batching sink records between publishing its count and looking at the run's
 * truncation flag. Both are seq-cst atomics that cost more than the rest of a record together;
 * a leaf running free has no reader until it is done, so it publishes now and then and at
 * its end (`flush`).
 */
export const PUBLISH_EVERY = 256;

/**
 * Appends one thread's accesses to its region of the shared trace buffer, stamped from the
 * shared clock. When the region is full it marks the run truncated and every sink stops: at
 * once when it publishes every access, within PUBLISH_EVERY accesses when it batches.
 */
export class SharedTraceSink implements TraceSink {
  private count = 0;
  private stopped = false;
  private readonly base: number;
  private readonly capacity: number;
  private readonly stride: number;
  /** 0: publish and look at every access; PUBLISH_EVERY − 1 when batching. */
  private readonly mask: number;
  /** The run's start on this thread's `performance.now()` clock, where wall time is recorded. */
  private readonly wallOrigin: number | null;
  constructor(
    private readonly cells: Int32Array,
    private readonly events: Int32Array,
    private readonly thread: number,
    regions: TraceRegions,
    /** Epoch ms of the run's start where wall time is recorded (threads' clock origins differ). */
    wallEpoch: number | null,
    batched = false,
  ) {
    this.stride = regions.stride;
    this.base = regions.offset[thread]! * regions.stride;
    this.capacity = regions.capacity[thread]!;
    this.mask = batched ? PUBLISH_EVERY - 1 : 0;
    if ((wallEpoch !== null) !== regions.stride > WALL_WORD) {
      throw new Error('Wall time is recorded exactly when the trace regions have room for it.');
    }
    this.wallOrigin = wallEpoch === null ? null : wallEpoch - performance.timeOrigin;
  }
  /**
   * Touch every memory page of this thread's region before the race starts. A fresh buffer's
   * pages are mapped by the OS at first write, several microseconds each: inside the race
   * that stall would both slow the recording and change the interleaving it records.
   */
  prepare(): void {
    const end = this.base + this.capacity * this.stride;
    for (let at = this.base; at < end; at += PAGE_WORDS) this.events[at] = 0;
    if (end > this.base) this.events[end - 1] = 0;
  }
  record(op: number, value: number, replaced: number, flags: number): void {
    if (this.stopped) return;
    const count = this.count;
    if (
      count >= this.capacity ||
      ((count & this.mask) === 0 && Atomics.load(this.cells, CELL.truncated) !== 0)
    ) {
      Atomics.store(this.cells, CELL.truncated, 1);
      this.stopped = true;
      this.flush();
      return;
    }
    const tick = Atomics.add(this.cells, CELL.clock, 1);
    const at = this.base + count * this.stride;
    const events = this.events;
    events[at] = packStamp(tick, op, flags);
    events[at + 1] = value;
    events[at + 2] = replaced;
    if (this.wallOrigin !== null) {
      events[at + WALL_WORD] = Math.round((performance.now() - this.wallOrigin) * 1000);
    }
    this.count = count + 1;
    if ((this.count & this.mask) === 0) this.flush();
  }
  /**
   * Publish the count. Storing it atomically orders the plain writes of the events before any
   * reader's load of it; a batching sink must be flushed before anyone reads the trace.
   */
  flush(): void {
    Atomics.store(this.cells, CELL.countBase + this.thread, this.count);
  }
}

/** Int32 words in a 4 KiB memory page. */
const PAGE_WORDS = 1024;
