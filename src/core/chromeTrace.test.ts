import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { findingList } from './findingTable';
import { toChromeTrace, type ChromeTraceEvent } from './chromeTrace';
import { presetConfig } from './config';
import { racyTrace, simulatedTrace, withWall } from './testing/traceFixtures';
import { tickColumn, type Trace } from './trace';

/** The export as a viewer would read it: through JSON text. */
const exported = (trace: Trace): ChromeTraceEvent[] => {
  const text = JSON.stringify(toChromeTrace(trace, accountTrace(trace)));
  const parsed = JSON.parse(text) as { traceEvents: ChromeTraceEvent[]; displayTimeUnit: string };
  expect(parsed.displayTimeUnit).toBe('ns');
  return parsed.traceEvents;
};

const phase = (events: ChromeTraceEvent[], ph: string) => events.filter((e) => e.ph === ph);

/** The counts the format promises, for any trace. */
function expectWellFormed(trace: Trace): void {
  const events = exported(trace);
  const acc = accountTrace(trace);
  const names = events.filter((e) => e.name === 'thread_name');
  expect(names.map((e) => e.tid)).toEqual(trace.threads.map((t) => t.id + 1));
  expect(events.filter((e) => e.name === 'thread_sort_index')).toHaveLength(trace.threads.length);
  const instants = phase(events, 'i');
  expect(instants).toHaveLength(trace.events.length);
  expect(instants.every((e) => e.s === 't' && e.pid === 1)).toBe(true);

  const pairs = findingList(acc.findings, acc.history.index, trace.events).reduce(
    (sum, f) => sum + f.erasedWrites.length,
    0,
  );
  const starts = phase(events, 's');
  const ends = phase(events, 'f');
  expect(starts).toHaveLength(pairs);
  expect(ends).toHaveLength(pairs);
  const slices = phase(events, 'X');
  expect(partialOverlaps(slices)).toEqual([]);
  for (const start of starts) {
    const end = ends.filter((f) => f.id === start.id);
    expect(end).toHaveLength(1);
    expect(start.ts!).toBeLessThanOrEqual(end[0]!.ts!);
    for (const flow of [start, end[0]!]) {
      expect(flow).toMatchObject({ cat: 'lost-update', bp: 'e' });
      const bound = slices.filter((x) => x.tid === flow.tid && x.ts === flow.ts);
      expect(bound.length).toBeGreaterThan(0);
      expect(bound[0]!.cat).toBe('lost-update');
    }
  }
}

/** Slices on one track that overlap without one containing the other (viewers drop them). */
function partialOverlaps(slices: ChromeTraceEvent[]): ChromeTraceEvent[] {
  return slices.filter((a) =>
    slices.some((b) => {
      const [a0, a1, b0, b1] = [a.ts!, a.ts! + a.dur!, b.ts!, b.ts! + b.dur!];
      return a !== b && a.tid === b.tid && a0 < b0 && b0 < a1 && a1 < b1;
    }),
  );
}

describe('toChromeTrace', () => {
  it('draws the one lost update of the racy trace as a flow between two writes', () => {
    const events = exported(racyTrace());
    expect(events.find((e) => e.name === 'thread_name' && e.tid === 2)?.args).toEqual({
      name: 'worker 1',
    });
    const instants = phase(events, 'i');
    expect(instants.map((e) => e.name)).toEqual([
      'read 0',
      'read 0',
      'write 1',
      'write 1',
      'read 1',
      'write 2',
      'read 2',
      'write 3',
      'read 3',
    ]);
    expect(instants.map((e) => e.ts)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(instants[3]!.args).toEqual({ value: 1, replaced: 1, erased: 1 });
    expect(instants[0]!.args).toEqual({ value: 0 });
    // Worker 1's write at tick 2 was erased by worker 2's at tick 3.
    const [start] = phase(events, 's');
    const [end] = phase(events, 'f');
    expect([start?.tid, start?.ts, end?.tid, end?.ts]).toEqual([2, 2, 3, 3]);
    expect(phase(events, 'X').map((e) => [e.tid, e.ts, e.dur])).toEqual([
      [2, 2, 1],
      [3, 3, 1],
    ]);
  });

  it('uses wall time in µs when every event has it', () => {
    const trace = { ...racyTrace(), events: withWall(racyTrace().events) };
    const instants = phase(exported(trace), 'i');
    expect(instants.map((e) => e.ts)).toEqual([0, 125, 250, 375, 500, 625, 750, 875, 1000]);
  });

  it('keeps slices on one track from overlapping when stamps are closer than 1 µs', () => {
    const base = racyTrace();
    const tick = Float64Array.from(tickColumn(base.events), (t) => t / 4);
    const quarter = { ...base, events: { ...base.events, tick } };
    // Each write's slice ends where its thread's next access begins.
    expect(phase(exported(quarter), 'X').map((e) => e.dur)).toEqual([0.5, 0.75]);
    const oneThread = {
      ...quarter,
      events: { ...quarter.events, thread: new Uint8Array(tick.length).fill(1) },
    };
    const slices = phase(exported(oneThread), 'X');
    expect(slices.map((e) => [e.ts, e.dur])).toEqual([
      [0.5, 0.25],
      [0.75, 0.25],
    ]);
  });

  it('has one track per thread, one instant per access and one flow per erased write', () => {
    const strategies = fc.constantFrom('racy', 'lock-each', 'cas', 'atomic' as const);
    fc.assert(
      fc.property(strategies, fc.integer({ min: 1, max: 30 }), fc.nat(), (strategy, n, seed) => {
        expectWellFormed(
          simulatedTrace({ ...presetConfig('blog', strategy), increments: n }, seed),
        );
      }),
      { seed: 7, numRuns: 60 },
    );
  });

  it('draws many flows for a lossy run', () => {
    const trace = simulatedTrace({ ...presetConfig('quad'), increments: 200 }, 2);
    expect(accountTrace(trace).findings.length).toBeGreaterThan(10);
    expectWellFormed(trace);
  });
});
