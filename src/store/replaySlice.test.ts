import { describe, expect, it } from 'vitest';
import { accountTrace } from '../core/accounting';
import { presetConfig } from '../core/config';
import { compareReplay } from '../core/replayCheck';
import { randomChooser, simulate } from '../core/simulation';
import type { Trace } from '../core/trace';
import { stepTestStore } from './testing';

const config = { ...presetConfig('custom', 'racy'), workers: 3, increments: 40 };
const recorded = simulate(config, randomChooser(3));

/** A store showing `trace` as if it had just been run or opened from a file. */
const showing = (trace: Trace) => {
  const store = stepTestStore(config);
  store.setState({ trace, accounting: accountTrace(trace), status: 'done' });
  return store;
};

// Catches: a replay check that reports a match without comparing (matches: false untested).
describe('replay', () => {
  it('reproduces a recorded run and says so', async () => {
    const store = showing(recorded);
    await store.getState().replay();
    const { replayCheck, trace, status } = store.getState();
    expect(status).toBe('done');
    expect(replayCheck?.matches).toBe(true);
    expect(replayCheck?.text).toMatch(/^Replayed 2\d\d steps on the simulated engine: final \d+, /);
    expect(trace!.final).toBe(recorded.final);
  });

  it('tells the reader when the replay differs from what the file claims', async () => {
    expect(accountTrace(recorded).lost).toBeGreaterThan(0);
    // A tampered file: the same accesses, but a final the schedule cannot reach.
    const tampered: Trace = { ...recorded, final: recorded.final + 2 };
    const store = showing(tampered);
    await store.getState().replay();
    const { replayCheck, trace, accounting } = store.getState();
    expect(replayCheck).toEqual({
      matches: false,
      text: `The replay differs: final ${recorded.final} (recorded ${recorded.final + 2}), ${accounting!.lost} lost (recorded ${accountTrace(tampered).lost}).`,
    });
    // What the reader sees next is the replayed run, not the file's.
    expect(trace!.final).toBe(recorded.final);
  });

  it('stops with the one replay error when the schedule names a worker that cannot move', async () => {
    const lock = { ...presetConfig('custom', 'lock'), workers: 2, increments: 1 };
    const trace = { ...simulate(lock, randomChooser(1)), schedule: [1, 2, 1, 1, 1, 2, 2, 2] };
    const store = showing(trace);
    await store.getState().replay();
    expect(store.getState()).toMatchObject({
      status: 'error',
      replayCheck: null,
      error:
        'Step 2 of the schedule names worker 2, which cannot move: waiting for the lock held by worker 1.',
    });
  });
});

describe('compareReplay', () => {
  const acc = accountTrace(recorded);
  const same = { trace: recorded, accounting: acc };

  it('compares findings as a set and says when the order was only partly rebuilt', () => {
    const { findings } = acc;
    const reversed = <T extends Int32Array | Uint8Array>(column: T) =>
      column.slice().reverse() as T;
    const shuffled = {
      ...acc,
      findings: {
        ...findings,
        index: reversed(findings.index),
        thread: reversed(findings.thread),
        erased: reversed(findings.erased),
      },
    };
    expect(
      compareReplay(same, { trace: recorded, accounting: shuffled }, 'workers', true),
    ).toMatchObject({
      matches: true,
      text: expect.stringContaining('on real workers'),
    });
    const fewer = {
      ...acc,
      findings: {
        ...findings,
        length: findings.length - 1,
        index: findings.index.subarray(1),
        thread: findings.thread.subarray(1),
        erased: findings.erased.subarray(1),
      },
    };
    const check = compareReplay(same, { trace: recorded, accounting: fewer }, 'workers', false);
    expect(check.matches).toBe(false);
    expect(check.text).toMatch(/The recorded order could not be fully reconstructed\.$/);
  });
});
