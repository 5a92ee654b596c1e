import { expectedTotal, type RunConfig } from '../core/config';
import { Simulation } from '../core/simulation';
import type { Trace } from '../core/trace';
import type { RunOutcome, WorkerEngine } from './engine';
import { EngineError } from './engineError';
import type { GatedRun } from './gated';

/**
 * A run the user drives one shared access at a time. Real workers behind gates and the
 * simulation both fit it, so step mode, undo and replay work the same on either.
 */
export type Stepper = GatedRun;

/** Step mode on the simulated engine: the same strategies, one JavaScript thread. */
export class SimulatedStepper implements Stepper {
  private readonly sim: Simulation;
  private cancelled = false;
  private readonly started = performance.now();

  constructor(private readonly config: RunConfig) {
    this.sim = new Simulation(config);
  }
  get threads() {
    return this.sim.threads;
  }
  get schedule(): number[] {
    return [...this.sim.schedule];
  }
  get done(): boolean {
    return this.sim.done;
  }
  enabled(): number[] {
    return this.cancelled ? [] : this.sim.enabled();
  }
  blockedReason(thread: number): string | null {
    return this.sim.blockedReason(thread);
  }
  nextOp(thread: number) {
    return this.sim.nextOp(thread);
  }
  async step(thread: number): Promise<void> {
    if (this.cancelled) throw new EngineError('stopped', 'Stopped.');
    const reason = this.sim.blockedReason(thread);
    if (reason !== null) {
      throw new EngineError(
        'failed',
        `${this.sim.threads[thread]?.name ?? thread} cannot move: ${reason}.`,
      );
    }
    this.sim.step(thread);
  }
  trace(): Trace {
    return this.sim.toTrace();
  }
  async finish(): Promise<RunOutcome> {
    const trace = this.sim.toTrace();
    return {
      final: this.sim.counter(),
      expected: expectedTotal(this.config),
      elapsedMs: performance.now() - this.started,
      tallies: this.threads
        .filter((t) => t.role === 'leaf')
        .map((t) => ({
          thread: t.id,
          done: this.sim.state(t.id).done,
          retries: this.sim.state(t.id).retries,
        })),
      trace,
      workersIsolated: false,
      schedule: trace.schedule,
    };
  }
  cancel(): void {
    this.cancelled = true;
  }
}

/** Start a stepper on real workers, or on the simulation when asked or without shared memory. */
export function startStepper(
  engine: WorkerEngine,
  config: RunConfig,
  simulated: boolean,
): Promise<Stepper> {
  return simulated ? Promise.resolve(new SimulatedStepper(config)) : engine.startGated(config);
}

/** Take `schedule`'s steps as fast as the stepper allows (undo and replay use this). */
export async function stepThrough(stepper: Stepper, schedule: readonly number[]): Promise<void> {
  for (const thread of schedule) {
    if (stepper.done) return;
    await stepper.step(thread);
  }
}
