import { wallTimeEnabled, type RunConfig } from '../core/config';
import { CELL } from '../core/layout';
import { epochNow } from '../core/recording';
import { threadLabel } from '../core/threads';
import type { LeafResult } from '../workers/api';
import type { SharedTraceSource } from '../workers/traceApi';
import { EngineError } from './engineError';
import { startNestedWorkers } from './nestedStart';
import { createGatedRun } from './gated';
import { finishRun } from './outcome';
import { planRun, runTimeoutMs, type RunPlan } from './plan';
import { WorkerPool, type PooledWorker } from './pool';
import { SpareTraceBuffer } from './spareTraceBuffer';
import type { GatedStarter, RunOutcome, Stepper } from './types';

export { EngineError, type EngineErrorKind } from './engineError';

export interface RunOptions {
  /** Test hook: this leaf throws after half its increments. */
  failThread?: number;
  /** Overrides the timeout computed from the config. */
  timeoutMs?: number;
}

/** What the workers answered: every leaf's result, and whether all had shared memory. */
interface Answers {
  leaves: LeafResult[];
  isolated: boolean;
}

/** The run in flight, and the way to end it from outside (stop, timeout, broken worker). */
interface ActiveRun {
  aborted: Promise<never>;
  abort(error: EngineError): void;
  over: boolean;
  /** The run's control cells, once planned: an abort raises their stop flag. */
  cells: Int32Array | null;
}

function newActiveRun(): ActiveRun {
  let reject: (error: EngineError) => void = () => undefined;
  const aborted = new Promise<never>((_, r) => (reject = r));
  // Only raced while the run is pending; a late abort must not surface as unhandled.
  aborted.catch(() => undefined);
  const run: ActiveRun = {
    aborted,
    over: false,
    cells: null,
    abort(error) {
      run.over = true;
      reject(error);
    },
  };
  return run;
}

/**
 * Runs configs on real Web Workers sharing one SharedArrayBuffer. The only place that creates,
 * reuses, terminates and times out workers.
 */
export class WorkerEngine implements GatedStarter {
  private readonly pool = new WorkerPool((message) => this.abort('failed', message));
  private active: ActiveRun | null = null;
  /** Free runs only: step mode's buffer is read live for as long as its session lasts. */
  private readonly spareTrace = new SpareTraceBuffer();

  /** Run `config` once; rejects with an EngineError on failure, timeout or stop. */
  async run(config: RunConfig, options: RunOptions = {}): Promise<RunOutcome> {
    const active = this.begin();
    const timeoutMs = options.timeoutMs ?? runTimeoutMs(config);
    const timer = setTimeout(
      () => this.abort('timeout', `The run did not finish within ${formatSeconds(timeoutMs)}.`),
      timeoutMs,
    );
    try {
      return await Promise.race([this.execute(config, options, active), active.aborted]);
    } catch (error) {
      // An abort has already ended the workers (and a new run may own the pool by now).
      if (!active.over) this.pool.terminateAll();
      throw asEngineError(error);
    } finally {
      active.over = true;
      clearTimeout(timer);
      if (this.active === active) this.active = null;
    }
  }

  /**
   * Start `config` in step mode (see Stepper). It holds the engine, like a run, until it is
   * finished or cancelled (or `stop` ends it); it has no overall timeout, only one per step.
   */
  async startGated(config: RunConfig): Promise<Stepper> {
    const active = this.begin();
    const end = (): void => {
      active.over = true;
      if (this.active === active) this.active = null;
    };
    try {
      const plan = planRun(config, { gated: true });
      const workers = await Promise.race([this.takeWorkers(plan, active), active.aborted]);
      const results = this.dispatch(plan, workers);
      // A worker that breaks mid-run ends it: the next step would wait for nothing.
      results.catch((error: unknown) => {
        if (this.active === active) this.abort('failed', messageOf(error));
      });
      return createGatedRun({
        config,
        plan,
        results,
        aborted: active.aborted,
        abort: (kind, message) => {
          if (this.active === active) this.abort(kind, message);
        },
        release: end,
      });
    } catch (error) {
      if (!active.over) this.pool.terminateAll();
      end();
      throw asEngineError(error);
    }
  }

  /** End the run in flight (step mode too) at once; its promise rejects with kind 'stopped'. */
  stop(): void {
    this.abort('stopped', 'The run was stopped.');
  }

  /**
   * A finished run's trace buffer is free again (its trace was read, or will never be): keep
   * it for the next run. Never for a stopped or failed run, whose workers may still write.
   */
  releaseTrace(source: SharedTraceSource): void {
    this.spareTrace.giveBack(source.events.buffer as SharedArrayBuffer);
  }

  /** Workers alive now, nested ones included. */
  liveWorkers(): number {
    return this.pool.live();
  }

  /** Terminate everything (page unload, embed closed); a later run starts new workers. */
  dispose(): void {
    this.stop();
    this.pool.terminateAll();
  }

  /** Claim the engine for a new run. */
  private begin(): ActiveRun {
    if (this.active) throw new EngineError('failed', 'A run is already in progress.');
    if (typeof SharedArrayBuffer === 'undefined') {
      throw new EngineError('failed', 'Shared memory is unavailable: the page is not isolated.');
    }
    const active = newActiveRun();
    this.active = active;
    return active;
  }

  private abort(kind: EngineError['kind'], message: string): void {
    const active = this.active;
    if (!active) return;
    this.active = null;
    // Busy leaves see the flag within microseconds and return; terminate() alone lets their
    // loop run on until the browser forces it (up to 2 s in Chromium), holding the cores.
    if (active.cells) {
      Atomics.store(active.cells, CELL.stop, 1);
      Atomics.notify(active.cells, CELL.go);
    }
    // A worker blocked in Atomics.wait never answers: terminating is the only way out.
    this.pool.terminateAll();
    active.abort(new EngineError(kind, message));
  }

  private async execute(
    config: RunConfig,
    options: RunOptions,
    active: ActiveRun,
  ): Promise<RunOutcome> {
    const plan = planRun(config, {
      failThread: options.failThread,
      wallEpoch: wallTimeEnabled(config) ? epochNow() : null,
      traceBuffer: this.spareTrace.take,
    });
    active.cells = plan.cells;
    const workers = await this.takeWorkers(plan, active);
    if (active.over) throw new EngineError('stopped', 'The run was stopped.');
    // Wall time counts from the jobs being sent, not from starting workers for them.
    if (plan.trace?.wallEpoch != null) plan.trace.wallEpoch = epochNow();
    const { leaves, isolated } = await this.dispatch(plan, workers);
    if (active.over) throw new EngineError('stopped', 'The run was stopped.');
    return finishRun(plan, leaves, isolated, config, true);
  }

  /** One worker of the main thread's own per child of main, with supervisors' children started. */
  private async takeWorkers(plan: RunPlan, active: ActiveRun): Promise<PooledWorker[]> {
    const workers = await this.pool.take(plan.direct.map((d) => d.role));
    await startNestedWorkers(this.pool, plan, workers, () => active.over);
    return workers;
  }

  /** Send every worker its job; resolves when all leaves have finished. */
  private async dispatch(plan: RunPlan, workers: PooledWorker[]): Promise<Answers> {
    const answers = await Promise.all(
      plan.direct.map((d, i) => {
        const api = workers[i]!.api;
        const answer =
          d.role === 'leaf'
            ? api.leaf(d.job).then((leaf) => ({ leaves: [leaf], childrenIsolated: true }))
            : api.supervise(d.job);
        return answer.catch((error: unknown) => {
          const who = threadLabel(plan.threads, d.job.thread);
          throw new EngineError('failed', `${who} failed: ${messageOf(error)}`);
        });
      }),
    );
    const leaves = answers.flatMap((a) => a.leaves).sort((a, b) => a.thread - b.thread);
    const isolated = answers.every((a) => a.childrenIsolated) && workers.every((w) => w.isolated);
    return { leaves, isolated };
  }
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

const asEngineError = (error: unknown): EngineError =>
  error instanceof EngineError
    ? error
    : new EngineError('failed', `The run failed: ${messageOf(error)}`);

const formatSeconds = (ms: number): string =>
  ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000).toLocaleString('en')} s`;
