import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random';
import { buildMinMaxPyramid } from './testing/minMaxPyramid';
import {
  BASE_SHIFT,
  baseKind,
  buildMaskPyramid,
  forEachCover,
  lowerKind,
  rangeMasks,
  rangeMinMax,
  upperKind,
} from './lod';

const random = seededRandom(42);
const int = (n: number) => Math.floor(random() * n);

describe('forEachCover', () => {
  it('covers every event of [a, b) exactly once, with few pieces', () => {
    for (let trial = 0; trial < 400; trial++) {
      const n = 1 + int(5000);
      const depth = Math.ceil(Math.log2(n / (1 << BASE_SHIFT) + 1)) + 1;
      const a = int(n);
      const b = a + int(n - a + 1);
      const seen = new Uint8Array(n);
      let pieces = 0;
      forEachCover(
        a,
        b,
        depth,
        (i) => {
          seen[i]!++;
          pieces++;
        },
        (level, k) => {
          const size = 1 << (BASE_SHIFT + level);
          for (let i = k * size; i < (k + 1) * size; i++) seen[i]!++;
          pieces++;
        },
      );
      const wrong = seen.findIndex((times, i) => times !== (i >= a && i < b ? 1 : 0));
      expect(wrong, `first event covered wrongly in [${a}, ${b})`).toBe(-1);
      // Ragged ends plus two blocks per level: logarithmic, whatever the range's length.
      expect(pieces).toBeLessThanOrEqual(2 * (1 << BASE_SHIFT) + 2 * depth + 2);
    }
  });
});

describe('mask pyramid', () => {
  it('gives each lane the OR of its events’ bits over any range', () => {
    const n = 3001;
    const lanes = 5;
    const lane = Uint8Array.from({ length: n }, () => int(lanes));
    const kind = Uint8Array.from({ length: n }, () => int(7));
    const flagged = Int32Array.from({ length: n }, (_, i) => i).filter(() => int(10) === 0);
    const bits = Uint8Array.from(kind, (k) => 1 << k);
    for (const i of flagged) bits[i]! |= 1 << 7;
    const p = buildMaskPyramid(lane, kind, lanes, flagged, 1 << 7);
    const out = new Uint8Array(lanes);
    for (let trial = 0; trial < 300; trial++) {
      const a = int(n);
      const b = a + int(Math.min(n - a, trial % 2 ? 40 : n) + 1);
      rangeMasks(p, lane, (i) => bits[i]!, a, b, out);
      const expected = new Uint8Array(lanes);
      for (let i = a; i < b; i++) expected[lane[i]!]! |= bits[i]!;
      expect([...out]).toEqual([...expected]);
    }
  });

  it('handles an empty trace', () => {
    const p = buildMaskPyramid(new Uint8Array(0), new Uint8Array(0), 3, null, 0);
    const out = new Uint8Array(3).fill(9);
    rangeMasks(p, new Uint8Array(0), () => 0, 0, 0, out);
    expect([...out]).toEqual([0, 0, 0]);
  });
});

describe('min/max pyramid', () => {
  it('finds the least and greatest value over any range', () => {
    const n = 2500;
    const values = Int32Array.from({ length: n }, () => int(1000) - 500);
    const p = buildMinMaxPyramid(values);
    const out = new Float64Array(2);
    for (let trial = 0; trial < 300; trial++) {
      const a = int(n);
      const b = a + 1 + int(n - a);
      rangeMinMax(p, (i) => values[i]!, a, b, out);
      const slice = [...values.subarray(a, b)];
      expect([out[0], out[1]]).toEqual([Math.min(...slice), Math.max(...slice)]);
    }
  });

  it('reports an empty range as +∞, −∞', () => {
    const values = Int32Array.of(1, 2, 3);
    const out = new Float64Array(2);
    rangeMinMax(buildMinMaxPyramid(values), (i) => values[i]!, 2, 2, out);
    expect([...out]).toEqual([Infinity, -Infinity]);
  });
});

describe('painted kinds', () => {
  const bit = (...kinds: number[]) => kinds.reduce((m, k) => m | (1 << k), 0);
  it('puts what was seen up top, failed swaps before reads', () => {
    expect(upperKind(bit(0))).toBe(0);
    expect(upperKind(bit(0, 4))).toBe(4);
    expect(upperKind(bit(1, 2))).toBe(-1);
  });
  it('puts what was written below, plain writes first', () => {
    expect(lowerKind(bit(2, 3))).toBe(3);
    expect(lowerKind(bit(1, 2, 3))).toBe(1);
    expect(lowerKind(bit(0))).toBe(-1);
  });
  it('puts lock traffic on the base', () => {
    expect(baseKind(bit(6))).toBe(6);
    expect(baseKind(bit(5, 6))).toBe(5);
    expect(baseKind(bit(0, 1))).toBe(-1);
  });
});
