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
