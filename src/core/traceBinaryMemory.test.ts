import { describe, expect, it, vi } from 'vitest';
import { presetConfig } from './config';
import { randomChooser, simulate } from './simulation';
import { encodeTraceBinary } from './traceBinary';
import { CompactTraceReader } from './traceBinaryReader';

// The columns are made as soon as the header is read: where the device cannot give the memory
// (a RangeError from the typed arrays), the file is refused with that reason, not thrown.
const memory = vi.hoisted(() => ({ short: false }));
vi.mock('./trace', async (original) => {
  const real = await original<typeof import('./trace')>();
  return {
    ...real,
    allocEvents: (...args: Parameters<typeof real.allocEvents>) => {
      if (memory.short) throw new RangeError('Array buffer allocation failed');
      return real.allocEvents(...args);
    },
  };
});

describe('a compact trace on a device short of memory', () => {
  it('is refused, saying the columns could not be made', () => {
    const trace = simulate(
      { ...presetConfig('custom', 'racy'), workers: 2, increments: 50 },
      randomChooser(3),
    );
    const reader = new CompactTraceReader();
    const n = trace.events.length;
    memory.short = true;
    expect(reader.push(encodeTraceBinary(trace))).toBe(
      `this device could not set aside memory for ${n} events.`,
    );
    expect(reader.finish()).toEqual({
      ok: false,
      message: `this device could not set aside memory for ${n} events.`,
    });
  });
});
