import { describe, expect, it } from 'vitest';
import { SpareTraceBuffer } from './spareTraceBuffer';

describe('SpareTraceBuffer', () => {
  it('hands a kept buffer to one later run that fits in it, then allocates again', () => {
    const spare = new SpareTraceBuffer();
    const first = spare.take(4096);
    spare.giveBack(first);
    expect(spare.take(1024)).toBe(first);
    // Taken: a run in flight owns it until it is given back.
    expect(spare.take(1024)).not.toBe(first);
  });

  it('allocates when the kept buffer is too small, and keeps the larger of two', () => {
    const spare = new SpareTraceBuffer();
    const small = spare.take(1024);
    const large = spare.take(8192);
    spare.giveBack(large);
    spare.giveBack(small);
    const big = spare.take(16384);
    expect(big).not.toBe(large);
    expect(big.byteLength).toBe(16384);
    expect(spare.take(8192)).toBe(large);
  });

  it('lets a buffer beyond a default-sized trace go', () => {
    const spare = new SpareTraceBuffer();
    const huge = new SharedArrayBuffer(128 * 1024 * 1024); // over 10,000,000 × 12 bytes
    spare.giveBack(huge);
    expect(spare.take(1024)).not.toBe(huge);
  });
});
