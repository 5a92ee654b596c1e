import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from './config';
import { handTrace } from './handTrace';
import { FLAG } from './layout';
import { OPS } from './ops';
import { randomChooser, simulate } from './simulation';
import { STRATEGIES, STRATEGY_IDS, type StrategyId } from './strategies';
import { eventPcs, lazyColumn, pcFiller, sourceReads } from './pcMap';

const blog = (strategy: StrategyId): RunConfig => ({
  ...presetConfig('blog', strategy),
  increments: 30,
});

describe('eventPcs', () => {
  it.each(STRATEGY_IDS)('gives every leaf access of a %s run the pc whose op it is', (id) => {
    const trace = simulate(blog(id), randomChooser(7));
    const strategy = STRATEGIES[id];
    const pcs = eventPcs(trace.events, trace.threads, strategy);
    const e = trace.events;
    for (let i = 0; i < e.length; i++) {
      const role = trace.threads[e.thread[i]!]!.role;
      if (role !== 'leaf') expect(pcs[i]).toBe(-1);
      else expect(strategy.ops[pcs[i]!]).toBe(OPS[e.op[i]!]);
    }
  });

  it('walks the lock-each cycle in order, each leaf on its own', () => {
    const trace = simulate(blog('lock-each'), randomChooser(3));
    const pcs = eventPcs(trace.events, trace.threads, STRATEGIES['lock-each']);
    const leaf = trace.threads.find((t) => t.role === 'leaf')!.id;
    const own = [...pcs].filter((_, i) => trace.events.thread[i] === leaf);
    expect(own.slice(0, 12)).toEqual([0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5]);
  });

  it('keeps a failed compare-and-swap on the same pc and moves on after a success', () => {
    const trace = handTrace(2, [
      [1, 'read', 0],
      [2, 'read', 0],
      [2, 'cas', 1, 0],
      [1, 'cas', 1],
      [1, 'cas', 2, 1],
      [1, 'read', 2],
    ]);
    const pcs = eventPcs(trace.events, trace.threads, STRATEGIES.cas);
    expect([...pcs]).toEqual([0, 0, 1, 1, 1, 0]);
  });

  it('resynchronises after an access that does not fit the cycle', () => {
    // A racy leaf whose first read was not recorded: the write still maps to pc 1.
    const trace = handTrace(1, [
      [1, 'write', 1, 0],
      [1, 'read', 1],
      [1, 'write', 2, 1],
    ]);
    expect([...eventPcs(trace.events, trace.threads, STRATEGIES.racy)]).toEqual([1, 0, 1]);
  });

  it('marks accesses with no place in the cycle as -1', () => {
    const trace = handTrace(1, [[1, 'lock', 1]]);
    expect([...eventPcs(trace.events, trace.threads, STRATEGIES.racy)]).toEqual([-1]);
  });
});

describe('sourceReads', () => {
  it('links every racy write to the read its value came from', () => {
    const trace = simulate(blog('racy'), randomChooser(11));
    const e = trace.events;
    const source = sourceReads(e);
    let writes = 0;
    for (let i = 0; i < e.length; i++) {
      if (OPS[e.op[i]!] !== 'write') {
        expect(source[i]).toBe(-1);
        continue;
      }
      writes++;
      const r = source[i]!;
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThan(i);
      expect(e.thread[r]).toBe(e.thread[i]);
      expect(OPS[e.op[r]!]).toBe('read');
      expect(e.value[i]).toBe(e.value[r]! + 1);
    }
    expect(writes).toBe(4 * 30);
  });

  it('links a compare-and-swap to the read or failed swap it retried with', () => {
    const trace = simulate(blog('cas'), randomChooser(5));
    const e = trace.events;
    const source = sourceReads(e);
    for (let i = 0; i < e.length; i++) {
      if (OPS[e.op[i]!] !== 'cas' || !(e.flags[i]! & FLAG.casOk)) continue;
      // A successful swap writes one more than the value it expected.
      expect(e.value[i]).toBe(e.value[source[i]!]! + 1);
    }
  });
});

describe('lazyColumn', () => {
  // Catches: the column allocated or filled whole on the first question.
  it('fills and allocates only as far as asked, and agrees with the whole column', () => {
    const trace = simulate(
      { ...presetConfig('custom'), workers: 3, increments: 40_000 },
      randomChooser(4),
    );
    const n = trace.events.length;
    const whole = eventPcs(trace.events, trace.threads, STRATEGIES.racy);
    const fill = pcFiller(trace.events, trace.threads, STRATEGIES.racy);
    let reached = 0;
    let largest = 0;
    const pcAt = lazyColumn(
      (size) => new Int16Array((largest = Math.max(largest, size))),
      n,
      (out, from, to) => {
        reached = to;
        fill(out, from, to);
      },
    );
    expect(pcAt(5)).toBe(whole[5]);
    // The first access asked fills and allocates a short prefix only (it is asked in the
    // commit of a run).
    expect(reached).toBeGreaterThan(5);
    expect(reached).toBeLessThanOrEqual(4096);
    expect(largest).toBeLessThanOrEqual(4096);
    expect(pcAt(n - 1)).toBe(whole[n - 1]);
    expect(reached).toBe(n);
    expect(Array.from({ length: n }, (_, i) => pcAt(i))).toEqual([...whole]);
  });
});
