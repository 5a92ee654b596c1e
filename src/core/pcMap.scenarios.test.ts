import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from './config';
import type { Op } from './ops';
import { eventPcs } from './pcMap';
import { jsLineOf, pythonLineOf, pythonProgram } from './program';
import { SCENARIO_IDS, type ScenarioId } from './scenarioTypes';
import { scenarioOf, strategyOf } from './scenarios';
import { randomChooser, Simulation } from './simulation';
import { STRATEGY_IDS, type StrategyId } from './strategies';

// Small enough to finish fast, with refusals: a bank of 4 for 9 withdrawals, a contested owner.
const config = (scenario: ScenarioId, strategy: StrategyId): RunConfig => ({
  ...presetConfig('custom', strategy),
  scenario,
  workers: 3,
  increments: 3,
  balance: 4,
});
const every = SCENARIO_IDS.flatMap((scenario) =>
  STRATEGY_IDS.map((strategy) => ({ scenario, strategy })),
);

/** The JavaScript each op shows on its line. */
const JS_CALL: Record<Op, RegExp> = {
  read: /Atomics\.load/,
  write: /Atomics\.exchange/,
  add: /Atomics\.(add|sub)/,
  cas: /Atomics\.compareExchange/,
  lock: /^\s*lock\(mutex\)/,
  unlock: /unlock\(mutex\)/,
};

describe('every scenario × strategy', () => {
  // Catches: walking a trace by the op cycle alone, which puts the lock that starts the next
  // attempt after a refused lock-each withdrawal on the debit's lock.
  it.each(every)('$scenario $strategy: each access gets the pc its worker was at', (c) => {
    for (let seed = 0; seed < 30; seed++) {
      const sim = new Simulation(config(c.scenario, c.strategy));
      const choose = randomChooser(seed);
      const pcsBefore: number[] = [];
      const movers: number[] = [];
      while (!sim.done) {
        const thread = choose(sim.enabled(), sim.scheduler);
        movers.push(thread);
        pcsBefore.push(sim.state(thread).pc);
        sim.step(thread);
      }
      const trace = sim.toTrace();
      const pcs = eventPcs(trace.events, trace.threads, strategyOf(trace.config));
      const leafPcs = [...pcs].filter(
        (_, i) => trace.threads[trace.events.thread[i]!]!.role === 'leaf',
      );
      expect(leafPcs).toEqual(pcsBefore);
    }
  });

  it.each(every)('$scenario $strategy: each pc shows its own access in JavaScript', (c) => {
    const strategy = strategyOf(config(c.scenario, c.strategy));
    expect(strategy.jsLine).toHaveLength(strategy.ops.length);
    strategy.ops.forEach((op, pc) => {
      expect(
        strategy.js[jsLineOf(strategy, { id: 1, name: 'w', parent: 0, role: 'leaf' }, pc)],
      ).toMatch(JS_CALL[op]);
    });
  });

  it.each(every)('$scenario $strategy: each pc is a line of its own worker function', (c) => {
    const run = { ...config(c.scenario, c.strategy), preset: 'blog' as const };
    const { cell } = scenarioOf(run);
    const program = pythonProgram(run);
    const strategy = strategyOf(run);
    const leaf = { id: 6, name: 'func2', parent: 4, role: 'leaf' } as const;
    const def = program.leafDef.get('func2')!;
    expect(program.lines[def]).toMatch(new RegExp(`^def func2\\(${cell}(, me)?\\):`));
    strategy.ops.forEach((op, pc) => {
      const line = pythonLineOf(program, strategy, leaf, pc);
      expect(line).toBeGreaterThan(def);
      expect(line).toBeLessThan(def + strategy.python.length);
      const text = program.lines[line]!;
      if (op === 'unlock' && pc === strategy.ops.length - 1 && c.strategy === 'lock')
        expect(text).toContain('lock released');
      else if (op === 'lock' && c.strategy === 'lock') expect(text).toContain(`${cell}.get_lock()`);
      else expect(text).toMatch(new RegExp(`\\b${cell}\\b`));
    });
  });
});

describe('a refused bank withdrawal', () => {
  // One worker, an empty bank, two withdrawals: both are refused.
  const refused = (strategy: StrategyId) => ({
    ...config('bank', strategy),
    workers: 1,
    increments: 2,
    balance: 0,
  });

  // A refusal makes no debit: each attempt ends after its check (under a lock, its release).
  it.each([
    ['racy', [0, 0]],
    ['atomic', [0, 0]],
    ['cas', [0, 0]],
    ['lock', [0, 1, 3, 0, 1, 3]],
    ['lock-each', [0, 1, 2, 0, 1, 2]],
  ] as const)('%s: the next attempt starts at pc 0, not at the debit', (id, expected) => {
    const sim = new Simulation(refused(id));
    while (!sim.done) sim.step(1);
    const trace = sim.toTrace();
    const pcs = eventPcs(trace.events, trace.threads, strategyOf(trace.config));
    expect([...pcs].filter((pc) => pc >= 0)).toEqual(expected);
  });

  it('lock-each: the code panel moves from the check to the loop’s first lock', () => {
    const sim = new Simulation(refused('lock-each'));
    while (!sim.done) sim.step(1);
    const trace = sim.toTrace();
    const strategy = strategyOf(trace.config);
    const leaf = trace.threads[1];
    const program = pythonProgram(trace.config);
    const pcs = eventPcs(trace.events, trace.threads, strategy);
    const js = [...pcs].map((pc) => strategy.js[jsLineOf(strategy, leaf, pc)]);
    const py = [...pcs].map((pc) => program.lines[pythonLineOf(program, strategy, leaf, pc)]);
    // lock, read, unlock of the refused attempt; then the second attempt's lock.
    expect(js.slice(0, 4)).toEqual([
      '  lock(mutex);',
      '  const seen = Atomics.load(balance, 0);',
      '  unlock(mutex);',
      '  lock(mutex);',
    ]);
    expect(jsLineOf(strategy, leaf, pcs[3]!)).toBe(jsLineOf(strategy, leaf, pcs[0]!));
    expect(py[2]).toContain('if balance.value >= 1:');
    expect(py[3]).toContain('if balance.value >= 1:');
  });
});
