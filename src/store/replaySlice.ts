import type { StateCreator } from 'zustand';
import type { Accounting } from '../core/accounting';
import { accountRun } from '../core/scenarioBooks';
import type { PageParams } from '../core/pageParams';
import { compareReplay, type ReplayCheck } from '../core/replayCheck';
import { scheduleFromTrace } from '../core/replaySchedule';
import { replayChooser } from '../core/simulation';
import type { Trace } from '../core/trace';
import { EngineError } from '../runtime/engine';
import type { EngineSupport } from '../runtime/features';
import { replayOnWorkers } from '../runtime/gated';
import { getEngine, simulated, usesSimulation } from './engines';
import { resultOf, type RunResult, type RunStatus } from './runSlice';

export type { ReplayCheck } from '../core/replayCheck';

/** Replays longer than this go to the simulation: gated workers take ~0.1 ms a step. */
export const REPLAY_ON_WORKERS_MAX_STEPS = 200_000;

export interface ReplaySlice {
  /** Run the shown trace again with its order of accesses enforced, and compare. */
  replay(): Promise<void>;
  /** How the last replay compared with the trace it replayed. */
  replayCheck: ReplayCheck | null;
}

type Needs = ReplaySlice & {
  detectEngine(): Promise<EngineSupport>;
  page: PageParams;
  status: RunStatus;
  result: RunResult | null;
  error: string | null;
  trace: Trace | null;
  accounting: Accounting | null;
  resetPlayback(): void;
};

export const createReplaySlice: StateCreator<Needs, [], [], ReplaySlice> = (set, get) => ({
  replayCheck: null,
  replay: async () => {
    const { trace: recorded, accounting: recordedAccounting, page, status } = get();
    if (!recorded || status === 'running') return;
    const { schedule, exact } = scheduleFromTrace(recorded);
    const config = recorded.config;
    set({ status: 'running', error: null, replayCheck: null });
    try {
      const onWorkers =
        !usesSimulation(page, await get().detectEngine()) &&
        schedule.length <= REPLAY_ON_WORKERS_MAX_STEPS;
      const engine = onWorkers ? 'workers' : 'simulated';
      const outcome = onWorkers
        ? await replayOnWorkers(getEngine(), config, schedule)
        : await simulated.run({ ...config, trace: 'on' }, 0, replayChooser(schedule));
      const trace = outcome.trace!;
      const accounting = accountRun(trace);
      const check = recordedAccounting
        ? compareReplay(
            { trace: recorded, accounting: recordedAccounting },
            { trace, accounting },
            engine,
            exact,
          )
        : null;
      set({
        status: 'done',
        trace,
        accounting,
        result: resultOf(config, outcome, accounting, engine, null),
        replayCheck: check,
      });
      get().resetPlayback();
    } catch (error) {
      const stopped = error instanceof EngineError && error.kind === 'stopped';
      set({
        status: stopped ? 'stopped' : 'error',
        error: stopped ? null : error instanceof Error ? error.message : String(error),
      });
    }
  },
});
