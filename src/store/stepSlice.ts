import type { StateCreator } from 'zustand';
import type { Accounting } from '../core/accounting';
import { accountRun } from '../core/scenarioBooks';
import { attemptsOf } from '../core/scenarios';
import type { RunConfig } from '../core/config';
import type { Op } from '../core/ops';
import type { PageParams } from '../core/pageParams';
import { encodeSchedule } from '../core/schedule';
import type { ThreadInfo } from '../core/threads';
import { inProgress, type Trace } from '../core/trace';
import { EngineError } from '../runtime/engine';
import type { EngineSupport } from '../runtime/features';
import { startStepper, stepThrough } from '../runtime/stepper';
import type { RunOutcome, Stepper } from '../runtime/types';
import { getEngine, usesSimulation } from './engines';
import { resultOf, type RunResult, type RunStatus } from './runSlice';
import { StepRuntime } from './stepRuntime';

/** Step mode keeps whole traces live; beyond this many increments it would be a chore anyway. */
export const STEP_MODE_MAX_INCREMENTS = 10_000;

/** What the step panel shows of the session: who can move, and why the others cannot. */
export interface StepSession {
  threads: ThreadInfo[];
  enabled: number[];
  reasons: (string | null)[];
  nextOps: (Op | null)[];
  schedule: number[];
  engine: 'workers' | 'simulated';
  /** A step (or a replayed prefix) is under way. */
  busy: boolean;
  finished: boolean;
}

export interface StepSlice {
  stepping: StepSession | null;
  /** Start step mode on the current config, replaying `prefix` first (undo, links, witnesses). */
  startStepping(prefix?: readonly number[]): Promise<void>;
  /** Let one worker make its next shared access. */
  stepThread(thread: number): Promise<void>;
  undoStep(): Promise<void>;
  leaveStepMode(): void;
  /** Open step mode on a schedule found elsewhere (the explorer's witnesses), at its end. */
  openSchedule(schedule: number[]): void;
}

type Needs = StepSlice & {
  detectEngine(): Promise<EngineSupport>;
  config: RunConfig;
  page: PageParams;
  status: RunStatus;
  result: RunResult | null;
  error: string | null;
  trace: Trace | null;
  accounting: Accounting | null;
  setPage(change: Partial<PageParams>): void;
  seek(i: number): void;
  addNotices(source: 'run', texts: readonly string[]): void;
};

const sessionOf = (s: Stepper, engine: StepSession['engine'], busy: boolean): StepSession => ({
  threads: s.threads,
  enabled: busy ? [] : s.enabled(),
  reasons: s.threads.map((t) => s.blockedReason(t.id)),
  nextOps: s.threads.map((t) => s.nextOp(t.id)),
  schedule: s.schedule,
  engine,
  busy,
  finished: s.done,
});

export const createStepSlice: StateCreator<Needs, [], [], StepSlice> = (set, get) => {
  const runtime = new StepRuntime();

  /** Show the stepper's live trace, or its outcome once every worker has finished. */
  const refresh = async (s: Stepper, engine: StepSession['engine']): Promise<void> => {
    if (!runtime.holds(s)) return;
    let trace = inProgress(s.trace());
    let outcome: RunOutcome | null = null;
    if (s.done) {
      outcome = await s.finish();
      trace = outcome.trace ?? trace;
    }
    if (!runtime.holds(s)) return;
    const accounting = accountRun(trace);
    const schedule = s.schedule;
    set({
      stepping: sessionOf(s, engine, false),
      trace,
      accounting,
      ...(outcome
        ? { status: 'done', result: resultOf(get().config, outcome, accounting, engine, null) }
        : {}),
    });
    get().setPage({ schedule: schedule.length ? encodeSchedule(schedule) : null });
    get().seek(trace.events.length - 1);
  };

  const fail = (error: unknown) => {
    const stopped = error instanceof EngineError && error.kind === 'stopped';
    set({
      status: stopped ? 'stopped' : 'error',
      error: stopped ? null : error instanceof Error ? error.message : String(error),
      stepping: null,
    });
    runtime.end();
  };

  return {
    stepping: null,
    startStepping: async (prefix = []) => {
      const { config, page } = get();
      const total = config.workers * attemptsOf(config);
      if (total > STEP_MODE_MAX_INCREMENTS) {
        const most = STEP_MODE_MAX_INCREMENTS.toLocaleString('en');
        get().addNotices('run', [
          `Step mode takes up to ${most} increments in all; this run has ${total.toLocaleString('en')}. Choose fewer workers or increments.`,
        ]);
        return;
      }
      const ticket = runtime.restart();
      // A gated run still being set up by an earlier start holds the engine: end it.
      getEngine().stop();
      set({ status: 'running', error: null, result: null, stepping: null });
      try {
        const support = await get().detectEngine();
        if (!runtime.isLatest(ticket)) return;
        const engine = usesSimulation(page, support) ? 'simulated' : 'workers';
        const s = await startStepper(getEngine(), config, engine === 'simulated');
        if (!runtime.isLatest(ticket)) return s.cancel();
        runtime.hold(s);
        set({ stepping: sessionOf(s, engine, true) });
        await stepThrough(s, prefix);
        await refresh(s, engine);
      } catch (error) {
        if (runtime.isLatest(ticket)) fail(error);
      }
    },
    stepThread: async (thread) => {
      const s = runtime.current;
      const session = get().stepping;
      if (!s || !session || session.busy || !session.enabled.includes(thread)) return;
      set({ stepping: { ...session, busy: true, enabled: [] } });
      try {
        await s.step(thread);
        await refresh(s, session.engine);
      } catch (error) {
        if (runtime.holds(s)) fail(error);
      }
    },
    undoStep: async () => {
      const session = get().stepping;
      if (!session || session.busy || session.schedule.length === 0) return;
      await get().startStepping(session.schedule.slice(0, -1));
    },
    leaveStepMode: () => {
      runtime.end();
      const running = get().status === 'running';
      set({ stepping: null, ...(running ? { status: 'stopped' as const } : {}) });
      get().setPage({ mode: 'run', schedule: null });
    },
    openSchedule: (schedule) => {
      // The schedule goes into the page too: a step panel opening now starts from it.
      get().setPage({ mode: 'step', view: 'run', schedule: encodeSchedule(schedule) });
      void get().startStepping(schedule);
    },
  };
};
