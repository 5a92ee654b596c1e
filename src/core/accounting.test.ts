import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { erasedAt, erasedInOrder, findingList } from './findingTable';
import type { Accounting } from './accounting';
import { tickColumn, type Trace } from './trace';

/** The findings as plain objects, erased writes as an array, to compare with literals. */
const list = (acc: Accounting, trace: Trace) =>
  findingList(acc.findings, acc.history.index, trace.events).map((f) => ({
    ...f,
    erasedWrites: Array.from(f.erasedWrites),
  }));

/** The counter after each write of the history, in modification order. */
const historyValues = (acc: Accounting, trace: Trace) =>
  Array.from(acc.history.index, (i) => trace.events.value[i]);
import { handTrace } from './handTrace';

/** Two workers both read 0 and both write 1: worker 2 erases worker 1's increment. */
const twoReaders = (options = {}) =>
  handTrace(
    2,
    [
      [1, 'read', 0],
      [2, 'read', 0],
      [1, 'write', 1, 0],
      [2, 'write', 1, 1],
    ],
    options,
  );

describe('accountTrace', () => {
  it('finds the write that erased another reader’s increment and names the victim', () => {
    const trace = twoReaders();
    const acc = accountTrace(trace);
    expect(acc.lost).toBe(1);
    expect(acc.writes).toBe(2);
    expect(acc.balanced).toBe(true);
    expect(acc.problems).toEqual([]);
    const inOrder = erasedInOrder(acc.findings);
    expect([0, 1, 2, 3].map((i) => [erasedAt(acc.findings, i), inOrder(i)])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
      [1, 1],
    ]);
    expect(list(acc, trace)).toEqual([
      { index: 3, thread: 2, readIndex: 1, erased: 1, erasedWrites: [2], victims: [1] },
    ]);
    expect(
      acc.perThread.map((t) => [t.thread, t.increments, t.lostAsVictim, t.erasedAsClobberer]),
    ).toEqual([
      [0, 0, 0, 0],
      [1, 1, 1, 0],
      [2, 1, 0, 1],
    ]);
    expect(acc.longestStaleWindow).toEqual({
      readIndex: 1,
      writeIndex: 3,
      thread: 2,
      writesBetween: 1,
    });
    expect(Array.from(acc.history.index)).toEqual([2, 3]);
    expect(historyValues(acc, trace)).toEqual([1, 1]);
  });

  it('counts a stale write that brings lost increments back as negative, and still balances', () => {
    const trace = handTrace(3, [
      [1, 'read', 0],
      [2, 'read', 0],
      [2, 'write', 1, 0],
      [2, 'read', 1],
      [2, 'write', 2, 1],
      [3, 'read', 2],
      [1, 'write', 1, 2], // erases worker 2's two increments
      [3, 'write', 3, 1], // built on 2: resurrects one of them
    ]);
    const acc = accountTrace(trace);
    expect(list(acc, trace).map((f) => [f.index, f.erased, f.erasedWrites, f.victims])).toEqual([
      [6, 2, [2, 4], [2]],
      [7, -1, [6], [1]],
    ]);
    expect(acc.lost).toBe(1);
    expect(acc.final).toBe(3);
    expect(acc.expected - acc.final).toBe(acc.lost);
    expect(acc.balanced).toBe(true);
    expect(acc.perThread[2]!.lostAsVictim).toBe(2);
    expect(acc.perThread[3]!.erasedAsClobberer).toBe(-1);
    expect(acc.longestStaleWindow?.writeIndex).toBe(6);
  });

  it('finds the loss when each access is locked but the read and write are not', () => {
    const trace = handTrace(
      2,
      [
        [1, 'lock', 1],
        [1, 'read', 0],
        [1, 'unlock', 0],
        [2, 'lock', 1],
        [2, 'read', 0],
        [2, 'unlock', 0],
        [1, 'lock', 1],
        [1, 'write', 1, 0],
        [1, 'unlock', 0],
        [2, 'lock', 1],
        [2, 'write', 1, 1],
        [2, 'unlock', 0],
      ],
      { strategy: 'lock-each' },
    );
    const acc = accountTrace(trace);
    expect(acc.lost).toBe(1);
    expect(acc.balanced).toBe(true);
    expect(list(acc, trace)).toEqual([
      { index: 10, thread: 2, readIndex: 4, erased: 1, erasedWrites: [7], victims: [1] },
    ]);
  });

  it('loses nothing when a compare-and-swap fails and retries', () => {
    const trace = handTrace(
      2,
      [
        [1, 'read', 0],
        [2, 'read', 0],
        [1, 'cas', 1, 0],
        [2, 'cas', 1], // fails: the counter already holds 1
        [2, 'cas', 2, 1],
      ],
      { strategy: 'cas' },
    );
    const acc = accountTrace(trace);
    expect(acc.writes).toBe(2);
    expect(acc.lost).toBe(0);
    expect(list(acc, trace)).toEqual([]);
    expect(acc.balanced).toBe(true);
    expect(acc.longestStaleWindow).toBeNull();
    expect(historyValues(acc, trace)).toEqual([1, 2]);
  });

  it('makes no balance claim for a truncated trace', () => {
    const trace = handTrace(
      2,
      [
        [1, 'read', 0],
        [2, 'read', 0],
        [1, 'write', 1, 0],
      ],
      { truncated: true, expected: 2, final: 1 },
    );
    const acc = accountTrace(trace);
    expect(acc.complete).toBe(false);
    expect(acc.balanced).toBe(false);
    expect(acc.problems).toHaveLength(1);
    expect(acc.problems[0]).toMatch(/^The trace was truncated: /);
  });

  it('reports books that do not balance when the final value was tampered with', () => {
    const acc = accountTrace(twoReaders({ final: 2 }));
    expect(acc.complete).toBe(true);
    expect(acc.balanced).toBe(false);
    expect(acc.problems.join(' ')).toMatch(/1 lost increments.*ended at 2/);
    expect(acc.problems.join(' ')).toMatch(/history ends at 1, but the run ended at 2/);
  });

  it('reports a trace with no writes that claims a nonzero final', () => {
    const acc = accountTrace(handTrace(1, [[1, 'read', 0]], { expected: 0, final: 3 }));
    expect(acc.writes).toBe(0);
    expect(acc.balanced).toBe(false);
    expect(acc.history.index).toHaveLength(0);
  });

  it('rebuilds the history from values when two writes carry swapped stamps', () => {
    // Worker 2's stale write of 1 over 1 was stamped after worker 1's next write of 2.
    const trace = handTrace(
      2,
      [
        [1, 'read', 0, undefined, 0],
        [2, 'read', 0, undefined, 1],
        [1, 'write', 1, 0, 2],
        [1, 'read', 1, undefined, 3],
        [2, 'write', 1, 1, 5],
        [1, 'write', 2, 1, 4],
      ],
      { final: 2 },
    );
    const acc = accountTrace(trace);
    // Event indices follow the stamps: worker 1's write of 2 is event 4, worker 2's is 5.
    expect(Array.from(acc.history.index)).toEqual([2, 5, 4]);
    expect(historyValues(acc, trace)).toEqual([1, 1, 2]);
    expect(acc.problems).toEqual([]);
    expect(acc.balanced).toBe(true);
    expect(list(acc, trace).map((f) => [f.index, f.erasedWrites, f.victims])).toEqual([
      [5, [2], [1]],
    ]);
  });

  it('falls back to tick order, with a problem, when the values do not chain', () => {
    const trace = handTrace(1, [
      [1, 'read', 0],
      [1, 'write', 1, 0],
      [1, 'read', 3],
      [1, 'write', 4, 3],
    ]);
    const acc = accountTrace(trace);
    expect(Array.from(acc.history.index)).toEqual([1, 3]);
    expect(acc.balanced).toBe(false);
    expect(acc.problems[0]).toMatch(/do not chain/);
  });

  it('falls back to the stamps’ order, not the columns’, when the values do not chain', () => {
    const trace = handTrace(1, [
      [1, 'read', 0],
      [1, 'write', 1, 0],
      [1, 'read', 3],
      [1, 'write', 4, 3],
    ]);
    // The second write is stamped first, without reordering the columns.
    trace.events.tick = Float64Array.of(0, 3, 2, 2);
    const acc = accountTrace(trace);
    expect(Array.from(acc.history.index)).toEqual([3, 1]);
    expect(acc.problems[0]).toMatch(/do not chain/);
  });

  it('accepts columns that are not in tick order', () => {
    const trace = twoReaders();
    // Reverse the stamps of the two writes without reordering the columns.
    const tick = Float64Array.from(tickColumn(trace.events));
    [tick[2], tick[3]] = [3, 2];
    trace.events.tick = tick;
    const acc = accountTrace(trace);
    expect(acc.balanced).toBe(true);
    expect(acc.lost).toBe(1);
  });
});
