import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { presetConfig } from './config';
import { randomChooser, simulate } from './simulation';
import { decodeTraceBinary, encodeTraceBinary } from './traceBinary';
import { CompactTraceReader } from './traceBinaryReader';
import { serializeTrace } from './traceFile';
import { tickColumn, type Trace } from './trace';

const trace = simulate(
  { ...presetConfig('custom', 'racy'), workers: 3, increments: 600 },
  randomChooser(5),
);

const columns = (t: Trace) => {
  const { tick, thread, op, value, replaced, flags, wall } = t.events;
  // Whole ticks read back as 32-bit integers: compared as numbers, whatever array holds them.
  return { tick: tick && Array.from(tick), thread, op, value, replaced, flags, wall };
};

describe('compact trace', () => {
  it('reads back exactly what it wrote', () => {
    const back = decodeTraceBinary(encodeTraceBinary({ ...trace, schedule: undefined }));
    if (!back.ok) throw new Error(back.message);
    expect(columns(back.trace)).toEqual(columns(trace));
    expect(back.trace.threads).toEqual(trace.threads);
    expect([back.trace.expected, back.trace.final]).toEqual([trace.expected, trace.final]);
  });

  it('keeps wall time and ticks that are not whole numbers', () => {
    const e = trace.events;
    const odd: Trace = {
      ...trace,
      events: {
        ...e,
        tick: Float64Array.from(tickColumn(e), (t) => t + 0.5),
        wall: Float64Array.from(tickColumn(e), (t) => t / 7),
      },
    };
    const back = decodeTraceBinary(encodeTraceBinary(odd));
    if (!back.ok) throw new Error(back.message);
    expect(columns(back.trace)).toEqual(columns(odd));
  });

  it('compresses to a small fraction of the JSON form', () => {
    const compact = gzipSync(encodeTraceBinary(trace)).length;
    const json = new TextEncoder().encode(serializeTrace(trace)).length;
    // About a byte an access against about sixty: catches deltas or byte planes undone.
    expect(compact * 20).toBeLessThan(json);
  });

  it('refuses an event the recorder could not have written, naming it', () => {
    const bytes = encodeTraceBinary(trace);
    const n = trace.events.length;
    const flagsAt = bytes.length - 12 * n - 4 * n + 2 * n;
    const read = trace.events.op.indexOf(0);
    bytes[flagsAt + read] = 1; // a read that claims to have replaced a value
    const back = decodeTraceBinary(bytes);
    expect(back.ok).toBe(false);
    expect(!back.ok && back.message).toBe(`events[${read}]: a read replaces nothing`);
  });

  it('refuses a cut-short file and another version', () => {
    const bytes = encodeTraceBinary(trace);
    const cut = decodeTraceBinary(bytes.subarray(0, bytes.length - 1));
    expect(!cut.ok && cut.message).toMatch(/^expected \d+ bytes/);
    const newer = bytes.slice();
    newer[4] = 9;
    expect(decodeTraceBinary(newer)).toEqual({
      ok: false,
      message: 'compact trace version 9 is not supported (this page reads versions 1 and 2).',
    });
  });

  it('reads the same in chunks of any size as all at once, cells and wall time included', () => {
    const withWall: Trace = {
      ...trace,
      events: { ...trace.events, wall: Float64Array.from(tickColumn(trace.events), (t) => t / 3) },
    };
    const bytes = encodeTraceBinary(withWall);
    const whole = decodeTraceBinary(bytes);
    // One-byte chunks cross every column's edge; odd sizes cross byte planes mid-word.
    for (const size of [1, 7, 333, 4096]) {
      const reader = new CompactTraceReader();
      for (let at = 0; at < bytes.length; at += size) {
        expect(reader.push(bytes.subarray(at, at + size))).toBeNull();
      }
      expect(reader.expectedBytes).toBe(bytes.length);
      const chunked = reader.finish();
      if (!chunked.ok || !whole.ok) throw new Error('not read');
      expect(columns(chunked.trace)).toEqual(columns(whole.trace));
    }
  });

  it('refuses a wrong header as soon as it has arrived, before the columns', () => {
    const bytes = encodeTraceBinary(trace);
    bytes[4] = 9;
    const reader = new CompactTraceReader();
    expect(reader.push(bytes.subarray(0, 11))).toBeNull();
    expect(reader.push(bytes.subarray(11, 12))).toMatch(/^compact trace version 9/);
    expect(reader.expectedBytes).toBeNull();
  });

  // Catches: ticks that are the indices kept as a column, or a column made late that loses
  // the differences that arrived before it (every plane of them, so a gap in the last one).
  it('keeps no tick column for ticks that are the indices, and makes one at the first that is not', () => {
    const dense = decodeTraceBinary(encodeTraceBinary(trace));
    expect(dense.ok && dense.trace.events.tick).toBeNull();
    const n = trace.events.length;
    const gap = Float64Array.from(tickColumn(trace.events), (t, i) =>
      i >= n - 3 ? t + 2 ** 24 : t,
    );
    const bytes = encodeTraceBinary({ ...trace, events: { ...trace.events, tick: gap } });
    const reader = new CompactTraceReader();
    for (let at = 0; at < bytes.length; at += 5) reader.push(bytes.subarray(at, at + 5));
    const back = reader.finish();
    expect(back.ok && Array.from(back.trace.events.tick!)).toEqual(Array.from(gap));
  });
});
