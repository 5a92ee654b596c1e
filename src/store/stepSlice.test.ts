import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from '../core/config';
import { flatConfig as flat } from '../core/testing/configs';
import { stepTestStore } from './testing';

const waitIdle = async (store: ReturnType<typeof stepTestStore>) => {
  // Simulated steps resolve in microtasks; a few turns let every await settle.
  for (let i = 0; i < 20 && store.getState().stepping?.busy !== false; i++) await Promise.resolve();
};

describe('step slice', () => {
  it('steps a lost update, shows its books mid-run and records the schedule in the page', async () => {
    const store = stepTestStore(flat('racy', 2, 1));
    const s = store.getState;
    await s().startStepping();
    expect(s().stepping).toMatchObject({ enabled: [1, 2], busy: false, engine: 'simulated' });
    for (const thread of [1, 2, 1]) await s().stepThread(thread);
    expect(s().page.schedule).toBe('bcb');
    expect(s().accounting).toMatchObject({ lost: 0, balanced: true });
    await s().stepThread(2);
    expect(s().stepping).toMatchObject({ finished: true, schedule: [1, 2, 1, 2] });
    expect(s().status).toBe('done');
    expect(s().result).toMatchObject({ expected: 2, final: 1, lost: 1, books: 'balanced' });
    expect(s().stepping!.reasons[0]).toBe('finished');
  });

  it('ignores a step of a worker that cannot move, and undo replays all but the last step', async () => {
    const store = stepTestStore(flat('lock', 2, 1));
    const s = store.getState;
    await s().startStepping();
    await s().stepThread(1);
    expect(s().stepping!.reasons[2]).toBe('waiting for the lock held by worker 1');
    await s().stepThread(2);
    expect(s().stepping!.schedule).toEqual([1]);
    await s().stepThread(1);
    await s().undoStep();
    await waitIdle(store);
    expect(s().stepping!.schedule).toEqual([1]);
    expect(s().page.schedule).toBe('b');
  });

  it('opens a schedule from elsewhere at its end, in step mode, and leaves it cleanly', async () => {
    const store = stepTestStore(flat('racy', 2, 2));
    const s = store.getState;
    s().openSchedule([1, 2, 2, 2]);
    expect(s().page).toMatchObject({ mode: 'step', view: 'run', schedule: 'bc3' });
    await waitIdle(store);
    expect(s().stepping!.schedule).toEqual([1, 2, 2, 2]);
    s().leaveStepMode();
    expect(s().stepping).toBeNull();
    expect(s().page).toMatchObject({ mode: 'run', schedule: null });
  });

  it('refuses runs too large to step, with a notice', async () => {
    const config: RunConfig = { ...presetConfig('custom', 'racy'), workers: 4, increments: 5_000 };
    const store = stepTestStore(config);
    await store.getState().startStepping();
    expect(store.getState().stepping).toBeNull();
    expect(store.getState().notices[0]).toMatch(/^Step mode takes up to 10,000 increments/);
  });

  // Catches: the session held in module variables, shared by every store.
  it('keeps each store’s step session to itself', async () => {
    const a = stepTestStore(flat('racy', 2, 1));
    const b = stepTestStore(flat('racy', 2, 1));
    await a.getState().startStepping();
    await b.getState().startStepping();
    await a.getState().stepThread(1);
    expect(a.getState().stepping!.schedule).toEqual([1]);
    expect(b.getState().stepping!.schedule).toEqual([]);
    await b.getState().stepThread(2);
    expect(b.getState().stepping!.schedule).toEqual([2]);
  });
});
