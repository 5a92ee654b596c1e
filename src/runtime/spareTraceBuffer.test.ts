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

  it('keeps the buffer of a 2,000,000-access trace, and lets a larger one go', () => {
    const spare = new SpareTraceBuffer();
    const kept = new SharedArrayBuffer(2_000_000 * 16);
    spare.giveBack(kept);
    expect(spare.take(1024)).toBe(kept);
    const quad = new SharedArrayBuffer(8_000_000 * 12); // the quad preset's trace
    spare.giveBack(quad);
    expect(spare.take(1024)).not.toBe(quad);
  });
});
