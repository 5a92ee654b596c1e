import { describe, expect, it } from 'vitest';
import { StateTable } from './stateTable';

describe('StateTable', () => {
  it('numbers new states in order and finds them again, past many regrowths', () => {
    const table = new StateTable(3);
    const v = new Int32Array(3);
    for (let i = 0; i < 5000; i++) {
      v.set([i % 7, i, -i]);
      expect(table.intern(v, i - 1, i % 4)).toBe(i);
    }
    expect(table.size).toBe(5000);
    for (let i = 0; i < 5000; i += 97) {
      v.set([i % 7, i, -i]);
      // A state already held comes back as -(index + 1) and is not added again.
      expect(table.intern(v, 0, 0)).toBe(-(i + 1));
      expect(table.parent(i)).toBe(i - 1);
      expect(table.mover(i)).toBe(i % 4);
    }
    expect(table.size).toBe(5000);
    const out = new Int32Array(3);
    table.read(4321, out);
    expect([...out]).toEqual([4321 % 7, 4321, -4321]);
  });

  it('tells apart vectors that differ in one word only', () => {
    const table = new StateTable(2);
    expect(table.intern(Int32Array.of(1, 2), -1, 0)).toBe(0);
    expect(table.intern(Int32Array.of(2, 1), 0, 1)).toBe(1);
    expect(table.intern(Int32Array.of(1, 3), 0, 1)).toBe(2);
    expect(table.intern(Int32Array.of(1, 2), 2, 0)).toBe(-1);
  });
});
