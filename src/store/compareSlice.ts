import type { StateCreator } from 'zustand';
import { accountRun } from '../core/scenarioBooks';
import type { RunConfig } from '../core/config';
import type { PageParams } from '../core/pageParams';
import type { StrategyId } from '../core/strategies';
import { EngineError } from '../runtime/engine';
import type { EngineSupport } from '../runtime/features';
import { freshSeed, getEngine, simulated, usesSimulation } from './engines';
import { resultOf, type RunResult } from './runSlice';

/** The compare view's two sides: the same settings, racy on the left, atomic on the right. */
export const COMPARE_SIDES = [
  { side: 'left', strategy: 'racy' },
  { side: 'right', strategy: 'atomic' },
] as const satisfies readonly { side: string; strategy: StrategyId }[];

export type CompareSide = (typeof COMPARE_SIDES)[number]['side'];

export interface Comparison {
  status: 'idle' | 'running' | 'done' | 'stopped' | 'error';
  left: RunResult | null;
  right: RunResult | null;
  error: string | null;
}

export interface CompareSlice {
  comparison: Comparison;
  /** Run both sides, one after the other, on the page's engine (and seed, when simulated). */
  runComparison(): Promise<void>;
  stopComparison(): void;
}

type Needs = CompareSlice & {
  config: RunConfig;
  page: PageParams;
  status: string;
  detectEngine(): Promise<EngineSupport>;
};

const IDLE: Comparison = { status: 'idle', left: null, right: null, error: null };

export const createCompareSlice: StateCreator<Needs, [], [], CompareSlice> = (set, get) => ({
  comparison: IDLE,
  runComparison: async () => {
    if (get().comparison.status === 'running' || get().status === 'running') return;
    const { config, page } = get();
    set({ comparison: { ...IDLE, status: 'running' } });
    try {
      const simulate = usesSimulation(page, await get().detectEngine());
      // One seed for both sides: the same scheduler's choices, only the strategy differs.
      const seed = simulate ? (page.seed ?? freshSeed()) : null;
      for (const { side, strategy } of COMPARE_SIDES) {
        const sideConfig: RunConfig = { ...config, strategy };
        const outcome =
          seed !== null
            ? await simulated.run(sideConfig, seed)
            : await getEngine().run(sideConfig, {});
        const accounting = outcome.trace ? accountRun(outcome.trace) : null;
        const engine = seed !== null ? 'simulated' : 'workers';
        const result = resultOf(sideConfig, outcome, accounting, engine, seed);
        set((s) => ({ comparison: { ...s.comparison, [side]: result } }));
      }
      set((s) => ({ comparison: { ...s.comparison, status: 'done' } }));
    } catch (e) {
      const stopped = e instanceof EngineError && e.kind === 'stopped';
      const error = stopped ? null : e instanceof Error ? e.message : String(e);
      set((s) => ({
        comparison: { ...s.comparison, status: stopped ? 'stopped' : 'error', error },
      }));
    }
  },
  stopComparison: () => {
    if (get().comparison.status !== 'running') return;
    getEngine().stop();
    simulated.stop();
  },
});
