import type { StateCreator } from 'zustand';
import { accountTrace, type Accounting } from '../core/accounting';
import { expectedTotal, type RunConfig } from '../core/config';
import type { Op } from '../core/ops';
import type { PageParams } from '../core/pageParams';
import { decodeSchedule, encodeSchedule } from '../core/schedule';
import type { ThreadInfo } from '../core/threads';
import { inProgress, type Trace } from '../core/trace';
import { EngineError, type RunOutcome } from '../runtime/engine';
import { replayOnWorkers } from '../runtime/gated';
import { startStepper, stepThrough, type Stepper } from '../runtime/stepper';
import { scheduleFromTrace } from '../core/replaySchedule';
import { replayChooser } from '../core/simulation';
import { getEngine, simulated, usesSimulation } from './engines';
import { resultOf, type RunResult, type RunStatus } from './runSlice';

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
  /** Step mode on a schedule found elsewhere (the explorer's witnesses). */
  openSchedule(schedule: number[]): void;
  /** Run the shown trace again with its order of accesses enforced, and compare. */
  replay(): Promise<void>;
  /** How the last replay compared with the trace it replayed. */
  replayCheck: ReplayCheck | null;
}

export interface ReplayCheck {
  matches: boolean;
  text: string;
}

/** Replays longer than this go to the simulation: gated workers take ~0.1 ms a step. */
export const REPLAY_ON_WORKERS_MAX_STEPS = 200_000;

type Needs = StepSlice & {
  config: RunConfig;
  page: PageParams;
  status: RunStatus;
  result: RunResult | null;
  error: string | null;
  trace: Trace | null;
  accounting: Accounting | null;
  setPage(change: Partial<PageParams>): void;
  seek(i: number): void;
  resetPlayback(length: number): void;
  addNotices(source: 'run', texts: readonly string[]): void;
};

let stepper: Stepper | null = null;
/** Bumped by every start, so a start overtaken by a newer one quietly gives way. */
let generation = 0;

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
  /** Show the stepper's live trace, or its outcome once every worker has finished. */
  const refresh = async (s: Stepper, engine: StepSession['engine']): Promise<void> => {
    if (stepper !== s) return;
    let trace = inProgress(s.trace());
    let outcome: RunOutcome | null = null;
    if (s.done) {
      outcome = await s.finish();
      trace = outcome.trace ?? trace;
    }
    if (stepper !== s) return;
    const accounting = accountTrace(trace);
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
    stepper?.cancel();
    stepper = null;
  };

  return {
    stepping: null,
    replayCheck: null,
    replay: async () => {
      const { trace: recorded, accounting: recordedAccounting, page, status } = get();
      if (!recorded || !recordedAccounting || status === 'running') return;
      const { schedule, exact } = recorded.schedule
        ? { schedule: recorded.schedule, exact: true }
        : scheduleFromTrace(recorded);
      const config = recorded.config;
      const onWorkers = !usesSimulation(page) && schedule.length <= REPLAY_ON_WORKERS_MAX_STEPS;
      set({ status: 'running', error: null, replayCheck: null });
      try {
        const outcome = onWorkers
          ? await replayOnWorkers(getEngine(), config, schedule)
          : await simulated.run({ ...config, trace: 'on' }, 0, replayChooser(schedule));
        const trace = outcome.trace!;
        const accounting = accountTrace(trace);
        const engine = onWorkers ? 'workers' : 'simulated';
        set({
          status: 'done',
          trace,
          accounting,
          result: resultOf(config, outcome, accounting, engine, null),
          replayCheck: compareReplay(
            recorded,
            recordedAccounting,
            trace,
            accounting,
            engine,
            exact,
          ),
        });
        get().resetPlayback(trace.events.length);
      } catch (error) {
        fail(error);
      }
    },
    startStepping: async (prefix = []) => {
      const { config, page } = get();
      if (expectedTotal(config) > STEP_MODE_MAX_INCREMENTS) {
        get().addNotices('run', [
          `Step mode takes up to ${STEP_MODE_MAX_INCREMENTS.toLocaleString('en')} increments in all; this run has ${expectedTotal(config).toLocaleString('en')}. Choose fewer workers or increments.`,
        ]);
        return;
      }
      const gen = ++generation;
      stepper?.cancel();
      stepper = null;
      // A gated run still being set up by an earlier start holds the engine: end it.
      getEngine().stop();
      const engine = usesSimulation(page) ? 'simulated' : 'workers';
      set({ status: 'running', error: null, result: null, stepping: null });
      try {
        const s = await startStepper(getEngine(), config, engine === 'simulated');
        if (gen !== generation) return s.cancel();
        stepper = s;
        set({ stepping: { ...sessionOf(s, engine, true) } });
        await stepThrough(s, prefix);
        await refresh(s, engine);
      } catch (error) {
        if (gen === generation) fail(error);
      }
    },
    stepThread: async (thread) => {
      const s = stepper;
      const session = get().stepping;
      if (!s || !session || session.busy || !session.enabled.includes(thread)) return;
      set({ stepping: { ...session, busy: true, enabled: [] } });
      try {
        await s.step(thread);
        await refresh(s, session.engine);
      } catch (error) {
        if (stepper === s) fail(error);
      }
    },
    undoStep: async () => {
      const session = get().stepping;
      if (!session || session.busy || session.schedule.length === 0) return;
      await get().startStepping(session.schedule.slice(0, -1));
    },
    leaveStepMode: () => {
      stepper?.cancel();
      stepper = null;
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

/** The schedule a link asks for, when it is valid for the current config. */
export function scheduleFromPage(
  page: PageParams,
): { schedule: number[] } | { message: string } | null {
  if (!page.schedule) return null;
  const decoded = decodeSchedule(page.schedule);
  return decoded.ok
    ? { schedule: decoded.schedule }
    : { message: `Ignored schedule: ${decoded.message}` };
}

/** Say whether a replay reproduced the recorded run: final value and findings. */
function compareReplay(
  recorded: Trace,
  recordedAcc: Accounting,
  replayed: Trace,
  replayedAcc: Accounting,
  engine: string,
  exact: boolean,
): ReplayCheck {
  // Order stamps of a free run can swap near-simultaneous accesses, so compare findings as a
  // set (who erased how many), not by position.
  const key = ({ findings }: Accounting) =>
    Array.from(findings.index, (_, k) => `${findings.thread[k]}:${findings.erased[k]}`)
      .sort()
      .join();
  const sameFindings = key(recordedAcc) === key(replayedAcc);
  const matches =
    recorded.final === replayed.final && recordedAcc.lost === replayedAcc.lost && sameFindings;
  const steps = replayed.schedule?.length ?? 0;
  const text = matches
    ? `Replayed ${steps.toLocaleString('en')} steps on ${engine === 'workers' ? 'real workers' : 'the simulated engine'}: final ${replayed.final}, ${replayedAcc.lost} lost and ${replayedAcc.findings.length} findings, as recorded.`
    : `The replay differs: final ${replayed.final} (recorded ${recorded.final}), ${replayedAcc.lost} lost (recorded ${recordedAcc.lost}).${exact ? '' : ' The recorded order could not be fully reconstructed.'}`;
  return { matches, text };
}
