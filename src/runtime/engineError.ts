import { SchedulerError } from '../core/scheduler';

export type EngineErrorKind = 'stopped' | 'timeout' | 'failed';

/** Why a run did not finish; the message is meant for the page. */
export class EngineError extends Error {
  constructor(
    readonly kind: EngineErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** A step the scheduler refused, as the engine error the page shows (the run goes on). */
export const refused = (error: unknown): unknown =>
  error instanceof SchedulerError ? new EngineError('failed', error.message) : error;
