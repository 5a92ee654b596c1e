import { describe, expect, it } from 'vitest';
import { embedHeight, laneHeight } from './embedHeight';

describe('the height an embed reserves', () => {
  it('is taller on narrow frames and with more lanes', () => {
    expect(embedHeight(320, 7)).toBeGreaterThan(embedHeight(700, 7));
    expect(embedHeight(700, 7)).toBeGreaterThanOrEqual(embedHeight(1280, 7));
    expect(embedHeight(700, 9)).toBe(embedHeight(700, 7) + 2 * laneHeight(9));
  });
});
