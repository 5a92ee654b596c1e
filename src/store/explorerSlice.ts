import type { StateCreator } from 'zustand';
import { initialOf } from '../core/scenarios';
import { PRESETS, type RunConfig } from '../core/config';
import type { Exploration } from '../core/explorer';
import type { StrategyId } from '../core/strategies';
import { ExplorerError, getExplorer } from '../runtime/explorerClient';
import type { TrialsState } from './trialsSlice';

export type ExploreStatus = 'idle' | 'exploring' | 'done' | 'stopped' | 'error';

export interface ExplorerState {
  status: ExploreStatus;
  error: string | null;
  /** The shape (see shapeKey) the results belong to; they say nothing about other shapes. */
  shape: string | null;
  results: Partial<Record<StrategyId, Exploration>>;
  /** The search for a schedule that ends at `final`. */
  witness: { status: 'idle' | 'searching' | 'error'; final: number | null; error: string | null };
}

export interface ExplorerSlice {
  explorer: ExplorerState;
  /** Search the reachable finals of the current config (and of the compared strategies). */
  explore(): Promise<void>;
  stopExploring(): void;
  /** Find a schedule of the current config that ends at `final` and open it in step mode. */
  showHow(final: number): Promise<void>;
}

/** What decides the reachable finals besides the strategy: the threads and the increments. */
export const shapeKey = (
  c: Pick<RunConfig, 'preset' | 'workers' | 'increments' | 'scenario' | 'balance'>,
): string =>
  `${PRESETS[c.preset].tree ? 'tree' : `${c.workers} flat`} × ${c.increments}` +
  (c.scenario ? ` ${c.scenario} from ${initialOf({ ...c, strategy: 'racy' })}` : '');

const IDLE_WITNESS: ExplorerState['witness'] = { status: 'idle', final: null, error: null };

type Needs = ExplorerSlice & {
  config: RunConfig;
  /** Step mode's: opens a schedule for stepping. */
  openSchedule(schedule: number[]): void;
  trials: Pick<TrialsState, 'compare' | 'strategies'>;
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const createExplorerSlice: StateCreator<Needs, [], [], ExplorerSlice> = (set, get) => {
  const patch = (change: Partial<ExplorerState>) =>
    set((s) => ({ explorer: { ...s.explorer, ...change } }));
  return {
    explorer: { status: 'idle', error: null, shape: null, results: {}, witness: IDLE_WITNESS },
    explore: async () => {
      const { config, trials, explorer } = get();
      if (explorer.status === 'exploring') return;
      const shape = shapeKey(config);
      const wanted = [config.strategy, ...(trials.compare ? trials.strategies : [])];
      const strategies = [...new Set(wanted)];
      // Results for another shape no longer describe anything shown.
      const kept = explorer.shape === shape ? explorer.results : {};
      patch({ status: 'exploring', error: null, shape, results: kept, witness: IDLE_WITNESS });
      try {
        for (const strategy of strategies) {
          const result = await getExplorer().explore({ ...config, strategy });
          patch({ results: { ...get().explorer.results, [strategy]: result } });
        }
        patch({ status: 'done' });
      } catch (e) {
        const stopped = e instanceof ExplorerError && e.kind === 'stopped';
        patch({ status: stopped ? 'stopped' : 'error', error: stopped ? null : messageOf(e) });
      }
    },
    stopExploring: () => getExplorer().stop(),
    showHow: async (final) => {
      if (get().explorer.witness.status === 'searching') return;
      const config = get().config;
      patch({ witness: { status: 'searching', final, error: null } });
      try {
        const schedule = await getExplorer().witness(config, final);
        if (schedule === null) {
          const error = `No schedule ends at ${final.toLocaleString('en')} within the search limit.`;
          patch({ witness: { status: 'error', final, error } });
          return;
        }
        patch({ witness: IDLE_WITNESS });
        get().openSchedule(schedule);
      } catch (e) {
        patch({ witness: { status: 'error', final, error: messageOf(e) } });
      }
    },
  };
};
