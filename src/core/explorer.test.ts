import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from './config';
import { exploreOutcomes, witnessSchedule } from './explorer';
import { randomChooser, replayChooser, simulate, Simulation } from './simulation';
import { STRATEGY_IDS, type StrategyId } from './strategies';

const flat = (workers: number, increments: number, strategy: StrategyId = 'racy'): RunConfig => ({
  ...presetConfig('custom', strategy),
  workers,
  increments,
});

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Every final of every schedule, by walking all of them: only for the tiniest configs. */
function finalsBySchedules(config: RunConfig): number[] {
  const finals = new Set<number>();
  const walk = (prefix: number[]) => {
    const sim = new Simulation(config);
    for (const id of prefix) sim.step(id);
    if (sim.done) finals.add(sim.counter());
    else for (const id of sim.enabled()) walk([...prefix, id]);
  };
  walk([]);
  return [...finals].sort((a, b) => a - b);
}

/** Replay a witness in the simulation and return where it ends. */
const replayFinal = (config: RunConfig, schedule: number[]) =>
  simulate(config, replayChooser(schedule)).final;

describe('exploreOutcomes', () => {
  it.each([2, 3, 10])('two racy workers × %i can end anywhere from 2 to 2n', (n) => {
    const result = exploreOutcomes(flat(2, n));
    expect(result.complete).toBe(true);
    expect(result.finals).toEqual(range(2, 2 * n));
  });

  it('visits states, not schedules: 2 × 10 racy is about 23,000 states', () => {
    // 2 × 10 racy has C(40, 20) ≈ 1.4·10^11 schedules; states are counted once each.
    const { states } = exploreOutcomes(flat(2, 10));
    expect(states).toBeGreaterThan(20_000);
    expect(states).toBeLessThan(25_000);
  });

  it('three racy workers × 3 end anywhere from 2 to 9', () => {
    // Never below 2: every write stores (a read) + 1 ≥ 1, so once a worker has written the
    // counter stays ≥ 1; each worker's last read comes after its own first write (n ≥ 2),
    // so the last write of all stores ≥ 2. And 2 is reached: A reads 0; C finishes; B does
    // all but one increment; A writes 1, wiping them out; B reads 1; A finishes; B writes 2.
    // Never above 9 = 3 × 3, and every value between is some mix of those two extremes.
    const result = exploreOutcomes(flat(3, 3));
    expect(result.complete).toBe(true);
    expect(result.finals).toEqual(range(2, 9));
  });

  it('locking each access separately loses updates exactly as racy does (2 × 3)', () => {
    // Each racy access is already indivisible, so a lock around one access alone excludes
    // nothing new: the gap between read and write stays open. Dropping the lock steps from a
    // lock-each schedule gives a racy schedule with the same reads and writes, and a racy
    // schedule becomes a lock-each one by running lock, access, unlock back to back.
    const result = exploreOutcomes(flat(2, 3, 'lock-each'));
    expect(result.complete).toBe(true);
    expect(result.finals).toEqual(exploreOutcomes(flat(2, 3)).finals);
    expect(result.finals).toEqual(range(2, 6));
  });

  it.each(['cas', 'atomic', 'lock'] as const)(
    '%s has exactly one outcome: every increment',
    (s) => {
      for (const [workers, n] of [
        [2, 3],
        [3, 3],
        [4, 2],
      ] as const) {
        const result = exploreOutcomes(flat(workers, n, s));
        expect(result.complete).toBe(true);
        expect(result.finals).toEqual([workers * n]);
      }
    },
  );

  it('a single increment each cannot lose more than all but one', () => {
    // With n = 1 nobody writes twice, so the floor of 2 does not apply: 1 is reachable.
    expect(exploreOutcomes(flat(3, 1)).finals).toEqual([1, 2, 3]);
  });

  it.each([
    flat(2, 2),
    flat(2, 3),
    flat(3, 2),
    flat(2, 2, 'lock'),
    flat(2, 2, 'cas'),
    flat(3, 1, 'lock-each'),
    flat(3, 2, 'atomic'),
  ])('agrees with walking every schedule of $workers × $increments $strategy', (config) => {
    expect(exploreOutcomes(config).finals).toEqual(finalsBySchedules(config));
  });

  it('every simulated run ends at a value the explorer calls reachable', () => {
    const explored = new Map<string, number[]>();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...STRATEGY_IDS),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (workers, n, strategy, seed) => {
          const config = flat(workers, n, strategy);
          const key = `${workers}×${n} ${strategy}`;
          if (!explored.has(key)) explored.set(key, exploreOutcomes(config).finals);
          const final = simulate(config, randomChooser(seed)).final;
          expect(explored.get(key)).toContain(final);
        },
      ),
      { seed: 20_251_125, numRuns: 300 },
    );
  });

  it('stops at the budget with a plain message, keeping the finals it did find', () => {
    const config = flat(2, 20);
    const result = exploreOutcomes(config, 10_000);
    expect(result.complete).toBe(false);
    expect(result.message).toBe('Too many states (over 10,000): try fewer workers or increments.');
    expect(result.finals.length).toBeGreaterThan(0);
    for (const final of result.finals) {
      expect(replayFinal(config, witnessSchedule(config, final, 10_000)!)).toBe(final);
    }
  });

  it('gives up on a huge config at once, before visiting a state', () => {
    const result = exploreOutcomes(flat(4, 1_000_000));
    expect(result).toMatchObject({ complete: false, states: 0, finals: [] });
    expect(result.message).toBe(
      'Too many states (over 2,000,000): try fewer workers or increments.',
    );
  });
});

describe('witnessSchedule', () => {
  it.each([flat(2, 3), flat(3, 3), flat(2, 3, 'lock-each'), flat(2, 3, 'cas'), flat(3, 2, 'lock')])(
    'finds a schedule for every reachable final of $workers × $increments $strategy',
    (config) => {
      for (const final of exploreOutcomes(config).finals) {
        const schedule = witnessSchedule(config, final);
        expect(schedule, `a schedule ending at ${final}`).not.toBeNull();
        expect(replayFinal(config, schedule!)).toBe(final);
      }
    },
  );

  it('names the leaves of the blog tree by their thread ids', () => {
    const config = { ...presetConfig('blog'), increments: 2 };
    const schedule = witnessSchedule(config, 2)!;
    expect(new Set(schedule)).toEqual(new Set([2, 3, 5, 6]));
    expect(replayFinal(config, schedule)).toBe(2);
  });

  it('returns null for a final no schedule reaches', () => {
    expect(witnessSchedule(flat(2, 3), 1)).toBeNull();
    expect(witnessSchedule(flat(2, 3), 7)).toBeNull();
    expect(witnessSchedule(flat(2, 3, 'cas'), 5)).toBeNull();
  });
});
