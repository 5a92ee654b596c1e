import { z } from '../core/zod';
import type { StateCreator } from 'zustand';
import { expectedTotal, type RunConfig } from '../core/config';
import type { PageParams } from '../core/pageParams';
import { seededRandom } from '../core/random';
import { STRATEGY_IDS, type StrategyId } from '../core/strategies';
import type { TrialSeries } from '../core/trialStats';
import { EngineError } from '../runtime/engine';
import type { RunOutcome } from '../runtime/types';
import type { EngineSupport } from '../runtime/features';
import { freshSeed, getEngine, simulated, usesSimulation } from './engines';
import type { RunStatus } from './runSlice';

export const TRIAL_LIMITS = { min: 10, max: 10_000 } as const;

/** The Trials field's rule, worded like the run settings' own. */
export const TRIAL_COUNT_SCHEMA = z.coerce
  .number({ error: 'must be a number' })
  .int({ error: 'must be a whole number' })
  .min(TRIAL_LIMITS.min, { error: 'must be at least 10' })
  .max(TRIAL_LIMITS.max, { error: 'must be at most 10,000' });

/** Reuse the page's worker pool (the default), or start fresh workers for every trial. */
export type TrialsPool = 'reuse' | 'fresh';
export type TrialsStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface TrialsState {
  /** Runs per strategy. */
  count: number;
  /** Run every chosen strategy side by side instead of only the config's own. */
  compare: boolean;
  /** The strategies compared, in STRATEGY_IDS order. */
  strategies: StrategyId[];
  pool: TrialsPool;
  /** Where the batch runs: real workers, or the seeded scheduler one access at a time. */
  engine: 'workers' | 'simulated' | null;
  /** The simulated batch's seed: the same seed gives the same finals, run for run. */
  seed: number | null;
  status: TrialsStatus;
  error: string | null;
  /** The config the series ran with (recording off; the strategy varies per series). */
  config: RunConfig | null;
  series: TrialSeries[];
  completed: number;
  total: number;
  /** Wall time of the batch so far, runs and the gaps between them. */
  elapsedMs: number;
}

export interface TrialsSlice {
  trials: TrialsState;
  setTrialCount(count: number): void;
  setCompare(on: boolean): void;
  setCompareStrategy(strategy: StrategyId, on: boolean): void;
  setTrialsPool(pool: TrialsPool): void;
  /** Run the current config `count` times per strategy, publishing results as they come. */
  runTrials(): Promise<void>;
  /** Stop the batch now: the run in flight is ended and not counted. */
  cancelTrials(): void;
}

type Needs = TrialsSlice & {
  config: RunConfig;
  page: PageParams;
  status: RunStatus;
  liveWorkers: number;
  detectEngine(): Promise<EngineSupport>;
};

/** How often, at most, a running batch republishes its series (the histogram's frame rate). */
const PUBLISH_MS = 100;
/** The simulated engine runs on the page's own thread: give the page a turn this often. */
const YIELD_MS = 12;
const yieldToPage = () => new Promise((resolve) => setTimeout(resolve, 0));

const clampCount = (n: number) =>
  Math.min(TRIAL_LIMITS.max, Math.max(TRIAL_LIMITS.min, Math.round(n)));

const copySeries = (series: readonly TrialSeries[]): TrialSeries[] =>
  series.map((s) => ({ ...s, finals: s.finals.slice(), elapsedMs: s.elapsedMs.slice() }));

export const createTrialsSlice: StateCreator<Needs, [], [], TrialsSlice> = (set, get) => {
  const patch = (change: Partial<TrialsState>) =>
    set((s) => ({ trials: { ...s.trials, ...change } }));
  /** The batch in flight; cancelling flips its flag so its loop ends. */
  let batch: { cancelled: boolean } | null = null;
  return {
    trials: {
      count: 200,
      compare: false,
      strategies: [...STRATEGY_IDS],
      pool: 'reuse',
      engine: null,
      seed: null,
      status: 'idle',
      error: null,
      config: null,
      series: [],
      completed: 0,
      total: 0,
      elapsedMs: 0,
    },
    setTrialCount: (count) => patch({ count: clampCount(count) }),
    setCompare: (compare) => patch({ compare }),
    setCompareStrategy: (strategy, on) => {
      const chosen = new Set(get().trials.strategies);
      if (on) chosen.add(strategy);
      else chosen.delete(strategy);
      patch({ strategies: STRATEGY_IDS.filter((id) => chosen.has(id)) });
    },
    setTrialsPool: (pool) => patch({ pool }),
    runTrials: async () => {
      const { trials, status, config: current, page } = get();
      if (trials.status === 'running' || status === 'running' || batch) return;
      const config: RunConfig = { ...current, trace: 'off' };
      const strategies = trials.compare ? trials.strategies : [config.strategy];
      if (strategies.length === 0) return;
      const series: TrialSeries[] = strategies.map((strategy) => ({
        strategy,
        expected: expectedTotal(config),
        finals: [],
        elapsedMs: [],
      }));
      const mine = { cancelled: false };
      batch = mine;
      const simulate = usesSimulation(page, await get().detectEngine());
      const seed = simulate ? (page.seed ?? freshSeed()) : null;
      // One seed per trial, drawn in order, shared by every strategy of that round.
      const trialSeeds = seededRandom(seed ?? 0);
      const runOne = async (config: RunConfig, trialSeed: number): Promise<RunOutcome> => {
        if (simulate) return simulated.run(config, trialSeed);
        const outcome = await getEngine().run(config);
        // Trials read only the outcome: the trace's buffer is free for the next trial.
        if (outcome.sharedTrace) getEngine().releaseTrace(outcome.sharedTrace);
        return outcome;
      };
      const started = performance.now();
      let yielded = started;
      let completed = 0;
      let published = -Infinity;
      const publish = (change: Partial<TrialsState> = {}) => {
        published = performance.now();
        patch({ series: copySeries(series), completed, elapsedMs: published - started, ...change });
      };
      patch({
        status: 'running',
        error: null,
        config,
        series: copySeries(series),
        completed,
        total: trials.count * series.length,
        elapsedMs: 0,
        engine: simulate ? 'simulated' : 'workers',
        seed,
      });
      try {
        // Round robin, so every strategy's histogram grows at once and drift hits all alike.
        for (let i = 0; i < trials.count && !mine.cancelled; i++) {
          const trialSeed = Math.floor(trialSeeds() * 2 ** 31);
          for (const s of series) {
            if (mine.cancelled) break;
            try {
              const outcome = await runOne({ ...config, strategy: s.strategy }, trialSeed);
              s.finals.push(outcome.final);
              s.elapsedMs.push(outcome.elapsedMs);
              completed++;
            } finally {
              if (trials.pool === 'fresh' && !simulate) getEngine().dispose();
            }
            if (performance.now() - published >= PUBLISH_MS) publish();
            if (simulate && performance.now() - yielded >= YIELD_MS) {
              await yieldToPage();
              yielded = performance.now();
            }
          }
        }
        publish({ status: mine.cancelled ? 'cancelled' : 'done' });
      } catch (e) {
        const stopped = e instanceof EngineError && e.kind === 'stopped';
        if (stopped) publish({ status: 'cancelled' });
        else publish({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      } finally {
        if (batch === mine) batch = null;
        set({ liveWorkers: getEngine().liveWorkers() });
      }
    },
    cancelTrials: () => {
      if (!batch) return;
      batch.cancelled = true;
      getEngine().stop();
      simulated.stop();
    },
  };
};
