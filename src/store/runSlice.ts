import type { StateCreator } from 'zustand';
import { accountTrace, type Accounting } from '../core/accounting';
import { expectedTotal, type RunConfig } from '../core/config';
import type { StrategyId } from '../core/strategies';
import type { Trace } from '../core/trace';
import type { PageParams } from '../core/pageParams';
import { EngineError, WorkerEngine, type RunOutcome, type ThreadTally } from '../runtime/engine';
import { SimulatedEngine } from '../runtime/simulatedEngine';

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
  config: RunConfig;
  page: PageParams;
  trace: Trace | null;
  accounting: Accounting | null;
  resetPlayback(length: number): void;
};

let engine: WorkerEngine | null = null;
/** The page's one worker engine, created on first use. */
export const getEngine = (): WorkerEngine => (engine ??= new WorkerEngine());
const simulated = new SimulatedEngine();

/** Whether runs go to the simulated engine: asked for, or no shared memory to be had. */
export const usesSimulation = (page: PageParams): boolean =>
  page.engine === 'simulated' || !globalThis.crossOriginIsolated;

/** A seed for a run that was not given one: shown with the result so the run can be repeated. */
const freshSeed = (): number => Math.floor(Math.random() * 2 ** 31);

const booksOf = (acc: Accounting | null): Books =>
  !acc ? 'untraced' : !acc.complete ? 'truncated' : acc.balanced ? 'balanced' : 'unbalanced';

function resultOf(
  config: RunConfig,
  outcome: Pick<RunOutcome, 'final' | 'tallies' | 'workersIsolated'> & { elapsedMs: number | null },
  accounting: Accounting | null,
  engineName: RunResult['engine'],
  seed: number | null = null,
): RunResult {
  const expected = expectedTotal(config);
  const books = booksOf(accounting);
  return {
    expected,
    final: outcome.final,
    // The trace's own count when it is whole; otherwise what the numbers imply.
    lost: accounting && books !== 'truncated' ? accounting.lost : expected - outcome.final,
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

export const createRunSlice: StateCreator<Needs, [], [], RunSlice> = (set, get) => ({
  status: 'idle',
  result: null,
  error: null,
  liveWorkers: 0,
  run: async () => {
    if (get().status === 'running') return;
    const { config, page } = get();
    const simulate = usesSimulation(page);
    const seed = simulate ? (page.seed ?? freshSeed()) : null;
    set({ status: 'running', error: null });
    try {
      const outcome =
        seed !== null ? await simulated.run(config, seed) : await getEngine().run(config);
      const accounting = outcome.trace ? accountTrace(outcome.trace) : null;
      set({
        status: 'done',
        result: resultOf(config, outcome, accounting, simulate ? 'simulated' : 'workers', seed),
        trace: outcome.trace,
        accounting,
        liveWorkers: getEngine().liveWorkers(),
      });
      get().resetPlayback(outcome.trace?.events.length ?? 0);
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
  },
  showTrace: (trace) => {
    const accounting = accountTrace(trace);
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
    get().resetPlayback(trace.events.length);
  },
});
