import type { Memory, Op } from './ops';

export const STRATEGY_IDS = ['racy', 'atomic', 'lock', 'lock-each', 'cas'] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

/** Where a worker is inside its loop: `pc` names its next shared access. */
export interface ThreadState {
  pc: number;
  /** The value the worker last read and will build its write on. */
  reg: number;
  /** Increments completed. */
  done: number;
  /** Failed compare-and-swap attempts. */
  retries: number;
  /** Attempts that succeeded where a scenario tells them apart (payments, claims won). */
  won: number;
  /** The worker's own id, 1…workers in leaf order (what a claim writes). */
  me: number;
}

/** A fresh worker, before its first access. */
export const newThreadState = (me = 0): ThreadState => ({
  pc: 0,
  reg: 0,
  done: 0,
  retries: 0,
  won: 0,
  me,
});

/**
 * One way to do a scenario's step on shared memory (increment, withdraw, claim), written as a small state machine so every engine
 * (real workers, step mode, replay, simulation, explorer) runs the same definition and can
 * stop between any two shared accesses.
 */
export interface Strategy {
  id: StrategyId;
  label: string;
  /** One sentence for the Strategy control. */
  explanation: string;
  /** The access each pc performs. */
  ops: readonly Op[];
  /** The pc before which the "work between read and write" runs (-1: none). */
  workBefore: number;
  /** Does one shared access and advances `t`; when an attempt completes, `done` grows. */
  step(t: ThreadState, mem: Memory): void;
  /** Whether every run must end at exactly the expected total. */
  exact: boolean;
  /** The worker's loop body in JavaScript, shown in the code panel. */
  js: readonly string[];
  /** The 0-based line of `js` each pc executes. */
  jsLine: readonly number[];
  /** The worker's whole Python function (`def func1(…):`), as this strategy writes it. */
  python: readonly string[];
  /** The 0-based line of `python` each pc corresponds to. */
  pyLine: readonly number[];
  /** A comment naming a helper the Python calls that `Value` lacks (compare-and-swap). */
  pythonHelper?: string;
}

/** What a scenario writes for a strategy: its words and its code, beside the shared behaviour. */
export type StrategyText = Pick<
  Strategy,
  'label' | 'explanation' | 'js' | 'jsLine' | 'python' | 'pyLine' | 'pythonHelper'
>;
