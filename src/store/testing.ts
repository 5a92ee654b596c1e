import { createStore } from 'zustand/vanilla';
import type { Accounting } from '../core/accounting';
import { presetConfig, type RunConfig } from '../core/config';
import { DEFAULT_PAGE_PARAMS, type PageParams } from '../core/pageParams';
import type { Trace } from '../core/trace';
import type { EngineSupport } from '../runtime/features';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createReplaySlice, type ReplaySlice } from './replaySlice';
import type { RunResult, RunStatus } from './runSlice';
import { createStepSlice, type StepSlice } from './stepSlice';

/** The parts of the lab's state that step mode and replay use, with the simulated engine. */
export type StepTestState = StepSlice &
  ReplaySlice &
  PlaybackSlice & {
    config: RunConfig;
    page: PageParams;
    status: RunStatus;
    result: RunResult | null;
    error: string | null;
    trace: Trace | null;
    accounting: Accounting | null;
    notices: string[];
    detectEngine(): Promise<EngineSupport>;
    setPage(change: Partial<PageParams>): void;
    addNotices(source: 'run', texts: readonly string[]): void;
  };

/** A store of its own (nothing shared with another test's) running on the simulated engine. */
export const stepTestStore = (config: RunConfig = presetConfig('custom', 'racy')) =>
  createStore<StepTestState>()((...a) => {
    const [set, get] = a;
    return {
      config,
      page: { ...DEFAULT_PAGE_PARAMS, engine: 'simulated' },
      status: 'idle',
      result: null,
      error: null,
      trace: null,
      accounting: null,
      notices: [],
      // Real workers would be there; the page's engine=simulated is what sends runs elsewhere.
      detectEngine: () => Promise.resolve({ engine: 'workers' }),
      setPage: (change) => set({ page: { ...get().page, ...change } }),
      addNotices: (_, texts) => set({ notices: [...get().notices, ...texts] }),
      ...createPlaybackSlice(...a),
      ...createStepSlice(...a),
      ...createReplaySlice(...a),
    };
  });
