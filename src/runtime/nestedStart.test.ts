import { describe, expect, it } from 'vitest';
import { presetConfig } from '../core/config';
import { planRun } from './plan';
import type { PooledWorker } from './pool';
import { NESTED_START_TRIES, startNestedWorkers } from './nestedStart';

/** A pooled worker whose `prepare` answers, or never does (a stuck nested `new Worker`). */
const worker = (name: string, answers: boolean, prepared: string[]): PooledWorker =>
  ({
    api: {
      prepare: () => {
        prepared.push(name);
        return answers ? Promise.resolve() : new Promise(() => undefined);
      },
    },
  }) as unknown as PooledWorker;

describe('startNestedWorkers', () => {
  const plan = planRun(presetConfig('blog'), {});
  const supervisors = plan.direct.filter((d) => d.role === 'supervisor').length;

  // Catches a supervisor stuck starting its children being waited on for ever (the run hangs).
  it('replaces a supervisor that does not start its children, and keeps the fresh one', async () => {
    const prepared: string[] = [];
    const workers = plan.direct.map((_, i) => worker(`w${i}`, i !== 0, prepared));
    let replaced = 0;
    const pool = {
      replace: async () => worker(`fresh${++replaced}`, true, prepared),
    };
    await startNestedWorkers(pool, plan, workers, () => false, 10);
    expect(replaced).toBe(1);
    expect(prepared).toContain('fresh1');
    expect(prepared).toHaveLength(supervisors + 1);
    expect(prepared.filter((n) => n === 'w0')).toHaveLength(1);
  });

  // Catches endless retries: a browser that never starts nested workers gets a clear error.
  it('gives up with a message after a few tries', async () => {
    const prepared: string[] = [];
    const pool = { replace: async () => worker('stuck', false, prepared) };
    const workers = plan.direct.map((_, i) => worker(`w${i}`, false, prepared));
    await expect(startNestedWorkers(pool, plan, workers, () => false, 5)).rejects.toThrow(
      /could not start its nested workers/,
    );
    expect(prepared.filter((n) => n === 'stuck').length).toBe(
      supervisors * (NESTED_START_TRIES - 1),
    );
  });

  // Catches retrying after Stop: a stopped run starts no fresh workers.
  it('starts nothing new once the run is over', async () => {
    const prepared: string[] = [];
    let replaced = 0;
    const pool = { replace: async () => (replaced++, worker('fresh', true, prepared)) };
    const workers = plan.direct.map((_, i) => worker(`w${i}`, false, prepared));
    await startNestedWorkers(pool, plan, workers, () => true, 5);
    expect(replaced).toBe(0);
  });
});
