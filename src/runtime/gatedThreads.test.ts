import { beforeAll, describe, expect, it } from 'vitest';
import { planRun, type RunPlan } from './plan';
import { readCounter } from '../workers/leafJob';
import { accountTrace } from '../core/accounting';
import { presetConfig, type RunConfig } from '../core/config';
import { GatedController } from '../core/gatedControl';
import { scheduleFromTrace } from '../core/replaySchedule';
import { randomChooser, replayChooser, Simulation, simulate } from '../core/simulation';
import { STRATEGY_IDS, type StrategyId } from '../core/strategies';
import { leafThreadRunner, type LeafThreadRunner } from '../workers/testing/nodeThreads';
import { flatConfig as flat } from '../core/testing/configs';
import { eventsToList, type Trace } from '../core/trace';
import { decodeSharedTrace } from '../core/traceDecode';

let runInThread: LeafThreadRunner;
beforeAll(async () => {
  runInThread = await leafThreadRunner();
}, 60_000);

/**
 * A run's leaves on real threads sharing one buffer; each supervisor reads once its leaves
 * have finished, exactly as the supervisor worker does (readCounter). Resolves when all are done.
 */
function startThreads(plan: RunPlan): Promise<void> {
  const runs = plan.direct.map(async (d) => {
    if (d.role === 'leaf') return void (await runInThread(d.job));
    await Promise.all(d.job.children.map(runInThread));
    readCounter(plan.cells, plan.trace, d.job.thread);
  });
  return Promise.all(runs).then(() => undefined);
}

/** Main's read after everything, then the whole trace, as the engine's finishRun does. */
function finalTrace(config: RunConfig, plan: RunPlan): Trace {
  const target = plan.trace!;
  const final = readCounter(plan.cells, target, 0);
  const events = decodeSharedTrace(plan.cells, target.events, target.regions);
  return {
    config,
    threads: plan.threads,
    events,
    expected: plan.expected,
    final,
    truncated: false,
  };
}

/** Every access without its stamp: what two runs of one schedule must share. */
const accesses = (trace: Trace) =>
  eventsToList(trace.events).map(({ thread, op, value, replaced, ok }) => ({
    thread,
    op,
    value,
    replaced,
    ok,
  }));

const gatedConfigs = (s: StrategyId): RunConfig[] => [
  flat(s, 2, 5),
  flat(s, 3, 3),
  { ...presetConfig('blog', s), increments: 3 },
];

describe('gated leaves on real threads follow the simulation step for step', () => {
  it.each(STRATEGY_IDS)('%s: same enabled set, reasons, accesses and final', async (strategy) => {
    let lockWaits = 0;
    for (const config of gatedConfigs(strategy)) {
      for (const seed of [1, 2]) {
        const plan = planRun(config, { gated: true });
        const finished = startThreads(plan);
        const { events, regions } = plan.trace!;
        const gated = new GatedController(config, { cells: plan.cells, events, regions });
        const sim = new Simulation(config);
        const choose = randomChooser(seed);
        while (!gated.done) {
          expect(gated.enabled()).toEqual(sim.enabled());
          for (const t of sim.threads) {
            const reason = sim.blockedReason(t.id);
            expect(gated.blockedReason(t.id), `thread ${t.id}`).toBe(reason);
            expect(gated.nextOp(t.id)).toBe(sim.nextOp(t.id));
            if (reason?.startsWith('waiting for the lock held by')) lockWaits++;
          }
          const thread = choose(sim.enabled(), sim.scheduler);
          sim.step(thread);
          await gated.step(thread);
          // The live trace grows step by step; main's read (the simulation's last) is not in it yet.
          const mainRead = sim.done ? 1 : 0;
          expect(gated.trace().events.length).toBe(sim.toTrace().events.length - mainRead);
        }
        expect(sim.done).toBe(true);
        await finished;
        const real = finalTrace(config, plan);
        expect(gated.schedule).toEqual(sim.schedule);
        expect(accesses(real)).toEqual(accesses(sim.toTrace()));
        expect(real.final).toBe(sim.counter());
      }
    }
    if (strategy === 'lock' || strategy === 'lock-each') expect(lockWaits).toBeGreaterThan(0);
  });

  it('a leaf at a lock step while another holds the lock cannot move, and says why', async () => {
    // Step mode always records, whatever the config says.
    const config: RunConfig = { ...flat('lock', 2, 1), trace: 'off' };
    const plan = planRun(config, { gated: true });
    expect(plan.direct.every((d) => d.role === 'leaf' && d.job.gated)).toBe(true);
    const finished = startThreads(plan);
    const { events, regions } = plan.trace!;
    const gated = new GatedController(config, { cells: plan.cells, events, regions });
    await gated.step(1);
    expect(gated.enabled()).toEqual([1]);
    expect(gated.blockedReason(2)).toBe('waiting for the lock held by worker 1');
    await expect(gated.step(2)).rejects.toThrow(
      'worker 2 cannot move: waiting for the lock held by worker 1.',
    );
    for (const thread of [1, 1, 1]) await gated.step(thread);
    expect(gated.blockedReason(1)).toBe('finished');
    expect(gated.enabled()).toEqual([2]);
    for (const thread of [2, 2, 2, 2]) await gated.step(thread);
    expect(gated.done).toBe(true);
    await finished;
    expect(finalTrace(config, plan).final).toBe(2);
  });
});

/** A free run (no gates) on real threads, traced. */
async function freeRun(config: RunConfig): Promise<Trace> {
  const plan = planRun(config);
  await startThreads(plan);
  return finalTrace(config, plan);
}

describe('schedules derived from free real-thread traces', () => {
  it.each([
    ['racy', flat('racy', 4, 20_000)],
    ['lock-each', flat('lock-each', 3, 5_000)],
    ['cas', flat('cas', 4, 5_000)],
    ["racy, the blog's tree", presetConfig('blog', 'racy')],
  ] as const)('%s: the simulation replays the recorded final', async (_, config) => {
    const trace = await freeRun(config);
    const { schedule, exact } = scheduleFromTrace(trace);
    const replay = simulate(config, replayChooser(schedule));
    expect(replay.final).toBe(trace.final);
    expect(exact).toBe(true);
    expect(accountTrace(replay).lost).toBe(accountTrace(trace).lost);
  });

  it('gated real threads replay a racy free run: same final, same leaf accesses', async () => {
    const config = flat('racy', 2, 2_000, 20);
    const trace = await freeRun(config);
    const { schedule } = scheduleFromTrace(trace);
    const plan = planRun(config, { gated: true });
    const finished = startThreads(plan);
    const { events, regions } = plan.trace!;
    const gated = new GatedController(config, { cells: plan.cells, events, regions });
    for (const thread of schedule) await gated.step(thread);
    expect(gated.done).toBe(true);
    await finished;
    const replay = finalTrace(config, plan);
    expect(replay.final).toBe(trace.final);
    const leafAccesses = (t: Trace) => accesses(t).filter((a) => a.thread !== 0);
    const byThread = (t: Trace) =>
      [1, 2].map((id) => leafAccesses(t).filter((a) => a.thread === id));
    expect(byThread(replay)).toEqual(byThread(trace));
  });
});
