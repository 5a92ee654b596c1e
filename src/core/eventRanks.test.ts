import { describe, expect, it } from 'vitest';
import { EventRanks } from './eventRanks';
import { seededRandom } from './random';

describe('EventRanks', () => {
  it('gives each member its position and every other event -1, across word edges', () => {
    const random = seededRandom(7);
    const events = 1000;
    // Dense stretches and gaps, members on bits 0 and 31 of their words included.
    const members = Int32Array.from(
      Array.from({ length: events }, (_, w) => w).filter(
        (w) => w % 32 === 0 || w % 32 === 31 || random() < (w < 500 ? 0.7 : 0.05),
      ),
    );
    const ranks = new EventRanks(members, events);
    const position = new Map(Array.from(members, (w, k) => [w, k]));
    for (let w = 0; w < events; w++) expect(ranks.rank(w)).toBe(position.get(w) ?? -1);
  });
});
