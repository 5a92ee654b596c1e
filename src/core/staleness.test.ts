import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CounterHistory } from './history';
import { historyBlocks, readSource } from './staleness';
import { allocEvents, tickAt, type TraceEvents } from './trace';

/** readSource's answer found by walking back place by place, without blocks. */
function walkBack(
  e: TraceEvents,
  history: CounterHistory,
  position: number,
  readValue: number,
  readTick: number,
): number {
  let closestAfter = -2;
  let pastRead = 0;
  let p = position - 1;
  for (; p >= 0 && pastRead <= 64; p--) {
    const tick = tickAt(e, history.index[p]!);
    if (e.value[history.index[p]!] === readValue) {
      if (tick < readTick) return p;
      closestAfter = p;
    }
    if (tick < readTick) pastRead++;
  }
  return p < 0 && readValue === 0 ? -1 : closestAfter;
}

/**
 * A counter's history of `size` writes: values climbing with drops back (lost updates),
 * stamps climbing with jitter (stamps taken slightly late).
 */
function history(size: number, seed: number): { events: TraceEvents; history: CounterHistory } {
  let state = seed >>> 0 || 1;
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const events = allocEvents(size, false);
  const tick = events.tick!;
  let v = 0;
  for (let p = 0; p < size; p++) {
    v = random() < 0.05 ? Math.max(0, v - Math.floor(random() * 40)) : v + 1;
    events.value[p] = v;
    tick[p] = p + Math.floor(random() * 8) - 4;
  }
  const index = Int32Array.from({ length: size }, (_, p) => p);
  return { events, history: { index, consistent: true } };
}

// Catches: a block stepped over for its stamps alone or for its values alone, or with its
// value range taken as open: each can skip the place that holds a read's source.
describe('readSource', () => {
  it('finds what a walk back place by place finds, stepping over blocks', () => {
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.tuple(fc.nat(1999), fc.nat(2000), fc.integer({ min: -6, max: 3 })), {
          minLength: 50,
          maxLength: 50,
        }),
        (seed, reads) => {
          const h = history(2000, seed);
          const blocks = historyBlocks(h.events, h.history);
          for (const [position, readTick, shift] of reads) {
            const at = Math.min(position, readTick);
            const readValue = Math.max(0, (h.events.value[at] ?? 0) + shift);
            expect(readSource(h.events, h.history, position, readValue, readTick, blocks)).toBe(
              walkBack(h.events, h.history, position, readValue, readTick),
            );
          }
        },
      ),
      { seed: 11, numRuns: 100 },
    );
  });
});
