import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { presetConfig, type RunConfig } from '../core/config';
import { EngineError } from '../runtime/engine';
import type { RunOutcome } from '../runtime/types';
import { DEFAULT_PAGE_PARAMS, type PageParams } from '../core/pageParams';
import type { EngineSupport } from '../runtime/features';
import type { RunStatus } from './runSlice';
import { createTrialsSlice, type TrialsSlice } from './trialsSlice';

/** A stand-in engine whose runs finish when the test says so. */
const engine = vi.hoisted(() => ({
  calls: [] as RunConfig[],
  pending: [] as { resolve(final: number): void; reject(e: Error): void }[],
  stops: 0,
  disposals: 0,
  run(config: RunConfig): Promise<Pick<RunOutcome, 'final' | 'elapsedMs'>> {
    this.calls.push(config);
    return new Promise((resolve, reject) =>
      this.pending.push({ resolve: (final) => resolve({ final, elapsedMs: 1.5 }), reject }),
    );
  },
  stop() {
    this.stops++;
    this.pending.shift()?.reject(new EngineError('stopped', 'The run was stopped.'));
  },
  dispose() {
    this.disposals++;
  },
  liveWorkers: () => 2,
}));
// Real workers are the stand-in above; the simulated engine is the real one.
vi.mock('./engines', async (real) => ({
  ...(await real<typeof import('./engines')>()),
  getEngine: () => engine,
}));

type State = TrialsSlice & {
  config: RunConfig;
  page: PageParams;
  status: RunStatus;
  liveWorkers: number;
  detectEngine(): Promise<EngineSupport>;
};
const config: RunConfig = { ...presetConfig('custom'), workers: 2, increments: 3 };
const WORKERS: EngineSupport = { engine: 'workers' };
const NO_SAB: EngineSupport = {
  engine: 'simulated',
  reason: 'no-shared-array-buffer',
  text: 'this browser gave the page no SharedArrayBuffer',
};
const makeStore = (
  status: RunStatus = 'idle',
  { support = WORKERS, page = {} }: { support?: EngineSupport; page?: Partial<PageParams> } = {},
) =>
  createStore<State>()((...a) => ({
    config,
    page: { ...DEFAULT_PAGE_PARAMS, ...page },
    status,
    liveWorkers: 0,
    detectEngine: () => Promise.resolve(support),
    ...createTrialsSlice(...a),
  }));

/** Let the batch loop reach its next run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

/** Finish pending runs one by one with these finals. */
async function finish(finals: number[]) {
  for (const f of finals) {
    await settle();
    engine.pending.shift()!.resolve(f);
  }
  await settle();
}

beforeEach(() => {
  engine.calls = [];
  engine.pending = [];
  engine.stops = 0;
  engine.disposals = 0;
});

describe('trials slice', () => {
  it('runs the config count times with recording off and summarises the finals', async () => {
    const store = makeStore();
    store.getState().setTrialCount(10);
    const done = store.getState().runTrials();
    await finish([6, 5, 6, 4, 6, 6, 6, 3, 6, 6]);
    await done;
    const { trials } = store.getState();
    expect(trials).toMatchObject({ status: 'done', completed: 10, total: 10 });
    expect(trials.series).toEqual([
      expect.objectContaining({
        strategy: 'racy',
        expected: 6,
        finals: [6, 5, 6, 4, 6, 6, 6, 3, 6, 6],
      }),
    ]);
    expect(engine.calls.every((c) => c.trace === 'off' && c.strategy === 'racy')).toBe(true);
    expect(engine.disposals).toBe(0);
    expect(store.getState().liveWorkers).toBe(2);
  });

  it('shows the first result before the batch ends', async () => {
    const store = makeStore();
    const done = store.getState().runTrials();
    await finish([4]);
    expect(store.getState().trials).toMatchObject({ status: 'running', completed: 1, total: 200 });
    expect(store.getState().trials.series[0]!.finals).toEqual([4]);
    store.getState().cancelTrials();
    await done;
  });

  it('compares the chosen strategies round robin, in their fixed order', async () => {
    const store = makeStore();
    const s = store.getState();
    s.setTrialCount(10);
    s.setCompare(true);
    s.setCompareStrategy('lock-each', false);
    s.setCompareStrategy('lock', false);
    s.setCompareStrategy('lock', true);
    expect(store.getState().trials.strategies).toEqual(['racy', 'atomic', 'lock', 'cas']);
    const done = s.runTrials();
    await finish(Array.from({ length: 40 }, () => 6));
    await done;
    expect(engine.calls.slice(0, 5).map((c) => c.strategy)).toEqual([
      'racy',
      'atomic',
      'lock',
      'cas',
      'racy',
    ]);
    const { trials } = store.getState();
    expect(trials.series.map((x) => [x.strategy, x.finals.length])).toEqual([
      ['racy', 10],
      ['atomic', 10],
      ['lock', 10],
      ['cas', 10],
    ]);
    expect(trials).toMatchObject({ completed: 40, total: 40 });
  });

  it('cancels at once: the run in flight is stopped and not counted', async () => {
    const store = makeStore();
    const done = store.getState().runTrials();
    await finish([6, 5, 6]);
    await settle();
    store.getState().cancelTrials();
    await done;
    expect(engine.stops).toBe(1);
    const { trials } = store.getState();
    expect(trials).toMatchObject({ status: 'cancelled', completed: 3 });
    expect(trials.series[0]!.finals).toEqual([6, 5, 6]);
  });

  it('starts fresh workers for every trial when asked', async () => {
    const store = makeStore();
    store.getState().setTrialCount(10);
    store.getState().setTrialsPool('fresh');
    const done = store.getState().runTrials();
    await finish(Array.from({ length: 10 }, () => 6));
    await done;
    expect(engine.disposals).toBe(10);
  });

  it('reports a failed run and keeps what came before', async () => {
    const store = makeStore();
    const done = store.getState().runTrials();
    await finish([6]);
    await settle();
    engine.pending.shift()!.reject(new EngineError('failed', 'worker 1 failed: boom'));
    await done;
    expect(store.getState().trials).toMatchObject({
      status: 'error',
      error: 'worker 1 failed: boom',
      completed: 1,
    });
  });

  it('keeps the count within 10 to 10,000 and waits while a single run is going', async () => {
    const store = makeStore('running');
    store.getState().setTrialCount(3);
    expect(store.getState().trials.count).toBe(10);
    store.getState().setTrialCount(1e6);
    expect(store.getState().trials.count).toBe(10_000);
    await store.getState().runTrials();
    expect(engine.calls).toEqual([]);
    expect(store.getState().trials.status).toBe('idle');
  });

  describe('without real workers', () => {
    const racy: RunConfig = { ...config, increments: 20 };
    async function simulatedBatch(options: Parameters<typeof makeStore>[1]) {
      const store = makeStore('idle', options);
      store.setState({ config: racy });
      store.getState().setTrialCount(20);
      await store.getState().runTrials();
      return store.getState().trials;
    }

    it('runs every trial on the seeded scheduler, labelled simulated, and honours the seed', async () => {
      const first = await simulatedBatch({ support: NO_SAB, page: { seed: 7 } });
      expect(first).toMatchObject({ status: 'done', completed: 20, engine: 'simulated', seed: 7 });
      expect(engine.calls).toEqual([]);
      const again = await simulatedBatch({ support: NO_SAB, page: { seed: 7 } });
      expect(again.series[0]!.finals).toEqual(first.series[0]!.finals);
      const other = await simulatedBatch({ support: NO_SAB, page: { seed: 8 } });
      expect(other.series[0]!.finals).not.toEqual(first.series[0]!.finals);
      // Racy runs of 2 × 20 lose updates under a random order, and never end above 40.
      expect(Math.min(...first.series[0]!.finals)).toBeLessThan(40);
      expect(Math.max(...first.series[0]!.finals)).toBeLessThanOrEqual(40);
    });

    it('goes to the simulation when the page asks for it, even with workers to hand', async () => {
      const trials = await simulatedBatch({ page: { engine: 'simulated' } });
      expect(trials).toMatchObject({ status: 'done', completed: 20, engine: 'simulated' });
      expect(trials.seed).toEqual(expect.any(Number));
      expect(engine.calls).toEqual([]);
    });

    it('says real workers ran them otherwise', async () => {
      const store = makeStore();
      const done = store.getState().runTrials();
      await finish([6]);
      expect(store.getState().trials).toMatchObject({ engine: 'workers', seed: null });
      store.getState().cancelTrials();
      await done;
    });
  });
});
