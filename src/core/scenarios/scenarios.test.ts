import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from '../config';
import { exploreOutcomes } from '../explorer';
import type { ScenarioId } from '../scenarioTypes';
import { randomChooser, Simulation } from '../simulation';
import { STRATEGY_IDS, type StrategyId } from '../strategies';
import { scenarioOf } from './index';

const run = (
  scenario: ScenarioId,
  workers: number,
  increments: number,
  strategy: StrategyId,
  balance?: number,
): RunConfig => ({
  ...presetConfig('custom', strategy),
  workers,
  increments,
  scenario,
  ...(balance === undefined ? {} : { balance }),
});

/** Every outcome key of every schedule, by walking all of them: only for the tiniest configs. */
function outcomesBySchedules(config: RunConfig): string[] {
  const scenario = scenarioOf(config);
  const keys = new Map<string, number[]>();
  const walk = (prefix: number[]) => {
    const sim = new Simulation(config, { record: false });
    for (const id of prefix) sim.step(id);
    if (sim.done) {
      const key = scenario.outcomeKey(sim.counter(), sim.won());
      keys.set(key.join(':'), key);
    } else for (const id of sim.enabled()) walk([...prefix, id]);
  };
  walk([]);
  const byParts = (a: number[], b: number[]) => a[0]! - b[0]! || (a[1] ?? 0) - (b[1] ?? 0);
  return [...keys.values()].sort(byParts).map((k) => k.join(':'));
}

describe('bank: 2 workers × 2 withdrawals from a balance of 2', () => {
  it.each([
    ['racy', '0:2,0:3,0:4'],
    ['atomic', '-1:3,0:2'],
    ['cas', '0:2'],
    ['lock', '0:2'],
    ['lock-each', '0:2,0:3,0:4'],
  ] as const)('%s reaches exactly %s', (strategy, expected) => {
    const result = exploreOutcomes(run('bank', 2, 2, strategy, 2));
    expect(result.complete).toBe(true);
    expect(result.outcomes.join(',')).toBe(expected);
  });

  it('defaults the balance to half of all withdrawals, rounded down', () => {
    expect(scenarioOf({ scenario: 'bank' }).initial({ workers: 3, increments: 3 })).toBe(4);
    expect(exploreOutcomes(run('bank', 2, 2, 'cas')).outcomes).toEqual(['0:2']);
  });
});

describe('claim', () => {
  it.each([2, 3, 4])('racy with %i workers ends with 1…workers winners', (workers) => {
    const result = exploreOutcomes(run('claim', workers, 1, 'racy'));
    expect(result.outcomes).toEqual(Array.from({ length: workers }, (_, i) => String(i + 1)));
  });

  it.each([2, 3, 4])('lock-each with %i workers can crown every worker too', (workers) => {
    expect(exploreOutcomes(run('claim', workers, 1, 'lock-each')).outcomes).toHaveLength(workers);
  });

  it.each(['atomic', 'cas', 'lock'] as const)('%s always has exactly one winner', (strategy) => {
    for (const workers of [2, 3, 4]) {
      expect(exploreOutcomes(run('claim', workers, 1, strategy)).outcomes).toEqual(['1']);
    }
  });

  it('ignores increments: one attempt each', () => {
    expect(exploreOutcomes(run('claim', 2, 50, 'racy')).outcomes).toEqual(['1', '2']);
  });

  it('atomic exchange leaves the last writer as owner, not the winner', () => {
    // Worker 1 exchanges first and wins; worker 2 then overwrites the owner and loses.
    const sim = new Simulation(run('claim', 2, 1, 'atomic'), { record: false });
    sim.step(1);
    sim.step(2);
    expect(sim.outcome()).toMatchObject({ winners: 1, owner: 2, lost: 0 });
  });
});

describe('the explorer agrees with walking every schedule', () => {
  const small: RunConfig[] = [
    ...STRATEGY_IDS.map((s) => run('bank', 2, 1, s, 1)),
    ...STRATEGY_IDS.filter((s) => s !== 'lock-each').map((s) => run('bank', 2, 2, s, 2)),
    run('bank', 2, 2, 'lock-each', 1),
    run('bank', 3, 1, 'racy', 2),
    run('bank', 3, 1, 'atomic', 1),
    ...STRATEGY_IDS.map((s) => run('claim', 2, 1, s)),
    ...(['racy', 'atomic', 'cas'] as const).map((s) => run('claim', 3, 1, s)),
  ];
  it.each(small)('$scenario $workers × $increments $strategy from $balance', (config) => {
    expect(exploreOutcomes(config).outcomes).toEqual(outcomesBySchedules(config));
  });
});

describe('outcomes', () => {
  it('bank: lost = final − (initial − paid); overdrawn below zero', () => {
    const bank = scenarioOf({ scenario: 'bank' });
    expect(bank.outcome({ workers: 2, increments: 2, balance: 2 }, 0, 4)).toEqual({
      scenario: 'bank',
      final: 0,
      expected: -2,
      lost: 2,
      paid: 4,
      overdrawn: false,
    });
    expect(bank.outcome({ workers: 2, increments: 2, balance: 2 }, -1, 3)).toMatchObject({
      expected: -1,
      lost: 0,
      overdrawn: true,
    });
  });

  it('compare-and-swap debits never lose one nor overdraw, whatever the order', () => {
    for (let seed = 0; seed < 50; seed++) {
      const sim = new Simulation(run('bank', 3, 4, 'cas', 6), { record: false });
      const choose = randomChooser(seed);
      while (!sim.done) sim.stepWith(choose);
      const o = sim.outcome();
      expect(o.final).toBe(o.expected);
      expect(o.final).toBeGreaterThanOrEqual(0);
    }
  });
});
