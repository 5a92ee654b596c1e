import type { RunConfig } from '../core/config';
import { Simulation } from '../core/simulation';
import { EngineError, refused } from './engineError';
import { simulationOutcome } from './simulatedEngine';
import type { GatedStarter, RunOutcome, Stepper } from './types';

/** Step mode on the simulated engine: the same scheduler, a step is one `strategy.step`. */
export class SimulatedStepper implements Stepper {
  private readonly sim: Simulation;
  private cancelled = false;
  private readonly started = performance.now();

  constructor(config: RunConfig) {
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
    try {
      this.sim.step(thread);
    } catch (error) {
      throw refused(error);
    }
  }
  trace() {
    return this.sim.toTrace();
  }
  async finish(): Promise<RunOutcome> {
    return simulationOutcome(this.sim, performance.now() - this.started);
  }
  cancel(): void {
    this.cancelled = true;
  }
}

/** Start a stepper on real workers, or on the simulation when asked or without shared memory. */
export function startStepper(
  engine: GatedStarter,
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
