import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from '../core/config';
import { accountRun } from '../core/scenarioBooks';
import { replayChooser, simulate } from '../core/simulation';
import type { Trace } from '../core/trace';
import { resultOf } from './runSlice';
import { stepTestStore } from './testing';

const claim: RunConfig = {
  ...presetConfig('custom', 'racy'),
  workers: 3,
  increments: 1,
  scenario: 'claim',
};
// All three read 0, then write in turn: three winners, two claims erased.
const recorded = simulate(claim, replayChooser([1, 2, 3, 1, 2, 3]));
const ended = (trace: Trace, won: (number | undefined)[]) => ({
  final: trace.final,
  elapsedMs: null,
  workersIsolated: false,
  tallies: won.map((w, i) => ({ thread: i + 1, done: 1, retries: 0, won: w })),
});

describe('a claim on the result panel', () => {
  it('balances its books from the trace when the workers report as many winners', () => {
    const result = resultOf(claim, ended(recorded, [1, 1, 1]), accountRun(recorded), 'simulated');
    expect(result).toMatchObject({ books: 'balanced', lost: 2 });
    expect(result.outcome).toMatchObject({ winners: 3, owner: 3 });
  });

  it('does not balance when the workers report other winners than the trace shows', () => {
    const result = resultOf(claim, ended(recorded, [1, 0, 1]), accountRun(recorded), 'simulated');
    expect(result.books).toBe('unbalanced');
  });

  it('takes an opened file’s winners from its trace', () => {
    const opened = ended(recorded, [undefined, undefined, undefined]);
    const result = resultOf(claim, opened, accountRun(recorded), 'imported');
    expect(result).toMatchObject({ books: 'balanced', lost: 2, outcome: { winners: 3 } });
  });
});

describe('a bank on the result panel', () => {
  const bank: RunConfig = { ...claim, workers: 2, increments: 2, scenario: 'bank', balance: 2 };
  // Both read 2 and write 1 (a debit erased); worker 1 pays again; worker 2 is refused.
  const trace = simulate(bank, replayChooser([1, 2, 1, 2, 1, 1, 2]));

  it('takes an opened file’s payments from its trace', () => {
    const opened = ended(trace, [undefined, undefined]);
    const result = resultOf(bank, opened, accountRun(trace), 'imported');
    expect(result).toMatchObject({ books: 'balanced', lost: 1, outcome: { paid: 3 } });
  });

  it('does not balance when the workers report other payments than the trace shows', () => {
    const result = resultOf(bank, ended(trace, [2, 2]), accountRun(trace), 'simulated');
    expect(result.books).toBe('unbalanced');
    expect(resultOf(bank, ended(trace, [2, 1]), accountRun(trace), 'simulated').books).toBe(
      'balanced',
    );
  });
});

describe('replaying a claim', () => {
  const showing = (trace: Trace) => {
    const store = stepTestStore(claim);
    store.setState({ trace, accounting: accountRun(trace), status: 'done' });
    return store;
  };

  it('compares its findings: who erased whose claim', async () => {
    const store = showing(recorded);
    await store.getState().replay();
    expect(store.getState().replayCheck).toMatchObject({
      matches: true,
      text: expect.stringContaining('2 lost and 2 findings'),
    });
  });

  it('tells a different ending apart', async () => {
    // A file whose schedule was edited: worker 3 now reads after worker 1's write and loses.
    const other = simulate(claim, replayChooser([1, 2, 1, 3, 2]));
    const store = showing({ ...other, schedule: recorded.schedule });
    await store.getState().replay();
    expect(store.getState().replayCheck).toMatchObject({ matches: false });
  });
});
