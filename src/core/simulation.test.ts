import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { presetConfig, type RunConfig } from './config';
import { replayChooser, simulate, Simulation } from './simulation';
import type { StrategyId } from './strategies';
import { eventsToList } from './trace';

const flat = (strategy: StrategyId, workers: number, increments: number): RunConfig => ({
  ...presetConfig('custom', strategy),
  workers,
  increments,
});

describe('Simulation', () => {
  it('interleaves two racy workers into one lost update, then main reads the final value', () => {
    const trace = simulate(flat('racy', 2, 1), replayChooser([1, 2, 1, 2]));
    expect(eventsToList(trace.events).map((e) => [e.thread, e.op, e.value, e.replaced])).toEqual([
      [1, 'read', 0, undefined],
      [2, 'read', 0, undefined],
      [1, 'write', 1, 0],
      [2, 'write', 1, 1],
      [0, 'read', 1, undefined],
    ]);
    // A simulation's ticks are its steps, 0, 1, 2, …: kept as no column at all.
    expect(trace.events.tick).toBeNull();
    expect(trace).toMatchObject({
      expected: 2,
      final: 1,
      truncated: false,
      schedule: [1, 2, 1, 2],
    });
    expect(accountTrace(trace).lost).toBe(1);
  });

  it('keeps a worker off the lock while another holds it', () => {
    const sim = new Simulation(flat('lock', 2, 1));
    expect(sim.enabled()).toEqual([1, 2]);
    expect(sim.nextOp(1)).toBe('lock');
    sim.step(1);
    expect(sim.enabled()).toEqual([1]);
    expect(sim.blockedReason(2)).toBe('waiting for the lock held by worker 1');
    expect(sim.blockedReason(1)).toBeNull();
    expect(() => sim.step(2)).toThrow(
      /worker 2 cannot move: waiting for the lock held by worker 1/,
    );
    for (let i = 0; i < 3; i++) sim.step(1); // read, write, unlock
    expect(sim.blockedReason(1)).toBe('finished');
    expect(sim.nextOp(1)).toBeNull();
    expect(sim.enabled()).toEqual([2]);
    expect(sim.state(1)).toMatchObject({ done: 1, pc: 0 });
    expect(sim.done).toBe(false);
    for (let i = 0; i < 4; i++) sim.step(2);
    expect(sim.done).toBe(true);
    expect(sim.counter()).toBe(2);
    expect(sim.schedule).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it("reads in the blog's tree as the post's processes do: each supervisor after its pair, main last", () => {
    const config = { ...presetConfig('blog', 'atomic'), increments: 2 };
    const sim = new Simulation(config);
    const names = sim.threads.map((t) => t.name);
    expect(names).toEqual(['main', 'func3', 'func1', 'func2', 'func4', 'func1', 'func2']);
    expect(sim.enabled()).toEqual([2, 3, 5, 6]);
    expect(sim.blockedReason(1)).toBe('waiting for its workers to finish');
    expect(sim.nextOp(1)).toBe('read');
    for (const leaf of [2, 2, 3, 5]) sim.step(leaf);
    expect(sim.toTrace().events.length).toBe(4); // func3 still waits for its func2
    sim.step(3);
    const mid = sim.toTrace();
    expect(mid.final).toBe(5);
    expect(eventsToList(mid.events).at(-1)).toMatchObject({ thread: 1, op: 'read', value: 5 });
    expect(sim.blockedReason(1)).toBe('finished');
    for (const leaf of [6, 6, 5]) sim.step(leaf);
    const events = eventsToList(sim.toTrace().events);
    expect(events.slice(-2).map((e) => [e.thread, e.op, e.value])).toEqual([
      [4, 'read', 8],
      [0, 'read', 8],
    ]);
    expect(sim.done).toBe(true);
    expect(sim.toTrace()).toMatchObject({ expected: 8, final: 8 });
  });

  it('retries a compare-and-swap that finds the counter moved', () => {
    const sim = new Simulation(flat('cas', 2, 1));
    for (const t of [1, 2, 1, 2, 2]) sim.step(t);
    expect(sim.state(2)).toMatchObject({ done: 1, retries: 1 });
    expect(sim.done).toBe(true);
    expect(sim.counter()).toBe(2);
  });

  it('refuses a schedule that names a thread that cannot move, or that runs out', () => {
    expect(() => simulate(flat('lock', 2, 1), replayChooser([1, 2]))).toThrow(
      /Step 2 of the schedule names worker 2, which cannot move: waiting for the lock held by worker 1/,
    );
    expect(() => simulate(flat('racy', 1, 2), replayChooser([1, 1, 1]))).toThrow(
      /ran out after 3 steps/,
    );
    expect(() => simulate(flat('racy', 1, 1), replayChooser([1, 1, 1]))).not.toThrow();
    expect(() => simulate(flat('racy', 1, 1), replayChooser([7]))).toThrow(/thread 7/);
  });

  it('stops a run that exceeds its step budget', () => {
    expect(() => simulate(flat('racy', 1, 5), replayChooser(Array(10).fill(1)), 4)).toThrow(
      /did not finish in 4 steps/,
    );
  });
});
