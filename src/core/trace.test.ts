import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { presetConfig } from './config';
import { Simulation } from './simulation';
import { inProgress } from './trace';

describe('inProgress', () => {
  const config = { ...presetConfig('custom', 'racy'), workers: 2, increments: 3 };

  it('checks a half-stepped run against the increments written so far', () => {
    const sim = new Simulation(config);
    for (const thread of [1, 2, 1, 2, 1]) sim.step(thread);
    const partial = sim.toTrace();
    expect(accountTrace(partial).balanced).toBe(false);
    const trace = inProgress(partial);
    expect(trace.expected).toBe(2);
    const books = accountTrace(trace);
    expect(books.problems).toEqual([]);
    expect(books.lost).toBe(1);
  });

  it('leaves a finished run as it was', () => {
    const sim = new Simulation(config);
    while (sim.enabled().length > 0) sim.step(sim.enabled()[0]!);
    const trace = sim.toTrace();
    expect(inProgress(trace).expected).toBe(trace.expected);
  });
});
