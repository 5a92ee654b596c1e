import { describe, expect, it } from 'vitest';
import { describeValues, histogramBins, valueDomain } from './histogramModel';

describe('histogramBins', () => {
  it('gives each value its own bar when there are few, marking the reachable ones', () => {
    const bins = histogramBins([6, 6, 5, 6], [2, 6], [2, 3, 4, 5, 6]);
    expect(bins.map((b) => [b.x0, b.x1, b.count, b.reachable])).toEqual([
      [2, 3, 0, true],
      [3, 4, 0, true],
      [4, 5, 0, true],
      [5, 6, 1, true],
      [6, 7, 3, true],
    ]);
  });

  it('knows nothing of reachability before the explorer has run', () => {
    expect(histogramBins([4], [3, 5], null).every((b) => !b.reachable)).toBe(true);
  });

  it('groups whole values into wider bars over a wide range, losing no run', () => {
    const finals = Array.from({ length: 1000 }, (_, i) => 100_000 + ((i * 7919) % 100_001));
    const bins = histogramBins(finals, [100_000, 200_000], null);
    expect(bins.length).toBeLessThanOrEqual(41);
    expect(bins.length).toBeGreaterThan(10);
    expect(bins.reduce((n, b) => n + b.count, 0)).toBe(1000);
    // Equal whole-value steps of a nice size, the top value inside a full-width last bar.
    for (const b of bins) expect(b.x1 - b.x0).toBe(5000);
    expect(bins[0]!.x0).toBe(100_000);
    expect(bins.at(-1)!.x1).toBe(205_000);
  });

  it('puts the top value in the last bar', () => {
    const bins = histogramBins([0, 100], [0, 100], null, 10);
    expect(bins[0]!.count).toBe(1);
    expect(bins.at(-1)!.count).toBe(1);
  });
});

describe('valueDomain', () => {
  it('spans every list and the expected total', () => {
    expect(valueDomain([[5, 3], [], [4]], 6)).toEqual([3, 6]);
    expect(valueDomain([], 6)).toEqual([6, 6]);
  });
});

describe('describeValues', () => {
  it('shortens runs of consecutive values', () => {
    expect(describeValues([2, 3, 4, 5, 6])).toBe('2 to 6');
    expect(describeValues([1, 3, 4, 9, 10, 11, 2000])).toBe('1, 3, 4, 9 to 11, 2,000');
    expect(describeValues([7])).toBe('7');
    expect(describeValues([])).toBe('');
  });
});
