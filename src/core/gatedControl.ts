import { WaitCancelled, waitForCell } from './cellWait';
import { expectedTotal, type RunConfig } from './config';
import { PC_FINISHED } from './gatedLeaf';
import { CELL, type TraceRegions } from './layout';
import type { Op } from './ops';
import { canStep, newThreadState, STRATEGIES, type Strategy } from './strategies';
import { buildThreads, leafIds, threadLabel, type ThreadInfo } from './threads';
import { decodeSharedTrace, type Trace } from './trace';

/** The shared buffers of a gated run: control cells and the trace its threads record into. */
export interface GatedBuffers {
  cells: Int32Array;
  events: Int32Array;
  regions: TraceRegions;
}

/**
 * Main's side of a step-mode run on real threads: it reads what each gated leaf published
 * (its pc, the lock) and lets one leaf make one shared access at a time (see runGatedLeaf).
 * After a step that finishes a supervisor's last leaf it also waits for that supervisor's
 * read, so every read sees exactly what the schedule implies, as in the simulation. Main's
 * own final read is left to the caller, once `done`.
 */
export class GatedController {
  readonly threads: ThreadInfo[];
  readonly schedule: number[] = [];
  private readonly strategy: Strategy;
  private readonly leaves: number[];
  private readonly cells: Int32Array;
  private lockHolder: number | null = null;
  private busy = false;
  private cancelled = false;

  constructor(
    private readonly config: RunConfig,
    private readonly buffers: GatedBuffers,
  ) {
    this.threads = buildThreads(config);
    this.strategy = STRATEGIES[config.strategy];
    this.leaves = leafIds(this.threads);
    this.cells = buffers.cells;
  }

  /** Whether every leaf has finished and every supervisor has made its read. */
  get done(): boolean {
    return this.threads.every((t) => t.role === 'main' || this.finished(t.id));
  }

  /** Leaves that can make their next access now (none while a step is under way). */
  enabled(): number[] {
    if (this.busy) return [];
    return this.leaves.filter((id) => this.blockedReason(id) === null);
  }

  /** Why a thread cannot move now, or null when it can (same words as the simulation). */
  blockedReason(thread: number): string | null {
    const info = this.threads[thread];
    if (!info) return `there is no thread ${thread}`;
    if (this.finished(thread)) return 'finished';
    if (info.role !== 'leaf') {
      return `waiting for ${info.role === 'main' ? 'every worker' : 'its workers'} to finish`;
    }
    if (this.busy) return 'waiting for the step under way';
    const t = { ...newThreadState(), pc: this.pc(thread) };
    if (!canStep(this.strategy, t, Atomics.load(this.cells, CELL.lock) !== 0)) {
      const holder = this.lockHolder === null ? 'another thread' : this.label(this.lockHolder);
      return `waiting for the lock held by ${holder}`;
    }
    return null;
  }

  /** The access a thread makes next, or null when it has nothing left to do. */
  nextOp(thread: number): Op | null {
    const info = this.threads[thread];
    if (!info || this.finished(thread)) return null;
    return info.role === 'leaf' ? (this.strategy.ops[this.pc(thread)] ?? null) : 'read';
  }

  /**
   * Let `thread` make one shared access. Resolves once it has made it and waits at its gate
   * again (or has finished, and any supervisor read that made due is recorded). Rejects,
   * releasing nothing, when the thread cannot move.
   */
  async step(thread: number): Promise<void> {
    if (this.cancelled) throw new WaitCancelled();
    const reason = this.blockedReason(thread);
    if (reason !== null) throw new Error(`${this.label(thread)} cannot move: ${reason}.`);
    this.busy = true;
    try {
      const op = this.nextOp(thread);
      const steps = CELL.stepsBase + thread;
      const before = Atomics.load(this.cells, steps);
      Atomics.store(this.cells, CELL.gateBase + thread, 1);
      Atomics.notify(this.cells, CELL.gateBase + thread);
      await this.waitFor(steps, (n) => n > before);
      this.schedule.push(thread);
      if (op === 'lock') this.lockHolder = thread;
      if (op === 'unlock') this.lockHolder = null;
      const supervisor = this.threads[thread]!.parent!;
      if (this.finished(thread) && this.threads[supervisor]!.role === 'supervisor') {
        const siblings = this.threads.filter((c) => c.parent === supervisor);
        if (siblings.every((c) => this.finished(c.id))) {
          await this.waitFor(CELL.stepsBase + supervisor, (n) => n > 0);
        }
      }
    } finally {
      this.busy = false;
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

  /** The pc a leaf published for its next access (PC_FINISHED when done). */
  private pc(thread: number): number {
    return Atomics.load(this.cells, CELL.pcBase + thread);
  }

  private finished(thread: number): boolean {
    const info = this.threads[thread];
    if (!info || info.role === 'main') return false;
    if (info.role === 'supervisor') return Atomics.load(this.cells, CELL.stepsBase + thread) > 0;
    // A leaf publishes its first pc only once its worker runs: until then it is at pc 0.
    return this.config.increments <= 0 || this.pc(thread) === PC_FINISHED;
  }

  private label(thread: number): string {
    return threadLabel(this.threads, thread);
  }
}
