import { FLAG } from '../layout';
import { presetConfig, type RunConfig } from '../config';
import { randomChooser, simulate } from '../simulation';
import { buildThreads } from '../threads';
import { eventsFromList, tickAt, type Trace, type TraceEvent, type TraceEvents } from '../trace';

/**
 * Two workers × two racy increments, written out by hand: worker 2 reads 0 before worker 1's
 * write lands, so its write of 1 (tick 3) erases worker 1's write (tick 2). Expected 4, final 3.
 */
export function racyTrace(): Trace {
  const config: RunConfig = {
    ...presetConfig('custom'),
    workers: 2,
    increments: 2,
    work: 0,
    trace: 'on',
  };
  const list: TraceEvent[] = [
    { tick: 0, thread: 1, op: 'read', value: 0 },
    { tick: 1, thread: 2, op: 'read', value: 0 },
    { tick: 2, thread: 1, op: 'write', value: 1, replaced: 0 },
    { tick: 3, thread: 2, op: 'write', value: 1, replaced: 1 },
    { tick: 4, thread: 1, op: 'read', value: 1 },
    { tick: 5, thread: 1, op: 'write', value: 2, replaced: 1 },
    { tick: 6, thread: 2, op: 'read', value: 2 },
    { tick: 7, thread: 2, op: 'write', value: 3, replaced: 2 },
    { tick: 8, thread: 0, op: 'read', value: 3 },
  ];
  return {
    config,
    threads: buildThreads(config),
    events: eventsFromList(list),
    expected: 4,
    final: 3,
    truncated: false,
  };
}

/** A simulated run of `config`, repeatable for `seed`. */
export function simulatedTrace(config: RunConfig, seed: number): Trace {
  return simulate(config, randomChooser(seed));
}

/** The same events with a wall-time column: event i at i × 0.125 ms (exact in binary). */
export function withWall(events: TraceEvents): TraceEvents {
  const wall = new Float64Array(events.length);
  for (let i = 0; i < wall.length; i++) wall[i] = i * 0.125;
  return { ...events, wall };
}

/**
 * Index of the first event where two column sets differ, or -1 when they are the same.
 * `replaced` is compared only where FLAG.hasReplaced says it means something: elsewhere a
 * file does not carry it (an unlock's recorder leaves a 1 there, an import leaves 0).
 */
export function firstDifference(a: TraceEvents, b: TraceEvents): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  if ((a.wall === null) !== (b.wall === null)) return 0;
  for (let i = 0; i < a.length; i++) {
    if (
      tickAt(a, i) !== tickAt(b, i) ||
      a.thread[i] !== b.thread[i] ||
      a.op[i] !== b.op[i] ||
      a.value[i] !== b.value[i] ||
      (a.flags[i]! & FLAG.hasReplaced && a.replaced[i] !== b.replaced[i]) ||
      a.flags[i] !== b.flags[i] ||
      (a.wall !== null && a.wall[i] !== b.wall![i])
    ) {
      return i;
    }
  }
  return -1;
}
