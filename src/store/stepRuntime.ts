import type { Stepper } from '../runtime/types';

/**
 * The step-mode run a store drives, held by the store's own object rather than by module
 * variables, so every store (and every test's store) has its own. A start overtaken by a
 * newer one finds out through its ticket and quietly gives way.
 */
export class StepRuntime {
  private stepper: Stepper | null = null;
  private generation = 0;

  /** End the run held, if any, and take a ticket for a new start. */
  restart(): number {
    this.end();
    return ++this.generation;
  }

  /** Whether `ticket` belongs to the latest start. */
  isLatest(ticket: number): boolean {
    return ticket === this.generation;
  }

  /** Hold `stepper` as the run in step mode. */
  hold(stepper: Stepper): void {
    this.stepper = stepper;
  }

  /** The run held, if any. */
  get current(): Stepper | null {
    return this.stepper;
  }

  /** Whether `stepper` is still the run held (not ended or replaced meanwhile). */
  holds(stepper: Stepper): boolean {
    return this.stepper === stepper;
  }

  /** End the run held; its pending and later steps reject. */
  end(): void {
    this.stepper?.cancel();
    this.stepper = null;
  }
}
