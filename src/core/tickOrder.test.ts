import { describe, expect, it } from 'vitest';
import { inTickOrder } from './tickOrder';
import { allocEvents } from './trace';

// Catches: writes gathered in event order taken as tick order when the columns are not in it.
describe('inTickOrder', () => {
  const events = { ...allocEvents(8, false), tick: Float64Array.of(0, 5, 2, 2, 7, 1, 6, 3) };

  it('orders a few writes by stamp, ties in event order', () => {
    expect(inTickOrder(events, [4, 3, 2, 1], 1000)).toEqual([2, 3, 1, 4]);
  });

  it('orders many the same way, though it gathers them in event order', () => {
    expect(inTickOrder(events, [4, 3, 2, 1], 8)).toEqual([2, 3, 1, 4]);
    expect(inTickOrder(events, [6, 2, 3], 8)).toEqual([2, 3, 6]);
  });
});
