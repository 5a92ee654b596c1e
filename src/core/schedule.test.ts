import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSchedule, encodeSchedule, MAX_SCHEDULE_STEPS } from './schedule';

describe('schedule URL form', () => {
  it('writes runs of one thread as its letter and a count', () => {
    expect(encodeSchedule([2, 3, 3, 3, 3, 2])).toBe('cd4c');
    expect(encodeSchedule([0, 25, 26, 51, 51])).toBe('azAZ2');
    expect(encodeSchedule([])).toBe('');
    expect(encodeSchedule(Array(12).fill(1))).toBe('b12');
  });

  it('reads what it writes', () => {
    expect(decodeSchedule('cd4c')).toEqual({ ok: true, schedule: [2, 3, 3, 3, 3, 2] });
    expect(decodeSchedule('')).toEqual({ ok: true, schedule: [] });
    expect(decodeSchedule('b1c')).toEqual({ ok: true, schedule: [1, 2] });
  });

  it('refuses ids it cannot write', () => {
    expect(() => encodeSchedule([52])).toThrow(RangeError);
    expect(() => encodeSchedule([-1])).toThrow(RangeError);
    expect(() => encodeSchedule([1.5])).toThrow(RangeError);
  });

  it('explains what is wrong with bad input', () => {
    expect(decodeSchedule('b2.c')).toEqual({
      ok: false,
      message: 'The schedule has "." at position 3, where a thread letter belongs.',
    });
    expect(decodeSchedule('4b')).toMatchObject({ ok: false, message: /position 1/ });
    expect(decodeSchedule('b0')).toMatchObject({ ok: false, message: /starting with 0/ });
    expect(decodeSchedule('b05')).toMatchObject({ ok: false });
  });

  it('refuses schedules longer than the cap without building them', () => {
    expect(decodeSchedule(`b${MAX_SCHEDULE_STEPS}`)).toMatchObject({ ok: true });
    expect(decodeSchedule(`b${MAX_SCHEDULE_STEPS}c`)).toMatchObject({
      ok: false,
      message: /more than 1,000,000 steps/,
    });
    expect(decodeSchedule('b99999999999999999999999')).toMatchObject({ ok: false });
    expect(decodeSchedule('b'.repeat(MAX_SCHEDULE_STEPS + 1))).toMatchObject({
      ok: false,
      message: /too long/,
    });
  });

  it('round-trips any schedule of ids 0–51', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 51 }), { maxLength: 300 }), (s) => {
        expect(decodeSchedule(encodeSchedule(s))).toEqual({ ok: true, schedule: s });
      }),
      { seed: 42, numRuns: 200 },
    );
  });

  it('round-trips long runs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 51 }), fc.integer({ min: 1, max: 5000 })), {
          maxLength: 20,
        }),
        (runs) => {
          const s = runs.flatMap(([id, n]) => Array<number>(n).fill(id));
          expect(decodeSchedule(encodeSchedule(s))).toEqual({ ok: true, schedule: s });
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('never throws, whatever the text', () => {
    const near = fc.string({ unit: fc.constantFrom('a', 'Z', 'b', '0', '1', '9', '.', 'x', '-') });
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), near), (text) => {
        const result = decodeSchedule(text);
        if (result.ok)
          expect(encodeSchedule(result.schedule).length).toBeLessThanOrEqual(text.length);
        else expect(result.message).toMatch(/^The schedule /);
      }),
      { seed: 42, numRuns: 500 },
    );
  });
});
