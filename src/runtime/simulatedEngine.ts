import { expectedTotal, traceEnabled, traceWindowed, type RunConfig } from '../core/config';
import { randomChooser, Simulation, type Chooser } from '../core/simulation';
import { EngineError, refused } from './engineError';
import type { RunOutcome } from './types';

/** Steps between yields to the page, so a long simulation never freezes it. */
const SLICE_MS = 12;

/** The outcome of a simulation that has run to its end (or as far as step mode has gone). */
export function simulationOutcome(sim: Simulation, elapsedMs: number, traced = true): RunOutcome {
  const trace = traced ? sim.toTrace() : null;
  return {
    final: sim.counter(),
    expected: expectedTotal(sim.config),
    elapsedMs,
    tallies: sim.tallies(),
    trace,
    workersIsolated: false,
    schedule: trace?.schedule,
  };
}

/**
 * Runs a config on the simulated engine: the same strategies on a plain array, one access at a
 * time, in the order a seeded chooser picks. Works without shared memory. Cooperative: it
 * yields to the page every few milliseconds and can be stopped between slices.
 */
export class SimulatedEngine {
  private stopped = false;
  private running = false;

  async run(
    config: RunConfig,
    seed: number,
    choose: Chooser = randomChooser(seed),
  ): Promise<RunOutcome> {
    if (this.running) throw new EngineError('failed', 'A run is already in progress.');
    this.running = true;
    this.stopped = false;
    try {
      // One access at a time has no buffer to fill: a run past the default limit records nothing.
      const record = traceEnabled(config) && !traceWindowed(config);
      const sim = new Simulation(config, { record });
      const started = performance.now();
      while (!sim.done) {
        const sliceEnd = performance.now() + SLICE_MS;
        for (let i = 0; !sim.done; i++) {
          sim.stepWith(choose);
          if ((i & 1023) === 1023 && performance.now() > sliceEnd) break;
        }
        if (!sim.done) await new Promise((resolve) => setTimeout(resolve, 0));
        if (this.stopped) throw new EngineError('stopped', 'Stopped.');
      }
      return simulationOutcome(sim, performance.now() - started, record);
    } catch (error) {
      throw refused(error);
    } finally {
      this.running = false;
    }
  }

  stop(): void {
    if (this.running) this.stopped = true;
  }
}
