import type { StateCreator } from 'zustand';
import type { Accounting } from '../core/accounting';
import { accountRun } from '../core/scenarioBooks';
import type { RunConfig } from '../core/config';
import { scenarioOf } from '../core/scenarios';
import type { ScenarioOutcome } from '../core/scenarioTypes';
import type { StrategyId } from '../core/strategies';
import type { Trace } from '../core/trace';
import { EngineError } from '../runtime/engine';
import type { RunOutcome } from '../runtime/types';
import type { ThreadTally } from '../core/threads';
import type { PageParams } from '../core/pageParams';
import type { EngineSupport } from '../runtime/features';
import { freshSeed, getEngine, simulated, usesSimulation } from './engines';

export type RunStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';
/** 'judged': a scenario whose writes are not increments (a claim) is judged by its outcome. */
export type Books = 'balanced' | 'unbalanced' | 'untraced' | 'truncated' | 'judged';

/** What the result panel shows of the last finished run (or imported trace). */
export interface RunResult {
  expected: number;
  final: number;
  lost: number;
  elapsedMs: number | null;
  strategy: StrategyId;
  preset: RunConfig['preset'];
  engine: 'workers' | 'simulated' | 'imported';
  /** The simulated engine's seed (null for real workers). */
  seed: number | null;
  workersIsolated: boolean;
  books: Books;
  tallies: ThreadTally[];
  /** The run judged in its scenario's terms (payments, winners…). */
  outcome: ScenarioOutcome;
}

export interface RunSlice {
  status: RunStatus;
  result: RunResult | null;
  error: string | null;
  liveWorkers: number;
  run(): Promise<void>;
  stop(): void;
  /** Show a trace that did not come from a run here (an imported file). */
  showTrace(trace: Trace): void;
}

type Needs = RunSlice & {
  detectEngine(): Promise<EngineSupport>;
  stepping: unknown;
  leaveStepMode(): void;
  config: RunConfig;
  page: PageParams;
  setPage(change: Partial<PageParams>): void;
  trace: Trace | null;
  accounting: Accounting | null;
  resetPlayback(): void;
};

const booksOf = (config: RunConfig, acc: Accounting | null): Books =>
  !acc && !scenarioOf(config).asIncrements
    ? 'judged'
    : !acc
      ? 'untraced'
      : !acc.complete
        ? 'truncated'
        : acc.balanced
          ? 'balanced'
          : 'unbalanced';

export function resultOf(
  config: RunConfig,
  outcome: Pick<RunOutcome, 'final' | 'tallies' | 'workersIsolated'> & { elapsedMs: number | null },
  accounting: Accounting | null,
  engineName: RunResult['engine'],
  seed: number | null = null,
): RunResult {
  const won = outcome.tallies.reduce((sum, t) => sum + (t.won ?? 0), 0);
  const judged = scenarioOf(config).outcome(config, outcome.final, won);
  const expected = judged.expected;
  const books = booksOf(config, accounting);
  return {
    expected,
    final: outcome.final,
    // The trace's own count when it is whole; otherwise what the numbers imply.
    lost: accounting && books !== 'truncated' ? accounting.lost : judged.lost,
    outcome: judged,
    elapsedMs: outcome.elapsedMs,
    strategy: config.strategy,
    preset: config.preset,
    engine: engineName,
    seed,
    workersIsolated: outcome.workersIsolated,
    books,
    tallies: outcome.tallies,
  };
}

/**
 * The test-only hook that makes one worker throw, for testing how failures surface: only the
 * e2e build has it (`__FAULT_INJECTION__`); production ignores `fail`.
 */
function failHook(page: PageParams, setPage: (change: Partial<PageParams>) => void) {
  if (!__FAULT_INJECTION__ || !page.debug || page.fail === null) return {};
  // One failing run per request: the next run shows that the page recovers.
  setPage({ fail: null });
  return { failThread: page.fail };
}

export const createRunSlice: StateCreator<Needs, [], [], RunSlice> = (set, get) => ({
  status: 'idle',
  result: null,
  error: null,
  liveWorkers: 0,
  run: async () => {
    if (get().status === 'running') return;
    const { config, page } = get();
    set({ status: 'running', error: null });
    try {
      const simulate = usesSimulation(page, await get().detectEngine());
      const seed = simulate ? (page.seed ?? freshSeed()) : null;
      const outcome =
        seed !== null
          ? await simulated.run(config, seed)
          : await getEngine().run(config, failHook(page, get().setPage));
      const accounting = outcome.trace ? accountRun(outcome.trace) : null;
      set({
        status: 'done',
        result: resultOf(config, outcome, accounting, simulate ? 'simulated' : 'workers', seed),
        trace: outcome.trace,
        accounting,
        liveWorkers: getEngine().liveWorkers(),
      });
      get().resetPlayback();
    } catch (e) {
      const stopped = e instanceof EngineError && e.kind === 'stopped';
      set({
        status: stopped ? 'stopped' : 'error',
        error: stopped ? null : e instanceof Error ? e.message : String(e),
        liveWorkers: getEngine().liveWorkers(),
      });
    }
  },
  stop: () => {
    if (get().status !== 'running') return;
    getEngine().stop();
    simulated.stop();
    if (get().stepping) get().leaveStepMode();
  },
  showTrace: (trace) => {
    const accounting = accountRun(trace);
    const tallies = trace.threads.map((t) => ({ thread: t.id, done: 0, retries: 0 }));
    set({
      status: 'done',
      error: null,
      trace,
      accounting,
      result: resultOf(
        trace.config,
        { final: trace.final, elapsedMs: null, tallies, workersIsolated: false },
        accounting,
        'imported',
      ),
    });
    get().resetPlayback();
  },
});
