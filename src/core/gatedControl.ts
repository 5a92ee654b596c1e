import { WaitCancelled, waitForCell } from './cellWait';
import { expectedTotal, type RunConfig } from './config';
import { CELL, type TraceRegions } from './layout';
import type { Op } from './ops';
import { Scheduler } from './scheduler';
import { attemptsOf, strategyOf } from './scenarios';
import { buildThreads, type ThreadInfo } from './threads';
import type { Trace } from './trace';
import { decodeSharedTrace } from './traceDecode';

/** The shared buffers of a gated run: control cells and the trace its threads record into. */
export interface GatedBuffers {
  cells: Int32Array;
  events: Int32Array;
  regions: TraceRegions;
}

/**
 * Main's side of a step-mode run on real threads. The scheduler decides who may move; here a
 * step is carried out by opening one gated leaf's gate (see runGatedLeaf) and waiting until
 * it announces its access and publishes its next pc. A supervisor read that the step makes
 * due is the supervisor worker's own: the step lasts until it is recorded, so every read sees
 * exactly what the schedule implies, as in the simulation. Main's own final read is left to
 * the caller, once `settled`.
 */
export class GatedController {
  readonly threads: ThreadInfo[];
  readonly scheduler: Scheduler;
  private readonly cells: Int32Array;
  private cancelled = false;

  constructor(
    private readonly config: RunConfig,
    private readonly buffers: GatedBuffers,
  ) {
    this.threads = buildThreads(config);
    this.scheduler = new Scheduler(this.threads, strategyOf(config).ops, attemptsOf(config));
    this.cells = buffers.cells;
  }

  /** The leaf that moved at each step so far. */
  get schedule(): number[] {
    return this.scheduler.schedule;
  }

  /** Whether every leaf has finished and every supervisor has made its read. */
  get done(): boolean {
    return this.scheduler.settled;
  }

  /** Leaves that can make their next access now (none while a step is under way). */
  enabled(): number[] {
    return this.scheduler.enabled();
  }

  /** Why a thread cannot move now, or null when it can. */
  blockedReason(thread: number): string | null {
    return this.scheduler.blockedReason(thread);
  }

  /** The access a thread makes next, or null when it has nothing left to do. */
  nextOp(thread: number): Op | null {
    return this.scheduler.nextOp(thread);
  }

  /**
   * Let `thread` make one shared access. Resolves once it has made it and waits at its gate
   * again (or has finished, and any supervisor read that made due is recorded). Throws,
   * releasing nothing, when the thread cannot move.
   */
  async step(thread: number): Promise<void> {
    if (this.cancelled) throw new WaitCancelled();
    this.scheduler.begin(thread);
    try {
      const steps = CELL.stepsBase + thread;
      const before = Atomics.load(this.cells, steps);
      Atomics.store(this.cells, CELL.gateBase + thread, 1);
      Atomics.notify(this.cells, CELL.gateBase + thread);
      await this.waitFor(steps, (n) => n > before);
    } catch (error) {
      this.scheduler.abandon();
      throw error;
    }
    // The leaf publishes its pc before announcing the step (see runGatedLeaf).
    this.scheduler.end(Atomics.load(this.cells, CELL.pcBase + thread));
    for (let r = this.scheduler.dueRead(); r !== null && r !== 0; r = this.scheduler.dueRead()) {
      await this.waitFor(CELL.stepsBase + r, (n) => n > 0);
      this.scheduler.read(r);
    }
  }

  /** Give up: a step under way rejects with WaitCancelled (its workers are being ended). */
  cancel(): void {
    this.cancelled = true;
  }

  /** Everything recorded so far, as a trace; `final` is the counter now. */
  trace(): Trace {
    const { cells, events, regions } = this.buffers;
    return {
      config: this.config,
      threads: this.threads,
      events: decodeSharedTrace(cells, events, regions),
      expected: expectedTotal(this.config),
      final: Atomics.load(cells, CELL.counter),
      truncated: Atomics.load(cells, CELL.truncated) === 1,
      schedule: [...this.schedule],
    };
  }

  private waitFor(index: number, ready: (value: number) => boolean): Promise<void> {
    return waitForCell(this.cells, index, ready, () => this.cancelled);
  }
}
