import { describe, expect, it } from 'vitest';
import { handTrace } from '../core/handTrace';
import { CLOBBER_BIT, KINDS, kindAt, kindColumns, maskBitAt } from './kinds';

const trace = handTrace(2, [
  [1, 'read', 0],
  [2, 'lock', 1],
  [2, 'write', 1, 0],
  [2, 'unlock', 0],
  [1, 'add', 2, 1],
  [1, 'cas', 3, 2],
  [2, 'cas', 3],
  [1, 'write', 1, 3],
]);

describe('kinds', () => {
  it('tells every op apart, compare-and-swap by outcome', () => {
    const { kind } = kindColumns(trace.events, null);
    expect([...kind].map((k) => KINDS[k])).toEqual([
      'read',
      'lock',
      'write',
      'unlock',
      'add',
      'casOk',
      'casFail',
      'write',
    ]);
    for (let i = 0; i < trace.events.length; i++) expect(kindAt(trace.events, i)).toBe(kind[i]);
  });

  it('sets the clobber bit only on writes that erased something', () => {
    const { kind, clobbered } = kindColumns(trace.events, Int32Array.of(7));
    expect(maskBitAt(kind, clobbered, 7)).toBe((1 << 1) | CLOBBER_BIT);
    expect(maskBitAt(kind, clobbered, 2)).toBe(1 << 1);
    expect(maskBitAt(kind, clobbered, 6)).toBe(1 << 4);
  });
});
