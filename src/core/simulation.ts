import { ArrayMemory } from './arrayMemory';
import type { RunConfig } from './config';
import { EventLog } from './eventLog';
import type { Memory, Op } from './ops';
import { seededRandom } from './random';
import { RecordingMemory } from './recording';
import { canStep, newThreadState, STRATEGIES, type Strategy, type ThreadState } from './strategies';
import { buildThreads, leafIds, threadLabel, type ThreadInfo } from './threads';
import type { Trace } from './trace';

/** Picks which leaf moves next; returns one of `enabled`. */
export type Chooser = (enabled: readonly number[], sim: Simulation) => number;

/**
 * A run in one JavaScript thread: the shared strategy definitions step on a plain memory,
 * one shared access at a time, in whatever order a chooser decides. Supervisors and main
 * read exactly where the real engine's do: a supervisor once both its leaves are finished,
 * main last of all.
 */
export class Simulation {
  readonly threads: ThreadInfo[];
  readonly schedule: number[] = [];
  private readonly strategy: Strategy;
  private readonly leaves: number[];
  private readonly mem = new ArrayMemory();
  private readonly log = new EventLog();
  private readonly memories: Memory[];
  private readonly states: ThreadState[];
  /** Per thread: supervisors and main have read; leaves have finished. */
  private readonly finished: boolean[];
  private lockHolder: number | null = null;

  /** `record: false` skips the trace, for runs too large to keep every access of. */
  constructor(
    private readonly config: RunConfig,
    { record = true }: { record?: boolean } = {},
  ) {
    this.threads = buildThreads(config);
    this.strategy = STRATEGIES[config.strategy];
    this.leaves = leafIds(this.threads);
    this.memories = this.threads.map((t) =>
      record ? new RecordingMemory(this.mem, this.log.sinkFor(t.id)) : this.mem,
    );
    this.states = this.threads.map(() => newThreadState());
    this.finished = this.threads.map((t) => t.role === 'leaf' && config.increments <= 0);
    this.settle();
  }

  /** Whether main has made its final read. */
  get done(): boolean {
    return this.finished[0] === true;
  }

  /** Leaves that can make their next access now. */
  enabled(): number[] {
    return this.leaves.filter(
      (id) => !this.finished[id] && canStep(this.strategy, this.states[id]!, this.mem.locked),
    );
  }

  /** Why a thread cannot move now, or null when it can. */
  blockedReason(thread: number): string | null {
    const info = this.threads[thread];
    if (!info) return `there is no thread ${thread}`;
    if (this.finished[thread]) return 'finished';
    if (info.role !== 'leaf') {
      const waitsFor = info.role === 'main' ? 'every worker' : 'its workers';
      return `waiting for ${waitsFor} to finish`;
    }
    if (!canStep(this.strategy, this.states[thread]!, this.mem.locked)) {
      const holder = this.lockHolder === null ? 'another thread' : this.label(this.lockHolder);
      return `waiting for the lock held by ${holder}`;
    }
    return null;
  }

  /** The access a thread makes next, or null when it has nothing left to do. */
  nextOp(thread: number): Op | null {
    const info = this.threads[thread];
    if (!info || this.finished[thread]) return null;
    return info.role === 'leaf' ? (this.strategy.ops[this.states[thread]!.pc] ?? null) : 'read';
  }

  /** A thread's place in its loop. */
  state(thread: number): Readonly<ThreadState> {
    const s = this.states[thread];
    if (!s) throw new RangeError(`There is no thread ${thread}.`);
    return s;
  }

  /** The counter now. */
  counter(): number {
    return this.mem.counter;
  }

  /** One shared access by `thread`, then any supervisor or main read that it makes due. */
  step(thread: number): void {
    const reason = this.blockedReason(thread);
    if (reason !== null) throw new Error(`${this.label(thread)} cannot move: ${reason}.`);
    const t = this.states[thread]!;
    const op = this.strategy.ops[t.pc];
    this.strategy.step(t, this.memories[thread]!);
    if (op === 'lock' && this.mem.locked) this.lockHolder = thread;
    if (op === 'unlock') this.lockHolder = null;
    this.schedule.push(thread);
    if (t.done >= this.config.increments) {
      this.finished[thread] = true;
      this.settle();
    }
  }

  /** Everything recorded so far, as a trace (also mid-run, for live step mode). */
  toTrace(): Trace {
    return {
      config: this.config,
      threads: this.threads,
      events: this.log.toEvents(),
      expected: this.leaves.length * this.config.increments,
      final: this.counter(),
      truncated: false,
      schedule: [...this.schedule],
    };
  }

  private label(thread: number): string {
    return threadLabel(this.threads, thread);
  }

  /** Make the reads of every supervisor whose leaves are all finished, then main's. */
  private settle(): void {
    for (const t of this.threads) {
      if (t.role !== 'supervisor' || this.finished[t.id]) continue;
      const children = this.threads.filter((c) => c.parent === t.id);
      if (children.every((c) => this.finished[c.id])) this.read(t.id);
    }
    if (!this.finished[0] && this.threads.every((t) => t.id === 0 || this.finished[t.id])) {
      this.read(0);
    }
  }

  private read(thread: number): void {
    this.memories[thread]!.load();
    this.finished[thread] = true;
  }
}

/** Run a simulation to the end, asking `choose` at every step; throws past `maxSteps`. */
export function simulate(config: RunConfig, choose: Chooser, maxSteps = 100_000_000): Trace {
  const sim = new Simulation(config);
  for (let steps = 0; !sim.done; steps++) {
    if (steps >= maxSteps) throw new Error(`The simulation did not finish in ${maxSteps} steps.`);
    const enabled = sim.enabled();
    // Cannot happen with the built-in strategies: the lock holder can always move.
    if (enabled.length === 0) throw new Error('The simulation is stuck: no thread can move.');
    sim.step(choose(enabled, sim));
  }
  return sim.toTrace();
}

/** A chooser that picks uniformly among the enabled leaves, repeatably for a seed. */
export const randomChooser = (seed: number): Chooser => {
  const random = seededRandom(seed);
  return (enabled) => enabled[Math.floor(random() * enabled.length)]!;
};

/**
 * A chooser that follows a recorded schedule, one entry per step. It keeps its place, so use
 * a fresh one per run. Throws when the schedule names a thread that cannot move or runs out.
 */
export const replayChooser = (schedule: readonly number[]): Chooser => {
  let at = 0;
  return (enabled, sim) => {
    if (at >= schedule.length) {
      throw new Error(`The schedule ran out after ${at} steps, before the run finished.`);
    }
    const thread = schedule[at++]!;
    if (!enabled.includes(thread)) {
      const name = threadLabel(sim.threads, thread);
      const why = sim.blockedReason(thread) ?? 'not enabled';
      throw new Error(`Step ${at} of the schedule names ${name}, which cannot move: ${why}.`);
    }
    return thread;
  };
};
