import { describe, expect, it } from 'vitest';
import { accountClaims, claimWins } from './claimBooks';
import { presetConfig, type RunConfig } from './config';
import { describeFinding } from './describe';
import { findingList } from './findingTable';
import { decodeSchedule } from './schedule';
import { randomChooser, replayChooser, Simulation } from './simulation';
import { STRATEGY_IDS, type StrategyId } from './strategies';

const claim = (workers: number, strategy: StrategyId): RunConfig => ({
  ...presetConfig('custom', strategy),
  workers,
  increments: 1,
  scenario: 'claim',
});

/** Run a claim in the order `schedule` gives (one letter per leaf: b is worker 1). */
function play(workers: number, strategy: StrategyId, schedule: string) {
  const decoded = decodeSchedule(schedule);
  if (!decoded.ok) throw new Error(decoded.message);
  const sim = new Simulation(claim(workers, strategy));
  const choose = replayChooser(decoded.schedule);
  while (!sim.done) sim.stepWith(choose);
  const trace = sim.toTrace();
  return { trace, acc: accountClaims(trace), outcome: sim.outcome() };
}

/** "erasing>erased" worker for every erased claim, in event order: "2>1 3>2". */
function erased(acc: ReturnType<typeof accountClaims>, thread: Uint8Array): string {
  const { findings, history } = acc;
  return Array.from(
    findings.index,
    (_, k) => `${findings.thread[k]}>${thread[history.index[findings.from[k]!]!]}`,
  ).join(' ');
}

describe('accountClaims: racy claims, each winner erasing the claim before it', () => {
  it.each([
    // Both read 0, then write in turn: worker 2 erases worker 1's claim.
    [2, 'bcbc', 2, 2, '2>1'],
    // All three read 0 and write in turn.
    [3, 'bcdbcd', 3, 3, '2>1 3>2'],
    // Worker 3 reads after worker 1's write, sees 1 and gives up: two winners.
    [3, 'bcbdc', 2, 2, '2>1'],
    // Four read 0 and write in reverse order.
    [4, 'bcdeedcb', 4, 1, '3>4 2>3 1>2'],
    // Worker 4 sees worker 1's claim; workers 1, 2 and 3 all win.
    [4, 'bcdbecd', 3, 3, '2>1 3>2'],
  ] as const)('%i workers, schedule %s: %i winners, owner %i', (workers, s, winners, owner, by) => {
    const { trace, acc, outcome } = play(workers, 'racy', s);
    expect(outcome).toMatchObject({ winners, owner, lost: winners - 1 });
    expect(acc.won).toBe(winners);
    expect(acc.lost).toBe(winners - 1);
    expect(acc.balanced).toBe(true);
    expect(acc.problems).toEqual([]);
    expect(erased(acc, trace.events.thread)).toEqual(by);
    // Each erasing write built on its own read of 0.
    for (const r of acc.findings.read) expect(trace.events.value[r]).toBe(0);
  });

  it('names who erased whose claim', () => {
    const { trace, acc } = play(2, 'racy', 'bcbc');
    const [finding] = findingList(acc.findings, acc.history.index, trace.events);
    expect(describeFinding(trace, acc, finding!)).toBe(
      "worker 2 wrote 2 over worker 1's 1: worker 1's claim was lost.",
    );
    expect(acc.perThread.find((p) => p.thread === 1)).toMatchObject({
      increments: 1,
      lostAsVictim: 1,
      erasedAsClobberer: 0,
    });
  });

  it('lock-each: both read 0 under the lock, both win', () => {
    const { acc, outcome } = play(2, 'lock-each', 'b3c3b3c3');
    expect(outcome.winners).toBe(2);
    expect(acc).toMatchObject({ won: 2, lost: 1, balanced: true });
  });
});

describe('accountClaims: exact strategies', () => {
  it('atomic: one winner, the owner is the last writer, and no claim is lost', () => {
    const { trace, acc, outcome } = play(3, 'atomic', 'bcd');
    expect(outcome).toMatchObject({ winners: 1, owner: 3, lost: 0 });
    // Workers 2 and 3 overwrote the owner, but their exchanges saw it taken: they lost.
    expect(Array.from(claimWins(trace)).filter(Boolean)).toHaveLength(1);
    expect(acc).toMatchObject({ won: 1, lost: 0, writes: 3, balanced: true });
    expect(acc.findings.length).toBe(0);
    expect(Array.from(acc.history.index, (i) => trace.events.value[i])).toEqual([1, 2, 3]);
  });

  it.each([
    ['cas', 'cb'],
    ['lock', 'c4b3'],
  ] as const)('%s: one winner, nothing erased', (strategy, s) => {
    const { acc, outcome } = play(2, strategy, s);
    expect(outcome.winners).toBe(1);
    expect(acc).toMatchObject({ won: 1, lost: 0, balanced: true });
  });
});

describe('accountClaims on seeded interleavings of every strategy', () => {
  const configs = STRATEGY_IDS.flatMap((s) => [2, 3, 4].map((w) => claim(w, s)));
  // The blog's tree: supervisors and main read the owner too, and never claim it.
  configs.push({ ...presetConfig('blog', 'racy'), increments: 1, scenario: 'claim' });
  it.each(configs)('$strategy, $workers workers ($preset)', (config) => {
    for (let seed = 0; seed < 40; seed++) {
      const sim = new Simulation(config);
      const choose = randomChooser(seed);
      while (!sim.done) sim.stepWith(choose);
      const acc = accountClaims(sim.toTrace());
      const { winners } = sim.outcome();
      expect(acc).toMatchObject({ balanced: true, won: winners, lost: winners! - 1 });
      expect(acc.findings.length).toBe(acc.lost);
      if (['atomic', 'cas', 'lock'].includes(config.strategy)) expect(winners).toBe(1);
    }
  });
});

describe('accountClaims: books that do not balance', () => {
  it('says so when the trace claims an owner its writes never left', () => {
    const { trace } = play(2, 'racy', 'bcbc');
    const acc = accountClaims({ ...trace, final: 1 });
    expect(acc.balanced).toBe(false);
    expect(acc.problems).toEqual([
      "The owner's history ends at 2, but the run ended with owner 1.",
    ]);
  });

  it('says so when the first claim was written by a worker that saw it taken', () => {
    const { trace } = play(2, 'racy', 'bcbc');
    // Worker 1's read now saw 5, so its write is no win; worker 2's still erased it.
    const value = trace.events.value.slice();
    value[trace.events.thread.indexOf(1)] = 5;
    const acc = accountClaims({ ...trace, events: { ...trace.events, value } });
    expect(acc).toMatchObject({ won: 1, lost: 1, balanced: false });
    expect(acc.problems).toEqual([
      'The trace shows 1 winners, so 0 claims should have been erased, but the writes erased 1.',
    ]);
  });

  it('does not check a truncated trace', () => {
    const { trace } = play(2, 'racy', 'bcbc');
    const acc = accountClaims({ ...trace, truncated: true });
    expect(acc).toMatchObject({ complete: false, balanced: false });
  });
});
