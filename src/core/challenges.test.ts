import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { CHALLENGES, challengeConfig, solvedBy } from './challenges';
import { exploreOutcomes } from './explorer';
import { replayChooser, simulate, Simulation } from './simulation';

const challenge = (id: string) => CHALLENGES.find((c) => c.id === id)!;

describe('challenges', () => {
  it('"End at 2" is solved by the classic schedule', () => {
    const c = challenge('end-at-2');
    const config = challengeConfig(c);
    // 1 reads 0; 2 does two increments; 1 writes 1 over 2; 2 reads 1; 1 finishes; 2 writes 2.
    const trace = simulate(config, replayChooser([1, 2, 2, 2, 2, 1, 2, 1, 1, 1, 1, 2]));
    const lost = accountTrace(trace).lost;
    expect(trace.final).toBe(2);
    expect(solvedBy(config, { final: trace.final, lost })).toEqual(['lose-one', 'end-at-2']);
  });

  it('needs the challenge’s own setup', () => {
    const config = { ...challengeConfig(challenge('end-at-2')), increments: 4 };
    expect(solvedBy(config, { final: 2, lost: 6 })).toEqual([]);
  });

  it('the lock challenge is impossible, as its explanation says', () => {
    const c = challenge('lock');
    expect(c.impossible).toBeDefined();
    expect(exploreOutcomes(challengeConfig(c)).finals).toEqual([6]);
  });

  it('lock-each can lose one', () => {
    const finals = exploreOutcomes(challengeConfig(challenge('lock-each'))).finals;
    expect(Math.min(...finals)).toBeLessThan(6);
  });
});

describe('scenario challenges', () => {
  it.each([
    ['bank-pays-3', [1, 2, 1, 2, 1, 1, 2], { paid: 3, final: 0 }],
    ['bank-overdraw', [1, 1, 1, 2, 1, 2, 2], { paid: 3, final: -1, overdrawn: true }],
    ['two-winners', [1, 2, 1, 2], { winners: 2, owner: 2 }],
  ] as const)('%s is solved by a schedule found by hand', (id, schedule, expected) => {
    const config = challengeConfig(challenge(id));
    const sim = new Simulation(config, { record: false });
    for (const thread of schedule) sim.step(thread);
    expect(sim.done).toBe(true);
    const outcome = sim.outcome();
    expect(outcome).toMatchObject(expected);
    expect(solvedBy(config, { final: outcome.final, lost: outcome.lost, outcome })).toEqual([id]);
  });

  it('the exact strategies cannot solve them: a bank challenge needs its own strategy', () => {
    const config = { ...challengeConfig(challenge('bank-pays-3')), strategy: 'cas' as const };
    expect(exploreOutcomes(config).outcomes).toEqual(['0:2']);
  });
});
