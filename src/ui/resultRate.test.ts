import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from '../core/config';
import { resultOf } from '../store/runSlice';
import { attemptRate, attemptsText, rateLabel } from './resultRate';

const bank: RunConfig = {
  ...presetConfig('custom', 'atomic'),
  workers: 2,
  increments: 2,
  scenario: 'bank',
  balance: 2,
};
/** A run that took half a second: `done` attempts and `won` payments or claims per worker. */
const finished = (config: RunConfig, done: number[], won: number[]) =>
  resultOf(
    config,
    {
      final: -1,
      elapsedMs: 500,
      workersIsolated: false,
      tallies: done.map((d, i) => ({ thread: i + 1, done: d, retries: 0, won: won[i] })),
    },
    null,
    'simulated',
  );

describe('the rate line', () => {
  it("counts the bank's withdrawals, refused ones too, never its balance", () => {
    // Overdrawn: 3 paid from 2, so the expected balance is −1; the rate must not follow it.
    const result = finished(bank, [2, 2], [2, 1]);
    expect(result.expected).toBeLessThan(0);
    expect(rateLabel(result)).toBe('Withdrawals per second');
    expect(attemptRate(result)).toBe(8);
    expect(attemptsText(result, 4)).toBe('4 withdrawals');
  });

  it('counts increments for the counter, and has no line for a claim', () => {
    const counter = finished(presetConfig('custom', 'racy'), [3, 3], [0, 0]);
    expect(rateLabel(counter)).toBe('Increments per second');
    expect(attemptRate(counter)).toBe(12);
    const claim = finished({ ...bank, scenario: 'claim', increments: 1 }, [1, 1], [1, 0]);
    expect(rateLabel(claim)).toBeNull();
    expect(attemptRate(claim)).toBeNull();
  });
});
