import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { findingList } from './findingTable';
import { presetConfig } from './config';
import { describeFinding, narrateEvent } from './describe';
import { handTrace } from './handTrace';
import { accountRun } from './scenarioBooks';
import { replayChooser, simulate, type Chooser } from './simulation';
import type { Trace } from './trace';

/** Follow `prefix`, then always move the first enabled leaf. */
const prefixChooser =
  (prefix: readonly number[]): Chooser =>
  (enabled, scheduler) =>
    prefix[scheduler.schedule.length] ?? enabled[0]!;

const narration = (trace: Trace) => {
  const acc = accountTrace(trace);
  return Array.from({ length: trace.events.length }, (_, i) => narrateEvent(trace, acc, i));
};

const findingTexts = (trace: Trace) => {
  const acc = accountTrace(trace);
  return findingList(acc.findings, acc.history.index, trace.events).map((f) =>
    describeFinding(trace, acc, f),
  );
};

describe('describeFinding', () => {
  it("tells the blog's twin functions apart and names the increment that was lost", () => {
    // func3›func1 (2) and func3›func2 (3) both read 0, then both write 1.
    const trace = simulate({ ...presetConfig('blog'), increments: 1 }, prefixChooser([2, 3, 2, 3]));
    expect(findingTexts(trace)).toEqual([
      "func3›func2 wrote 1 over func3›func1's 1: func3›func1's increment was lost.",
    ]);
  });

  it('counts several increments of one victim, and several victims', () => {
    const one = handTrace(2, [
      [2, 'read', 0],
      [1, 'read', 0],
      [1, 'write', 1, 0],
      [1, 'read', 1],
      [1, 'write', 2, 1],
      [1, 'read', 2],
      [1, 'write', 3, 2],
      [2, 'write', 1, 3],
    ]);
    expect(findingTexts(one)).toEqual([
      "worker 2 wrote 1 over worker 1's 3: 3 increments by worker 1 were lost.",
    ]);
    const two = handTrace(3, [
      [3, 'read', 0],
      [1, 'read', 0],
      [1, 'write', 1, 0],
      [2, 'read', 1],
      [2, 'write', 2, 1],
      [3, 'write', 1, 2],
    ]);
    expect(findingTexts(two)).toEqual([
      "worker 3 wrote 1 over worker 2's 2: 2 increments by worker 1 and worker 2 were lost.",
    ]);
  });

  it('says when a stale write brings lost increments back', () => {
    const trace = handTrace(3, [
      [1, 'read', 0],
      [2, 'read', 0],
      [2, 'write', 1, 0],
      [2, 'read', 1],
      [2, 'write', 2, 1],
      [3, 'read', 2],
      [1, 'write', 1, 2],
      [3, 'write', 3, 1],
    ]);
    expect(findingTexts(trace)).toEqual([
      "worker 1 wrote 1 over worker 2's 2: 2 increments by worker 2 were lost.",
      "worker 3 wrote 3 over worker 1's 1: 1 lost increment came back.",
    ]);
  });
});

describe('narrateEvent', () => {
  it('narrates racy reads and writes, stale or not', () => {
    const trace = handTrace(2, [
      [1, 'read', 0],
      [2, 'read', 0],
      [1, 'write', 1, 0],
      [2, 'write', 1, 1],
      [0, 'read', 1],
    ]);
    expect(narration(trace)).toEqual([
      'worker 1 reads 0',
      'worker 2 reads 0',
      'worker 1 writes 1',
      'worker 2 writes 1 over 1: 1 increment lost',
      'main reads 1',
    ]);
  });

  it('narrates atomic adds, locks and compare-and-swaps', () => {
    const trace = handTrace(2, [
      [1, 'add', 1, 0],
      [1, 'lock', 1],
      [1, 'unlock', 0],
      [1, 'read', 1],
      [2, 'read', 1],
      [1, 'cas', 2, 1],
      [2, 'cas', 2],
      [2, 'cas', 3, 2],
    ]);
    expect(narration(trace)).toEqual([
      'worker 1 adds 1: 0 → 1',
      'worker 1 takes the lock',
      'worker 1 releases the lock',
      'worker 1 reads 1',
      'worker 2 reads 1',
      'worker 1 compare-and-swaps 1 → 2: succeeds',
      'worker 2 tries compare-and-swap 1 → 2: fails, counter holds 2',
      'worker 2 compare-and-swaps 2 → 3: succeeds',
    ]);
  });

  it("narrates the bank's atomic debit as a subtraction and its failed swap in balance terms", () => {
    const bank = { ...presetConfig('custom'), workers: 2, increments: 1 };
    const told = (strategy: 'atomic' | 'cas') => {
      const config = { ...bank, strategy, scenario: 'bank' as const, balance: 2 };
      const trace = simulate(config, replayChooser([1, 2, 1, 2, 2, 2]));
      const acc = accountRun(trace);
      return Array.from({ length: trace.events.length }, (_, i) => narrateEvent(trace, acc, i));
    };
    expect(told('atomic')).toContain('worker 1 subtracts 1: 2 → 1');
    expect(told('cas')).toContain('worker 2 tries compare-and-swap 2 → 1: fails, balance holds 1');
  });

  it('narrates the supervisors and main of the blog tree by name', () => {
    const trace = simulate({ ...presetConfig('blog'), increments: 50 }, prefixChooser([]));
    const lines = narration(trace);
    expect(lines.filter((l) => /^(main|func3|func4) /.test(l))).toEqual([
      'func3 reads 100',
      'func4 reads 200',
      'main reads 200',
    ]);
    expect(lines[0]).toBe('func3›func1 reads 0');
  });
});
