import type { Op } from './ops';
import { leafIds, threadLabel, type ThreadInfo } from './threads';

/** The pc of a leaf that has made all its steps (a gated leaf publishes it too). */
export const PC_FINISHED = -1;

/** A step refused by the scheduler, or a schedule it cannot follow. */
export class SchedulerError extends Error {
  override name = 'SchedulerError';
}

/** The rule every engine and the explorer follow: a lock step waits while the lock is held. */
export const mayMove = (op: Op | undefined, lockHeld: boolean): boolean =>
  !(op === 'lock' && lockHeld);

/** What a schedule is checked against: the threads and why one cannot move. */
export interface SchedulerView {
  readonly threads: readonly ThreadInfo[];
  blockedReason(thread: number): string | null;
}

/**
 * The one scheduler: it decides which thread may move, says why the others may not, tracks
 * who holds the lock and when each supervisor's and main's read is due. It knows threads,
 * pcs, the ops each pc makes and the lock, nothing of what the shared memory holds; engines
 * differ only in how they carry out a step:
 *
 *     const op = scheduler.begin(thread); // refuses a thread that cannot move
 *     …make the access `op`…
 *     scheduler.end(nextPc);              // the leaf's pc after it, or PC_FINISHED
 *     for (let r; (r = scheduler.dueRead()) !== null; ) { …read…; scheduler.read(r); }
 *
 * From `begin` until every due supervisor read is made, the step is under way and no
 * thread may move. Main's read comes last and never holds anyone up.
 */
export class Scheduler implements SchedulerView {
  /** The leaf that moved at each step so far. */
  readonly schedule: number[] = [];
  private readonly leaves: number[];
  /** Per thread: a leaf's pc, or PC_FINISHED; supervisors and main: 0 until they have read. */
  private readonly pcs: number[];
  private lockHolder: number | null = null;
  private moving: number | null = null;
  /** Reads due now and not yet made: supervisors in thread order, then main. */
  private due: number[] = [];

  constructor(
    readonly threads: readonly ThreadInfo[],
    private readonly ops: readonly Op[],
    increments: number,
  ) {
    this.leaves = leafIds(threads);
    this.pcs = threads.map((t) => (t.role === 'leaf' && increments <= 0 ? PC_FINISHED : 0));
    if (increments <= 0) this.updateDue();
  }

  /** Every leaf has finished and every supervisor has read: only main's read may be left. */
  get settled(): boolean {
    return this.threads.every((t) => t.role === 'main' || this.finished(t.id));
  }

  /** Main has made its final read too. */
  get done(): boolean {
    return this.finished(0);
  }

  /** Leaves that can make their next access now (none while a step is under way). */
  enabled(): number[] {
    if (this.busy) return [];
    const held = this.lockHolder !== null;
    return this.leaves.filter((id) => this.pcs[id] !== PC_FINISHED && mayMove(this.op(id), held));
  }

  /** Why a thread cannot move now ("finished", "waiting for the lock held by …"), or null. */
  blockedReason(thread: number): string | null {
    const info = this.threads[thread];
    if (!info) return `there is no thread ${thread}`;
    if (this.finished(thread)) return 'finished';
    if (info.role !== 'leaf') {
      return `waiting for ${info.role === 'main' ? 'every worker' : 'its workers'} to finish`;
    }
    if (this.busy) return 'waiting for the step under way';
    if (!mayMove(this.op(thread), this.lockHolder !== null)) {
      const holder = this.lockHolder === null ? 'another thread' : this.label(this.lockHolder);
      return `waiting for the lock held by ${holder}`;
    }
    return null;
  }

  /** The access a thread makes next, or null when it has nothing left to do. */
  nextOp(thread: number): Op | null {
    const info = this.threads[thread];
    if (!info || this.finished(thread)) return null;
    return info.role === 'leaf' ? (this.op(thread) ?? null) : 'read';
  }

  /** Start a step of `thread` and return the access it makes; throws when it cannot move. */
  begin(thread: number): Op {
    const reason = this.blockedReason(thread);
    if (reason !== null) throw new SchedulerError(`${this.label(thread)} cannot move: ${reason}.`);
    this.moving = thread;
    return this.op(thread)!;
  }

  /** The step begun has been made; the leaf is now at `nextPc` (PC_FINISHED when done). */
  end(nextPc: number): void {
    const thread = this.moving;
    if (thread === null) throw new SchedulerError('No step is under way.');
    const op = this.op(thread);
    if (op === 'lock') this.lockHolder = thread;
    if (op === 'unlock') this.lockHolder = null;
    this.pcs[thread] = nextPc;
    this.schedule.push(thread);
    this.moving = null;
    if (nextPc === PC_FINISHED) this.updateDue();
  }

  /** Give up the step begun without recording it (its run is being ended). */
  abandon(): void {
    this.moving = null;
  }

  /** The next read that is due (a supervisor whose leaves have all finished, then main). */
  dueRead(): number | null {
    return this.due[0] ?? null;
  }

  /** `thread`'s due read has been made. */
  read(thread: number): void {
    if (this.due[0] !== thread)
      throw new SchedulerError(`No read of ${this.label(thread)} is due.`);
    this.pcs[thread] = PC_FINISHED;
    this.updateDue();
  }

  /** A step is under way, or a supervisor's read it made due is still to come. */
  private get busy(): boolean {
    const next = this.due[0];
    return this.moving !== null || (next !== undefined && next !== 0);
  }

  private op(thread: number): Op | undefined {
    return this.ops[this.pcs[thread]!];
  }

  private finished(thread: number): boolean {
    return this.pcs[thread] === PC_FINISHED;
  }

  private updateDue(): void {
    this.due = this.threads
      .filter(
        (t) =>
          t.role === 'supervisor' &&
          !this.finished(t.id) &&
          this.threads.every((c) => c.parent !== t.id || this.finished(c.id)),
      )
      .map((t) => t.id);
    const others = this.threads.every((t) => t.role === 'main' || this.finished(t.id));
    if (this.due.length === 0 && others && !this.finished(0)) this.due.push(0);
  }

  private label(thread: number): string {
    return threadLabel(this.threads, thread);
  }
}

/**
 * The thread step `at` (from 0) of `schedule` names, once `scheduler` says it may move.
 * Throws the one replay error every engine shows when a schedule cannot be followed.
 */
export function scheduledThread(
  scheduler: SchedulerView,
  schedule: readonly number[],
  at: number,
): number {
  if (at >= schedule.length) {
    throw new SchedulerError(`The schedule ran out after ${at} steps, before the run finished.`);
  }
  const thread = schedule[at]!;
  const why = scheduler.blockedReason(thread);
  if (why !== null) {
    const name = threadLabel(scheduler.threads, thread);
    throw new SchedulerError(
      `Step ${at + 1} of the schedule names ${name}, which cannot move: ${why}.`,
    );
  }
  return thread;
}
