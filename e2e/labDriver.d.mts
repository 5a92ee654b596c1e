import type { Locator, Page } from '@playwright/test';

export type RunState = 'idle' | 'running' | 'done' | 'stopped' | 'error';

/** What the result element says about the last run, its data attributes parsed. */
export interface ResultReadout {
  state: RunState;
  expected: number;
  final: number;
  lost: number;
  strategy: string;
  engine: string;
  preset: string;
  elapsedMs: number;
  rate: number;
  workersIsolated: string;
  books: string;
}

/** Run states that end a run. */
export declare const FINISHED_STATES: readonly RunState[];
/** The result element of the page. */
export declare function resultOf(page: Page): Locator;
/** The Run button of the page. */
export declare function runButtonOf(page: Page): Locator;
/** The result element's data attributes, numbers parsed (NaN where absent). */
export declare function readResult(result: Locator): Promise<ResultReadout>;
/** Start recording every state the result element shows. */
export declare function watchStates(page: Page): Promise<void>;
/** Wait until the watched result has gone to running and then to a finished state. */
export declare function waitForRunEnd(page: Page, timeout: number): Promise<void>;
/** Click Run, wait for this run (not an earlier one) to finish, and read its result. */
export declare function runAndRead(page: Page, timeout?: number): Promise<ResultReadout>;
