import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { presetConfig } from './config';
import { randomChooser, simulate } from './simulation';
import { STRATEGY_IDS } from './strategies';
import { eventsFromList, eventsToList, type Trace } from './trace';

/**
 * Lost increments counted again from the raw events, without the accounting's per-write
 * arithmetic: every write-like access made one increment (a failed compare-and-swap made
 * none), and whatever the counter does not show after the last of them was lost. Valid for
 * events in the order memory saw them, which a simulation records.
 */
function recountLost(trace: Trace): number {
  let made = 0;
  let shown = 0;
  for (const e of eventsToList(trace.events)) {
    if (e.replaced === undefined) continue;
    made++;
    shown = e.value;
  }
  return made - shown;
}

/** The first `k` accesses only, as a trace whose recording stopped there. */
const cutAt = (trace: Trace, k: number): Trace => ({
  ...trace,
  events: eventsFromList(eventsToList(trace.events).slice(0, k)),
  truncated: true,
});

// Catches: `lost` computed as `expected − final` instead of from the writes (accounting.ts).
// On a whole, balanced trace the two agree, so these traces are ones where they must not.
describe('lost, recounted from the raw events', () => {
  it('a truncated trace counts only the losses among the accesses recorded', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STRATEGY_IDS),
        fc.integer({ min: 2, max: 4 }),
        fc.integer(),
        fc.double({ min: 0.2, max: 0.9, noNaN: true }),
        (strategy, workers, seed, part) => {
          const config = { ...presetConfig('custom', strategy), workers, increments: 20 };
          const whole = simulate(config, randomChooser(seed));
          const cut = cutAt(whole, Math.floor(whole.events.length * part));
          expect(accountTrace(cut).lost).toBe(recountLost(cut));
          expect(accountTrace(whole).lost).toBe(recountLost(whole));
        },
      ),
      { seed: 14, numRuns: 60 },
    );
  });

  it('a trace whose final disagrees with its writes keeps the writes’ count and says so', () => {
    const config = { ...presetConfig('blog', 'racy'), increments: 30 };
    const honest = simulate(config, randomChooser(5));
    const lost = recountLost(honest);
    expect(lost).toBeGreaterThan(0);
    const claimed = { ...honest, final: honest.final + 3 };
    const acc = accountTrace(claimed);
    expect(acc.lost).toBe(lost);
    expect(acc.balanced).toBe(false);
    expect(acc.problems.join(' ')).toContain(
      `The writes account for ${lost} lost increments, but the run expected`,
    );
  });
});
