import { describe, expect, it } from 'vitest';
import { lowerBound } from './sortedSearch';

describe('lowerBound', () => {
  it('finds the first position holding at least the value', () => {
    const a = Int32Array.of(1, 3, 3, 7);
    expect([0, 1, 2, 3, 4, 8].map((v) => lowerBound(a, v))).toEqual([0, 0, 1, 1, 3, 4]);
    expect(lowerBound(a, 3, 2)).toBe(2);
  });
});
