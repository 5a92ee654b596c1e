import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { erasedInOrder, findingList } from './findingTable';
import { FLAG } from './layout';
import { presetConfig, type RunConfig } from './config';
import { seededRandom } from './random';
import { decodeSchedule, encodeSchedule } from './schedule';
import { randomChooser, replayChooser, simulate } from './simulation';
import { erasedByWrite } from './staleness';
import { STRATEGIES, STRATEGY_IDS } from './strategies';
import { eventsFromList, eventsToList, type Trace } from './trace';

const PROPERTY = { seed: 42, numRuns: 200 };

/** A small run: 1–4 flat workers or the blog's tree, 1–30 increments, any strategy. */
const runs = fc.record({
  strategy: fc.constantFrom(...STRATEGY_IDS),
  tree: fc.boolean(),
  workers: fc.integer({ min: 1, max: 4 }),
  increments: fc.integer({ min: 1, max: 30 }),
  seed: fc.integer(),
});

const configOf = (r: {
  strategy: RunConfig['strategy'];
  tree: boolean;
  workers: number;
  increments: number;
}) =>
  r.tree
    ? { ...presetConfig('blog', r.strategy), increments: r.increments }
    : { ...presetConfig('custom', r.strategy), workers: r.workers, increments: r.increments };

/** The columns as plain arrays, for comparing whole traces. */
const columns = (t: Trace) => ({
  events: eventsToList(t.events),
  final: t.final,
  expected: t.expected,
  schedule: t.schedule,
});

describe('accounting simulated runs', () => {
  it('always balances, and exact strategies lose nothing', () => {
    fc.assert(
      fc.property(runs, (r) => {
        const trace = simulate(configOf(r), randomChooser(r.seed));
        const acc = accountTrace(trace);
        expect(acc.problems).toEqual([]);
        expect(acc.balanced).toBe(true);
        expect(acc.lost).toBe(trace.expected - trace.final);
        expect(acc.writes).toBe(trace.expected);
        expect(trace.events.value[acc.history.index.at(-1)!]).toBe(trace.final);
        // Every write that erased some is a finding, with what it erased; no other event is.
        const e = trace.events;
        const erasedAt = erasedInOrder(acc.findings);
        for (let i = 0; i < e.length; i++) {
          expect(erasedAt(i)).toBe(e.flags[i]! & FLAG.hasReplaced ? erasedByWrite(e, i) : 0);
        }
        if (STRATEGIES[r.strategy].exact) {
          expect(trace.final).toBe(trace.expected);
          expect(acc.findings.length).toBe(0);
        } else {
          expect(trace.final + acc.lost).toBe(trace.expected);
          // Every finding is a plain write with a read behind it and a victim in front of it.
          for (const f of findingList(acc.findings, acc.history.index, trace.events)) {
            expect(f.readIndex).not.toBeNull();
            if (f.erased > 0) expect(f.erasedWrites.length).toBeGreaterThan(0);
          }
        }
      }),
      PROPERTY,
    );
  });

  it('gives the same trace for the same seed', () => {
    fc.assert(
      fc.property(runs, (r) => {
        const a = simulate(configOf(r), randomChooser(r.seed));
        const b = simulate(configOf(r), randomChooser(r.seed));
        expect(columns(a)).toEqual(columns(b));
      }),
      PROPERTY,
    );
  });

  it("replays a trace's schedule, also through its URL form, into the same events", () => {
    fc.assert(
      fc.property(runs, (r) => {
        const trace = simulate(configOf(r), randomChooser(r.seed));
        const decoded = decodeSchedule(encodeSchedule(trace.schedule!));
        if (!decoded.ok) throw new Error(decoded.message);
        expect(decoded.schedule).toEqual(trace.schedule);
        const replayed = simulate(configOf(r), replayChooser(decoded.schedule));
        expect(columns(replayed)).toEqual(columns(trace));
      }),
      PROPERTY,
    );
  });

  it('still balances when neighbouring accesses of different threads carry swapped stamps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 5, max: 30 }),
        fc.constantFrom('racy' as const, 'lock-each' as const),
        fc.integer(),
        (workers, increments, strategy, seed) => {
          const config = { ...presetConfig('custom', strategy), workers, increments };
          const trace = simulate(config, randomChooser(seed));
          const list = eventsToList(trace.events);
          const random = seededRandom(seed);
          for (let i = 0; i + 1 < list.length; i++) {
            if (list[i]!.thread === list[i + 1]!.thread || random() > 0.3) continue;
            [list[i]!.tick, list[i + 1]!.tick] = [list[i + 1]!.tick, list[i]!.tick];
            i++; // An event moves by one place at most, as a late stamp would move it.
          }
          const shuffled = { ...trace, events: eventsFromList(list) };
          const acc = accountTrace(shuffled);
          expect(acc.problems).toEqual([]);
          expect(acc.balanced).toBe(true);
          expect(acc.lost).toBe(trace.expected - trace.final);
          expect(acc.lost).toBe(accountTrace(trace).lost);
          // The rebuilt history chains: each write replaced the value before it.
          let value = 0;
          for (const w of acc.history.index) {
            expect(shuffled.events.replaced[w]).toBe(value);
            value = shuffled.events.value[w]!;
          }
        },
      ),
      PROPERTY,
    );
  });
});

describe('accounting a large trace', () => {
  it('accounts for a million simulated events', () => {
    const config = { ...presetConfig('custom', 'racy'), workers: 4, increments: 125_000 };
    const trace = simulate(config, randomChooser(7));
    expect(trace.events.length).toBeGreaterThan(1_000_000);
    const acc = accountTrace(trace);
    expect(acc.balanced).toBe(true);
    expect(acc.lost).toBe(trace.expected - trace.final);
    expect(acc.findings.length).toBeGreaterThan(0);
  }, 120_000);
});
