import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from './config';
import { rebuildHistory } from './history';
import { FLAG } from './layout';
import { seededRandom } from './random';
import { randomChooser, simulate } from './simulation';

/**
 * A racy run whose order stamps are each late by up to `jitter`: many writes swap stamps.
 * Values other than 0 are moved up by `offset` (far apart, they are grouped by a Map).
 */
function jitteredRun(seed: number, workers: number, jitter: number, offset: number) {
  const config = { ...presetConfig('custom', 'racy'), workers, increments: 40 };
  const trace = simulate(config, randomChooser(seed));
  const e = trace.events;
  const random = seededRandom(seed);
  const moved = (v: number) => (v === 0 ? 0 : v + offset);
  const tick = new Float64Array(e.length);
  e.tick = tick;
  for (let i = 0; i < e.length; i++) {
    tick[i] = i + Math.floor(random() * jitter);
    e.value[i] = moved(e.value[i]!);
    e.replaced[i] = moved(e.replaced[i]!);
  }
  const writes = Int32Array.from(e.flags.keys())
    .filter((i) => (e.flags[i]! & FLAG.hasReplaced) !== 0)
    .sort((a, b) => tick[a]! - tick[b]! || a - b);
  return { trace: { ...trace, final: moved(trace.final) }, writes };
}

// Catches: a spliced cycle, or a run of the chain between two, copied to the wrong place or
// over entries not yet moved: the values would no longer chain, or a write would repeat.
describe('rebuildHistory', () => {
  it('chains every write once from 0 to the final value, however the stamps swap', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 2, max: 12 }),
        fc.constantFrom(0, 10_000_000),
        (seed, workers, jitter, offset) => {
          const { trace, writes } = jitteredRun(seed, workers, jitter, offset);
          const e = trace.events;
          const history = rebuildHistory(e, writes);
          expect(history.consistent).toBe(true);
          const sorted = (a: Int32Array) => Array.from(a).sort((x, y) => x - y);
          expect(sorted(history.index)).toEqual(sorted(writes));
          let value = 0;
          for (const w of history.index) {
            expect(e.replaced[w]).toBe(value);
            value = e.value[w]!;
          }
          expect(value).toBe(trace.final);
        },
      ),
      { seed: 3, numRuns: 200 },
    );
  });
});
