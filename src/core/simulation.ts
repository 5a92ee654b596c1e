import { ArrayMemory } from './arrayMemory';
import type { RunConfig } from './config';
import { EventLog } from './eventLog';
import type { Memory, Op } from './ops';
import { seededRandom } from './random';
import { RecordingMemory } from './recording';
import { PC_FINISHED, scheduledThread, Scheduler, SchedulerError } from './scheduler';
import type { ScenarioOutcome } from './scenarioTypes';
import { attemptsOf, initialOf, scenarioOf, strategyOf } from './scenarios';
import { newThreadState, type Strategy, type ThreadState } from './strategies';
import { buildThreads, leafIds, type ThreadInfo, type ThreadTally } from './threads';
import type { Trace } from './trace';

/** Picks which leaf moves next; returns one of `enabled`. */
export type Chooser = (enabled: readonly number[], scheduler: Scheduler) => number;

/**
 * A run in one JavaScript thread: the shared strategy definitions step on a plain memory,
 * one shared access at a time, in whatever order a chooser decides. The scheduler decides
 * who may move and when supervisors and main read; here a step is one `strategy.step`.
 */
export class Simulation {
  readonly threads: ThreadInfo[];
  readonly scheduler: Scheduler;
  private readonly strategy: Strategy;
  private readonly mem: ArrayMemory;
  private readonly attempts: number;
  private readonly log = new EventLog();
  private readonly memories: Memory[];
  private readonly states: ThreadState[];

  /** `record: false` skips the trace, for runs too large to keep every access of. */
  constructor(
    readonly config: RunConfig,
    { record = true }: { record?: boolean } = {},
  ) {
    this.threads = buildThreads(config);
    this.strategy = strategyOf(config);
    this.attempts = attemptsOf(config);
    this.mem = new ArrayMemory(initialOf(config));
    this.scheduler = new Scheduler(this.threads, this.strategy.ops, this.attempts);
    this.memories = this.threads.map((t) =>
      record ? new RecordingMemory(this.mem, this.log.sinkFor(t.id)) : this.mem,
    );
    const leaves = leafIds(this.threads);
    this.states = this.threads.map((t) => newThreadState(leaves.indexOf(t.id) + 1));
    this.makeDueReads();
  }

  /** The leaf that moved at each step so far. */
  get schedule(): number[] {
    return this.scheduler.schedule;
  }

  /** Whether main has made its final read. */
  get done(): boolean {
    return this.scheduler.done;
  }

  /** Leaves that can make their next access now. */
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

  /** A thread's place in its loop. */
  state(thread: number): Readonly<ThreadState> {
    const s = this.states[thread];
    if (!s) throw new RangeError(`There is no thread ${thread}.`);
    return s;
  }

  /** The shared cell now (counter, balance or owner). */
  counter(): number {
    return this.mem.counter;
  }

  /** Successful attempts of every leaf so far (payments, claims won). */
  won(): number {
    return leafIds(this.threads).reduce((sum, id) => sum + this.states[id]!.won, 0);
  }

  /** The run judged by its scenario, as it stands now. */
  outcome(): ScenarioOutcome {
    return scenarioOf(this.config).outcome(this.config, this.counter(), this.won());
  }

  /** One shared access by `thread`, then any supervisor or main read that it makes due. */
  step(thread: number): void {
    this.scheduler.begin(thread);
    const t = this.states[thread]!;
    this.strategy.step(t, this.memories[thread]!);
    this.scheduler.end(t.done >= this.attempts ? PC_FINISHED : t.pc);
    this.makeDueReads();
  }

  /** One step of the leaf `choose` picks; throws when no leaf can move. */
  stepWith(choose: Chooser): void {
    const enabled = this.scheduler.enabled();
    // Cannot happen with the built-in strategies: the lock holder can always move.
    if (enabled.length === 0) throw new SchedulerError('The run is stuck: no worker can move.');
    this.step(choose(enabled, this.scheduler));
  }

  /** Increments and failed swaps per leaf so far. */
  tallies(): ThreadTally[] {
    return leafIds(this.threads).map((thread) => {
      const { done, retries, won } = this.states[thread]!;
      return { thread, done, retries, won };
    });
  }

  /** Everything recorded so far, as a trace (also mid-run, for live step mode). */
  toTrace(): Trace {
    return {
      config: this.config,
      threads: this.threads,
      events: this.log.toEvents(),
      expected: leafIds(this.threads).length * this.config.increments,
      final: this.counter(),
      truncated: false,
      schedule: [...this.schedule],
    };
  }

  private makeDueReads(): void {
    for (let r = this.scheduler.dueRead(); r !== null; r = this.scheduler.dueRead()) {
      this.memories[r]!.load();
      this.scheduler.read(r);
    }
  }
}

/** Run a simulation to the end, asking `choose` at every step; throws past `maxSteps`. */
export function runToEnd(config: RunConfig, choose: Chooser, maxSteps = 100_000_000): Simulation {
  const sim = new Simulation(config);
  for (let steps = 0; !sim.done; steps++) {
    if (steps >= maxSteps) throw new Error(`The simulation did not finish in ${maxSteps} steps.`);
    sim.stepWith(choose);
  }
  return sim;
}

/** The trace of a simulation run to the end (see runToEnd). */
export const simulate = (config: RunConfig, choose: Chooser, maxSteps?: number): Trace =>
  runToEnd(config, choose, maxSteps).toTrace();

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
  return (_, scheduler) => scheduledThread(scheduler, schedule, at++);
};
