import type { Strategy, StrategyId } from './strategyTypes';

export const SCENARIO_IDS = ['counter', 'bank', 'claim'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** The numbers of a run a scenario reads (a RunConfig has them all). */
export interface ScenarioSetup {
  workers: number;
  increments: number;
  /** The bank's opening balance; absent: half of all withdrawals attempted, rounded down. */
  balance?: number;
}

/**
 * How a run ended, in a scenario's own terms. `final` is the shared cell at the end, `expected`
 * what it (or, for a claim, the winner count) should have been, `lost` how far off it is.
 */
export interface ScenarioOutcome {
  scenario: ScenarioId;
  final: number;
  expected: number;
  lost: number;
  /** bank: payments made. */
  paid?: number;
  /** bank: the balance ended below zero. */
  overdrawn?: boolean;
  /** claim: workers that believe they won. */
  winners?: number;
  /** claim: the id the owner cell holds at the end. */
  owner?: number;
}

/**
 * A lesson about shared state: one shared cell (plus the lock), the strategies that work on
 * it, and how an ending is judged. Every engine runs a scenario through these fields only.
 */
export interface Scenario {
  id: ScenarioId;
  label: string;
  /** What the scenario teaches, in a sentence. */
  lesson: string;
  /** The shared cell's name (timeline, code panel, findings). */
  cell: string;
  /** What a lost update loses, in words ("increment", "debit", "claim"; plural adds an s). */
  unit: string;
  /** One attempt of a worker, in words ("increment", "withdrawal", "claim"; plural adds an s). */
  attempt: string;
  /** Whether attempts per second say anything (not for one claim per worker). */
  rated: boolean;
  /** What the timeline's value chart shows (the bank's is its debits, mirrored from the balance). */
  chartLabel: string;
  /** The cell's value before any worker starts. */
  initial(setup: ScenarioSetup): number;
  /** Attempts each worker makes (increments, withdrawals, one claim). */
  attempts(setup: ScenarioSetup): number;
  /**
   * Why `increments` does not set the attempts, where it does not ("each worker claims
   * once"); null where it does.
   */
  fixedAttempts: string | null;
  /** The largest value a worker can hold in its register (sizes the explorer's states). */
  largestRead(setup: ScenarioSetup, leaves: number): number;
  /** Whether every attempt makes all of its accesses (no refusals), so state counts are known. */
  fixedLength: boolean;
  /**
   * The cell's value as increments done, so a trace is accounted as a counter's (the bank's
   * debits mirror into increments); null where each write claims the cell instead (a claim):
   * then the trace is accounted as claims (claimBooks.ts).
   */
  asIncrements: ((value: number, initial: number) => number) | null;
  /** Whether outcomes count successes apart from the cell (payments, winners). */
  countsWins: boolean;
  strategies: Readonly<Record<StrategyId, Strategy>>;
  /** The Python program's shared value as main makes it: `Value('d', 0)`. */
  pyValue(setup: ScenarioSetup): string;
  /** Whether each worker function also takes its id, `me` (what a claim writes). */
  pyPassesId: boolean;
  /** The outcome of a run that ended with the cell at `final` and `won` successes in all. */
  outcome(setup: ScenarioSetup, final: number, won: number): ScenarioOutcome;
  /** The numbers that name an outcome in the explorer, compared in order ("balance:paid"). */
  outcomeKey(final: number, won: number): number[];
}

/** A scenario word at the start of a label: "withdrawal" → "Withdrawal". */
export const capitalized = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
