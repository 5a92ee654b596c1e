import { beforeAll, describe, expect, it } from 'vitest';
import { planRun } from '../runtime/plan';
import type { LeafResult } from './api';
import { readCounter } from './leafJob';
import type { RunConfig } from '../core/config';
import { CELL, FLAG } from '../core/layout';
import { STOP_CHECK_EVERY } from '../core/leaf';
import { opCode, type Op } from '../core/ops';
import { leafThreadRunner, type LeafThreadRunner } from './testing/nodeThreads';
import { flatConfig as flat } from '../core/testing/configs';
import { tickColumn, type TraceEvents } from '../core/trace';
import { decodeSharedTrace } from '../core/traceDecode';

let runInThread: LeafThreadRunner;
beforeAll(async () => {
  runInThread = await leafThreadRunner();
}, 60_000);

interface Finished {
  results: PromiseSettledResult<LeafResult>[];
  final: number;
  events: TraceEvents;
  cells: Int32Array;
  buffer: ArrayBufferLike;
}

/** A flat run on real threads sharing one buffer, then main's read, as the engine does it. */
async function race(
  config: RunConfig,
  tweak: {
    failThread?: number;
    capacity?: number;
    stopped?: boolean;
    wallEpoch?: number;
    buffer?: SharedArrayBuffer;
  } = {},
): Promise<Finished> {
  const plan = planRun(config, {
    failThread: tweak.failThread,
    wallEpoch: tweak.wallEpoch,
    traceBuffer: tweak.buffer && (() => tweak.buffer!),
  });
  const trace = plan.trace!;
  if (tweak.stopped) Atomics.store(plan.cells, CELL.stop, 1);
  if (tweak.capacity !== undefined) trace.regions.capacity.fill(tweak.capacity);
  const jobs = plan.direct.map((d) => (d.role === 'leaf' ? d.job : undefined));
  const results = await Promise.allSettled(jobs.map((job) => runInThread(job!)));
  const final = readCounter(plan.cells, trace, 0);
  const events = decodeSharedTrace(plan.cells, trace.events, trace.regions);
  return { results, final, events, cells: plan.cells, buffer: trace.events.buffer };
}

const fulfilled = (results: PromiseSettledResult<LeafResult>[]): LeafResult[] =>
  results.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });

/** Count events per thread matching `op` (and, for cas, the outcome). */
function countOps(events: TraceEvents, op: Op, casOk?: boolean): Map<number, number> {
  const counts = new Map<number, number>();
  for (let i = 0; i < events.length; i++) {
    if (events.op[i] !== opCode(op)) continue;
    if (casOk !== undefined && ((events.flags[i]! & FLAG.casOk) !== 0) !== casOk) continue;
    counts.set(events.thread[i]!, (counts.get(events.thread[i]!) ?? 0) + 1);
  }
  return counts;
}

/** Increments lost, from the trace alone: each write overwrote `replaced` instead of `value - 1`. */
function lostFromTrace(events: TraceEvents): number {
  let lost = 0;
  for (let i = 0; i < events.length; i++) {
    if (events.op[i] === opCode('write')) lost += events.replaced[i]! + 1 - events.value[i]!;
  }
  return lost;
}

describe('every strategy on real threads sharing one SharedArrayBuffer', () => {
  it.each(['atomic', 'lock', 'cas'] as const)(
    '%s ends at exactly workers × increments',
    async (s) => {
      const { results, final, events, cells } = await race(flat(s, 4, 20_000));
      const leaves = fulfilled(results);
      expect(final).toBe(80_000);
      expect(leaves.map((l) => l.done)).toEqual([20_000, 20_000, 20_000, 20_000]);
      expect(Atomics.load(cells, CELL.truncated)).toBe(0);
      // Main's read is the last thing recorded, and it saw the final value.
      expect(events.thread[events.length - 1]).toBe(0);
      expect(events.value[events.length - 1]).toBe(final);
      if (s === 'atomic') {
        // Every add produced a distinct value: 1 .. total, none skipped, none repeated.
        const seen = new Set(Array.from(events.value.subarray(0, events.length - 1)));
        expect(seen.size).toBe(80_000);
        expect(Math.min(...seen)).toBe(1);
        expect(Math.max(...seen)).toBe(80_000);
      }
      if (s === 'lock')
        expect([...countOps(events, 'lock').values()]).toEqual(Array(4).fill(20_000));
    },
  );

  it('cas counts each failed swap as a retry, and each is in the trace', async () => {
    const { results, events } = await race(flat('cas', 4, 20_000));
    const leaves = fulfilled(results);
    const failed = countOps(events, 'cas', false);
    const succeeded = countOps(events, 'cas', true);
    for (const leaf of leaves) {
      expect(leaf.retries).toBe(failed.get(leaf.thread) ?? 0);
      expect(succeeded.get(leaf.thread)).toBe(20_000);
    }
  });

  it.each(['racy', 'lock-each'] as const)(
    '%s: final + lost (from the trace) = expected',
    async (s) => {
      const { results, final, events, cells } = await race(flat(s, 4, 50_000));
      expect(fulfilled(results).every((l) => l.done === 50_000)).toBe(true);
      expect(Atomics.load(cells, CELL.truncated)).toBe(0);
      expect(countOps(events, 'write').get(1)).toBe(50_000);
      expect(final + lostFromTrace(events)).toBe(200_000);
    },
  );

  it('a full trace region truncates the run, which still completes, and recording stops', async () => {
    const { results, final, events, cells } = await race(flat('atomic', 2, 5_000), {
      capacity: 16,
    });
    expect(fulfilled(results).map((l) => l.done)).toEqual([5_000, 5_000]);
    expect(final).toBe(10_000);
    expect(Atomics.load(cells, CELL.truncated)).toBe(1);
    const counts = [0, 1, 2].map((t) => Atomics.load(cells, CELL.countBase + t));
    expect(counts[0]).toBe(0); // main's read came after the stop and was not recorded
    expect(Math.max(...counts)).toBe(16);
    // The clock only moves for recorded events: nothing was stamped after the stop.
    expect(Atomics.load(cells, CELL.clock)).toBe(counts[1]! + counts[2]!);
    expect(events.length).toBe(counts[1]! + counts[2]!);
  });

  it('the failure hook throws after half the increments; the other leaf finishes', async () => {
    const { results, final } = await race(flat('atomic', 2, 1_000), { failThread: 2 });
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { thread: 1, done: 1_000 } });
    expect(results[1]).toMatchObject({ status: 'rejected' });
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('worker 2 failed');
    expect(final).toBe(1_500);
  });

  it('with the stop flag raised, leaves pass the barrier and leave at their first check, lock free', async () => {
    const { results, final, cells } = await race(flat('lock', 2, 1_000_000), { stopped: true });
    const leaves = fulfilled(results);
    expect(leaves.map((l) => l.done)).toEqual([STOP_CHECK_EVERY, STOP_CHECK_EVERY]);
    expect(final).toBe(2 * STOP_CHECK_EVERY);
    expect(Atomics.load(cells, CELL.lock)).toBe(0);
  });

  it('with wall time, every access carries one and the order stamps still order the trace', async () => {
    const { final, events } = await race(flat('racy', 2, 5_000), {
      wallEpoch: performance.timeOrigin + performance.now(),
    });
    expect(events.wall).not.toBeNull();
    expect(events.wall!.every((w) => w >= 0)).toBe(true);
    const tick = tickColumn(events);
    expect(tick.every((t, i) => i === 0 || t > tick[i - 1]!)).toBe(true);
    expect(events.value[events.length - 1]).toBe(final);
  });

  it('a buffer kept from a larger run holds only the new run once it is read', async () => {
    const before = await race(flat('racy', 4, 20_000));
    const kept = before.buffer as SharedArrayBuffer;
    const { final, events } = await race(flat('atomic', 2, 1_000), { buffer: kept });
    // 2,000 adds and main's read: nothing left over from the 160,001 accesses before.
    expect(events.length).toBe(2_001);
    expect(final).toBe(2_000);
    // Every stamp from 0 on was recorded: each is its event's index, kept as no column.
    expect(events.tick).toBeNull();
  });
});
