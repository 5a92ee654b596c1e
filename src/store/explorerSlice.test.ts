import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { presetConfig, type RunConfig } from '../core/config';
import { exploreOutcomes, witnessSchedule } from '../core/explorer';
import { replayChooser, simulate } from '../core/simulation';
import type { StrategyId } from '../core/strategies';
import { createExplorerSlice, shapeKey, type ExplorerSlice } from './explorerSlice';

/** The worker's answers, computed here in the test's own thread. */
const explorer = vi.hoisted(() => ({ next: 'answer' as 'answer' | 'stop' | 'fail' }));
vi.mock('../runtime/explorerClient', async (importOriginal) => {
  const real = await importOriginal<typeof import('../runtime/explorerClient')>();
  return {
    ...real,
    getExplorer: () => ({
      explore: async (c: RunConfig) => {
        if (explorer.next === 'stop') throw new real.ExplorerError('stopped', 'stopped');
        if (explorer.next === 'fail') throw new real.ExplorerError('failed', 'out of memory');
        return exploreOutcomes(c);
      },
      witness: async (c: RunConfig, final: number) => witnessSchedule(c, final),
      stop: () => undefined,
    }),
  };
});

type State = ExplorerSlice & {
  config: RunConfig;
  trials: { compare: boolean; strategies: StrategyId[] };
  /** What step mode's openSchedule was handed (the real one starts stepping through it). */
  opened: number[] | null;
  openSchedule(schedule: number[]): void;
};
const flat = (workers: number, increments: number): RunConfig => ({
  ...presetConfig('custom'),
  workers,
  increments,
});
const makeStore = (config: RunConfig, compare = false) =>
  createStore<State>()((...a) => ({
    config,
    trials: { compare, strategies: ['atomic', 'lock-each'] },
    opened: null,
    openSchedule: (schedule) => a[0]({ opened: schedule }),
    ...createExplorerSlice(...a),
  }));

describe('explorer slice', () => {
  it('explores the current strategy for the current shape', async () => {
    const store = makeStore(flat(2, 3));
    await store.getState().explore();
    const { explorer } = store.getState();
    expect(explorer).toMatchObject({ status: 'done', shape: shapeKey(flat(2, 3)) });
    expect(explorer.results.racy?.finals).toEqual([2, 3, 4, 5, 6]);
    expect(Object.keys(explorer.results)).toEqual(['racy']);
  });

  it('explores the compared strategies too, and forgets results of another shape', async () => {
    const store = makeStore(flat(2, 3), true);
    await store.getState().explore();
    expect(store.getState().explorer.results.atomic?.finals).toEqual([6]);
    expect(store.getState().explorer.results['lock-each']?.finals).toEqual([2, 3, 4, 5, 6]);
    store.setState({ config: flat(2, 2), trials: { compare: false, strategies: [] } });
    await store.getState().explore();
    expect(store.getState().explorer.results).toEqual({
      racy: expect.objectContaining({ finals: [2, 3, 4] }),
    });
  });

  it('tells a stopped search from a failed one', async () => {
    const store = makeStore(flat(2, 3));
    explorer.next = 'stop';
    await store.getState().explore();
    expect(store.getState().explorer).toMatchObject({ status: 'stopped', error: null });
    explorer.next = 'fail';
    await store.getState().explore();
    explorer.next = 'answer';
    expect(store.getState().explorer).toMatchObject({ status: 'error', error: 'out of memory' });
  });

  it('opens step mode on a schedule that ends at the value asked for', async () => {
    const config = flat(2, 3);
    const store = makeStore(config);
    await store.getState().showHow(2);
    const schedule = store.getState().opened!;
    expect(simulate(config, replayChooser(schedule)).final).toBe(2);
    expect(store.getState().explorer.witness.status).toBe('idle');
  });

  it('says so when no schedule ends at the value', async () => {
    const store = makeStore(flat(2, 3));
    await store.getState().showHow(1);
    expect(store.getState().opened).toBeNull();
    expect(store.getState().explorer.witness).toMatchObject({
      status: 'error',
      final: 1,
      error: 'No schedule ends at 1 within the search limit.',
    });
  });

  it('keys shapes by threads and increments only', () => {
    expect(shapeKey(flat(2, 3))).toBe(shapeKey({ ...flat(2, 3), preset: 'custom' }));
    expect(shapeKey(flat(2, 3))).not.toBe(shapeKey(flat(3, 3)));
    expect(shapeKey({ ...presetConfig('blog'), increments: 3 })).toBe('tree × 3');
  });
});
