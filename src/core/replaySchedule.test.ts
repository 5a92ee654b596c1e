import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from './config';
import { handTrace } from './handTrace';
import { seededRandom } from './random';
import { scheduleFromTrace } from './replaySchedule';
import { randomChooser, replayChooser, simulate } from './simulation';
import { STRATEGY_IDS, type StrategyId } from './strategies';
import { flatConfig as flat } from './testing/configs';
import { eventsFromList, eventsToList, type Trace } from './trace';

const configs = (s: StrategyId): RunConfig[] => [
  flat(s, 2, 5),
  flat(s, 3, 4),
  { ...presetConfig('blog', s), increments: 3 },
];

/** Each thread's accesses in order, without stamps: what a replay must reproduce. */
const perThread = (trace: Trace): string[][] => {
  const out = trace.threads.map((): string[] => []);
  for (const e of eventsToList(trace.events)) {
    out[e.thread]!.push(`${e.op} ${e.value} ${e.replaced ?? '-'} ${e.ok ?? '-'}`);
  }
  return out;
};

/** The trace as a free run could have stamped it: some neighbouring stamps of two threads swapped. */
function scrambled(trace: Trace, seed: number): Trace {
  const random = seededRandom(seed);
  const list = eventsToList(trace.events);
  for (let i = 0; i + 1 < list.length; i++) {
    if (list[i]!.thread === list[i + 1]!.thread || random() < 0.5) continue;
    [list[i]!.tick, list[i + 1]!.tick] = [list[i + 1]!.tick, list[i]!.tick];
    i++; // disjoint pairs: no access moves more than one place
  }
  const copy: Trace = { ...trace, events: eventsFromList(list) };
  delete copy.schedule;
  return copy;
}

/** The leaf order the stamps claim, taken at face value. */
const stampOrder = (trace: Trace): number[] =>
  eventsToList(trace.events)
    .filter((e) => trace.threads[e.thread]!.role === 'leaf')
    .map((e) => e.thread);

describe('scheduleFromTrace', () => {
  it('gives back the schedule a trace already carries', () => {
    const trace = simulate(flat('racy', 2, 3), randomChooser(1));
    expect(scheduleFromTrace(trace)).toEqual({ schedule: trace.schedule, exact: true });
  });

  it('puts a read stamped late before the write it came before, which stamp order cannot', () => {
    // Worker 1 read 0, then worker 2 read 0 and wrote 1; worker 1's read was stamped last.
    const trace = handTrace(2, [
      [2, 'read', 0, undefined, 0],
      [2, 'write', 1, 0, 1],
      [1, 'read', 0, undefined, 2],
      [1, 'write', 1, 1, 3],
    ]);
    const { schedule, exact } = scheduleFromTrace(trace);
    expect(exact).toBe(true);
    expect(schedule).toEqual([2, 1, 2, 1]);
    expect(simulate(trace.config, replayChooser(schedule)).final).toBe(1);
    expect(simulate(trace.config, replayChooser(stampOrder(trace))).final).toBe(2);
  });

  it('says when the trace cannot be followed, and still gives a schedule that finishes', () => {
    const trace = handTrace(2, [
      [1, 'read', 0],
      [2, 'read', 7],
      [1, 'write', 1, 0],
      [2, 'write', 8, 1],
    ]);
    const { schedule, exact } = scheduleFromTrace(trace);
    expect(exact).toBe(false);
    expect(simulate(trace.config, replayChooser(schedule)).final).toBe(2);
  });

  it.each(STRATEGY_IDS)(
    '%s: recovers a schedule replaying every access of scrambled simulated runs',
    (strategy) => {
      let stampOrderWrong = 0;
      for (const config of configs(strategy)) {
        for (let seed = 1; seed <= 15; seed++) {
          const original = simulate(config, randomChooser(seed));
          const trace = scrambled(original, seed * 7919);
          const { schedule, exact } = scheduleFromTrace(trace);
          const where = `${config.preset} ×${config.workers} seed ${seed}`;
          expect(exact, where).toBe(true);
          const replay = simulate(config, replayChooser(schedule));
          expect(replay.final, where).toBe(original.final);
          expect(perThread(replay), where).toEqual(perThread(original));
          try {
            const naive = simulate(config, replayChooser(stampOrder(trace)));
            if (JSON.stringify(perThread(naive)) !== JSON.stringify(perThread(original))) {
              stampOrderWrong++;
            }
          } catch {
            stampOrderWrong++; // the stamps named a thread that could not move (a held lock)
          }
        }
      }
      // The scrambling is real: taken at face value, the stamps replay some runs wrongly.
      if (strategy !== 'atomic') expect(stampOrderWrong).toBeGreaterThan(0);
    },
  );
});
