import type { RunConfig } from './config';
import { FLAG } from './layout';
import type { Op } from './ops';
import type { StrategyId } from './strategies';
import { buildThreads } from './threads';
import { eventsFromList, type Trace, type TraceEvent } from './trace';

/**
 * One access written by hand: thread, op, value, and for a write-like access the value it
 * replaced (a compare-and-swap without one failed). Optional fifth entry: its order stamp.
 */
export type HandEvent = [thread: number, op: Op, value: number, replaced?: number, tick?: number];

export interface HandTraceOptions {
  strategy?: StrategyId;
  /** Defaults to the number of write-like events. */
  expected?: number;
  /** Defaults to the counter after the last write-like event in tick order. */
  final?: number;
  truncated?: boolean;
}

/** A trace of flat workers 1…`workers` from events written by hand (examples and tests). */
export function handTrace(
  workers: number,
  list: HandEvent[],
  options: HandTraceOptions = {},
): Trace {
  const events = eventsFromList(
    list.map(([thread, op, value, replaced, tick], i): TraceEvent => {
      const event: TraceEvent = { tick: tick ?? i, thread, op, value };
      if (replaced !== undefined) event.replaced = replaced;
      if (op === 'cas') event.ok = replaced !== undefined;
      return event;
    }),
  );
  let writes = 0;
  let last = 0;
  for (let i = 0; i < events.length; i++) {
    if (!(events.flags[i]! & FLAG.hasReplaced)) continue;
    writes++;
    last = events.value[i]!;
  }
  const config: RunConfig = {
    preset: 'custom',
    workers,
    increments: 1,
    strategy: options.strategy ?? 'racy',
    work: 0,
    trace: 'on',
  };
  return {
    config,
    threads: buildThreads(config),
    events,
    expected: options.expected ?? writes,
    final: options.final ?? last,
    truncated: options.truncated ?? false,
  };
}
