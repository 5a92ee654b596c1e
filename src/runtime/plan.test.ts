import { describe, expect, it } from 'vitest';
import { LIMITS, presetConfig, type RunConfig } from '../core/config';
import { CONTROL_CELLS, eventStride, MAX_TRACE_EVENTS } from '../core/layout';
import { planRun, runTimeoutMs } from './plan';

describe('planRun', () => {
  it("builds the blog's tree: two supervisors, each with two leaves, one barrier for all four", () => {
    const plan = planRun(presetConfig('blog', 'cas'), { failThread: 6, wallEpoch: 123 });
    expect(plan.direct.map((d) => [d.role, d.job.thread])).toEqual([
      ['supervisor', 1],
      ['supervisor', 4],
    ]);
    const supervisors = plan.direct.map((d) => (d.role === 'supervisor' ? d.job : null));
    expect(supervisors.map((s) => s!.children.map((c) => c.thread))).toEqual([
      [2, 3],
      [5, 6],
    ]);
    const leaves = supervisors.flatMap((s) => s!.children);
    expect(leaves.every((l) => l.leafCount === 4 && l.strategy === 'cas' && l.work === 1000)).toBe(
      true,
    );
    // Everyone shares the very same cells and trace buffer.
    expect(leaves.every((l) => l.cells === plan.cells && l.trace === plan.trace)).toBe(true);
    expect(leaves.map((l) => l.failAfter)).toEqual([undefined, undefined, undefined, 50]);
    expect(plan.cells.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(plan.cells.length).toBe(CONTROL_CELLS);
    expect(plan.trace!.wallEpoch).toBe(123);
    // Wall time recorded: four words an event.
    expect(plan.trace!.regions.stride).toBe(eventStride(true));
    expect(plan.trace!.events.length).toBe(plan.trace!.regions.total * 4);
    expect(plan.trace!.regions.capacity).toEqual([16, 16, 316, 316, 16, 316, 316]); // cas: room for a retry per increment
    expect(plan.expected).toBe(400);
  });

  it('hangs flat presets directly under main and records all of quad by default', () => {
    const plan = planRun(presetConfig('quad', 'racy'));
    expect(plan.direct.map((d) => [d.role, d.job.thread])).toEqual([
      ['leaf', 1],
      ['leaf', 2],
      ['leaf', 3],
      ['leaf', 4],
    ]);
    // 4 × 1,000,000 racy increments: room for all 8,000,000 accesses.
    expect(plan.trace!.regions.capacity.slice(1).every((c) => c >= 2_000_000)).toBe(true);
    expect(plan.direct.every((d) => d.role === 'leaf' && d.job.failAfter === undefined)).toBe(true);
  });

  it('records only a window of a larger run by default', () => {
    const plan = planRun({
      ...presetConfig('custom', 'racy'),
      workers: 16,
      increments: 10_000_000,
    });
    expect(plan.trace!.regions.total).toBeLessThanOrEqual(LIMITS.traceWindowEvents);
  });

  it('bounds a forced trace by the shared event limit', () => {
    const plan = planRun({ ...presetConfig('quad', 'racy'), trace: 'on' });
    expect(plan.trace!.regions.stride).toBe(eventStride(false));
    expect(plan.trace!.events.length).toBeLessThanOrEqual(MAX_TRACE_EVENTS * eventStride(false));
  });

  it('takes its trace buffer from the given source, viewing just what the run needs', () => {
    const kept = new SharedArrayBuffer(1 << 20);
    const plan = planRun(presetConfig('blog'), { traceBuffer: () => kept });
    expect(plan.trace!.events.buffer).toBe(kept);
    expect(plan.trace!.events.length).toBe(plan.trace!.regions.total * 3);
  });
});

describe('runTimeoutMs', () => {
  const big: RunConfig = {
    preset: 'custom',
    workers: LIMITS.workers.max,
    increments: LIMITS.increments.max,
    strategy: 'lock-each',
    work: LIMITS.work.max,
    trace: 'auto',
  };

  it('gives small runs the 20 s floor and grows with the accesses and busy work', () => {
    const blog = runTimeoutMs(presetConfig('blog'));
    expect(blog).toBeGreaterThanOrEqual(20_000);
    expect(blog).toBeLessThan(21_000);
    const quad = runTimeoutMs(presetConfig('quad', 'lock'));
    expect(quad).toBeGreaterThan(runTimeoutMs(presetConfig('quad', 'atomic')));
    expect(runTimeoutMs({ ...presetConfig('quad'), work: 100 })).toBeGreaterThan(
      runTimeoutMs(presetConfig('quad')),
    );
  });

  it('stays within what setTimeout can wait for, even at the limits', () => {
    const ms = runTimeoutMs(big);
    // Longer than such a run could need, yet short of the delay where setTimeout fires at once.
    expect(ms).toBeGreaterThan(runTimeoutMs({ ...big, work: 0 }));
    expect(ms).toBeLessThanOrEqual(2 ** 31 - 1);
  });
});
