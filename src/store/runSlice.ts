import type { StateCreator } from 'zustand';
import type { Accounting } from '../core/accounting';
import type { RunConfig } from '../core/config';
import { scenarioOf } from '../core/scenarios';
import type { ScenarioOutcome } from '../core/scenarioTypes';
import type { StrategyId } from '../core/strategies';
import type { Trace } from '../core/trace';
import { EngineError } from '../runtime/engine';
import type { RunOutcome } from '../runtime/types';
import type { ThreadTally } from '../core/threads';
import type { PageParams } from '../core/pageParams';
import { TraceProcessingError } from '../runtime/traceClient';
import type { TraceInput } from '../workers/traceApi';
import type { EngineSupport } from '../runtime/features';
import { freshSeed, getEngine, simulated, usesSimulation } from './engines';
import {
  prepareReading,
  readTrace,
  stopReading,
  type ReadTrace,
  type TraceProgress,
} from './traceReading';

export type RunStatus = 'idle' | 'running' | 'done' | 'stopped' | 'error';
export type Books = 'balanced' | 'unbalanced' | 'untraced' | 'truncated';

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
  /** While the trace worker reads a run's trace or an opened file: how far it is. */
  reading: TraceProgress | null;
  run(): Promise<void>;
  /** Stop the run, or the reading of its trace. */
  stop(): void;
  /** Open a trace file (read in the trace worker) and show it; a problem becomes a notice. */
  openTrace(file: File): Promise<void>;
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
  addNotices(source: 'import', texts: readonly string[]): void;
};

/**
 * Whether the trace explains the run: its books balance, and where it counts successes
 * (winners) it counts as many as the workers reported (`reported`: null when they did not).
 */
const booksOf = (acc: Accounting | null, reported: number | null): Books =>
  !acc
    ? 'untraced'
    : !acc.complete
      ? 'truncated'
      : acc.balanced && (reported === null || acc.won === undefined || acc.won === reported)
        ? 'balanced'
        : 'unbalanced';

export function resultOf(
  config: RunConfig,
  outcome: Pick<RunOutcome, 'final' | 'tallies' | 'workersIsolated'> & { elapsedMs: number | null },
  accounting: Accounting | null,
  engineName: RunResult['engine'],
  seed: number | null = null,
): RunResult {
  const reported = outcome.tallies.some((t) => t.won !== undefined)
    ? outcome.tallies.reduce((sum, t) => sum + (t.won ?? 0), 0)
    : null;
  // An opened file reports no tallies: its trace's count stands in for them.
  const won = reported ?? accounting?.won ?? 0;
  const judged = scenarioOf(config).outcome(config, outcome.final, won);
  const expected = judged.expected;
  const books = booksOf(accounting, reported);
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

/** Which run or opened file owns the page: a later one makes an earlier one's answer moot. */
let owner = 0;

const isStop = (e: unknown) =>
  (e instanceof EngineError || e instanceof TraceProcessingError) && e.kind === 'stopped';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export const createRunSlice: StateCreator<Needs, [], [], RunSlice> = (set, get) => {
  /**
   * Read `input` in the trace worker, reporting progress while this run owns the page and the
   * reading lasts: a progress message already on its way when the worker is stopped (or has
   * answered) arrives after the reading ended, and must not show it again.
   */
  const read = async (input: TraceInput, mine: number): Promise<ReadTrace> => {
    let reading = true;
    try {
      return await readTrace(input, (p) => {
        if (reading && owner === mine) set({ reading: p });
      });
    } finally {
      reading = false;
    }
  };

  return {
    status: 'idle',
    result: null,
    error: null,
    liveWorkers: 0,
    reading: null,
    run: async () => {
      // A new Run while a trace is still being read drops that reading.
      if (get().status === 'running') {
        if (!get().reading) return;
        stopReading();
      }
      const mine = ++owner;
      const { config, page } = get();
      set({ status: 'running', error: null, reading: null });
      prepareReading();
      try {
        const simulate = usesSimulation(page, await get().detectEngine());
        const seed = simulate ? (page.seed ?? freshSeed()) : null;
        const outcome =
          seed !== null
            ? await simulated.run(config, seed)
            : await getEngine().run(config, failHook(page, get().setPage));
        // For profilers and the bench: where the workers' part ends and the trace's begins.
        performance.mark('race-lab:workers-done');
        const shared = outcome.sharedTrace;
        const input: TraceInput | null = shared
          ? { kind: 'shared', source: shared }
          : outcome.trace
            ? { kind: 'trace', trace: outcome.trace }
            : null;
        let shown: ReadTrace | null = null;
        try {
          if (input) {
            set({ reading: { step: 'reading', accesses: 0, fraction: 0 } });
            shown = await read(input, mine);
          }
        } finally {
          // The trace worker is done with the buffer, or was ended: the next run may reuse it.
          if (shared) getEngine().releaseTrace(shared);
        }
        if (owner !== mine) return;
        const accounting = shown?.accounting ?? null;
        set({
          status: 'done',
          reading: null,
          result: resultOf(config, outcome, accounting, simulate ? 'simulated' : 'workers', seed),
          trace: shown?.trace ?? null,
          accounting,
          liveWorkers: getEngine().liveWorkers(),
        });
        get().resetPlayback();
      } catch (e) {
        if (owner !== mine) return;
        const stopped = isStop(e);
        set({
          status: stopped ? 'stopped' : 'error',
          error: stopped ? null : messageOf(e),
          reading: null,
          liveWorkers: getEngine().liveWorkers(),
        });
      }
    },
    stop: () => {
      if (get().status !== 'running') return;
      getEngine().stop();
      simulated.stop();
      stopReading();
      if (get().stepping) get().leaveStepMode();
    },
    openTrace: async (file) => {
      const before = get();
      if (before.status === 'running' && !before.reading) return;
      stopReading();
      const mine = ++owner;
      set({ status: 'running', error: null, reading: null });
      try {
        const { trace, accounting } = await read({ kind: 'file', file, name: file.name }, mine);
        if (owner !== mine) return;
        const tallies = trace.threads.map((t) => ({ thread: t.id, done: 0, retries: 0 }));
        const outcome = { final: trace.final, elapsedMs: null, tallies, workersIsolated: false };
        set({
          status: 'done',
          reading: null,
          trace,
          accounting,
          result: resultOf(trace.config, outcome, accounting, 'imported'),
        });
        get().resetPlayback();
      } catch (e) {
        if (owner !== mine) return;
        // Nothing on screen is lost: the earlier result and trace stay.
        const status = before.status === 'running' ? 'stopped' : before.status;
        set({ status, error: before.error, reading: null });
        if (!isStop(e)) get().addNotices('import', [messageOf(e)]);
      }
    },
  };
};
