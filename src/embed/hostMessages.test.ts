import { describe, expect, it } from 'vitest';
import { LIMITS } from '../core/config';
import { heightMessage, resultMessage } from './frameMessages';
import { parseHostMessage } from './hostMessages';

describe('parseHostMessage', () => {
  it('reads a run command', () => {
    expect(parseHostMessage({ type: 'race-lab:run' })).toEqual({ type: 'run' });
  });

  it('ignores anything that is not a Race Lab command', () => {
    const others: unknown[] = [
      null,
      undefined,
      42,
      'race-lab:run',
      [],
      ['race-lab:run'],
      {},
      { type: 'race-lab:result' },
      { type: 'race-lab:ready' },
      { type: 'RACE-LAB:RUN' },
      { type: ['race-lab:run'] },
      { kind: 'race-lab:run' },
      new Date(),
    ];
    for (const data of others) expect(parseHostMessage(data), JSON.stringify(data)).toBeNull();
  });

  it('keeps every valid setting, numbers given as numbers or digit strings', () => {
    const command = parseHostMessage({
      type: 'race-lab:set',
      preset: 'pair',
      workers: 3,
      increments: '250',
      strategy: 'cas',
      work: 0,
      atomic: true,
      theme: 'dark',
    });
    expect(command).toEqual({
      type: 'set',
      settings: {
        preset: 'pair',
        workers: 3,
        increments: 250,
        strategy: 'cas',
        work: 0,
        atomic: true,
        theme: 'dark',
      },
      refused: [],
    });
  });

  it('applies the good fields and names each bad one with the URL rule it broke', () => {
    const command = parseHostMessage({
      type: 'race-lab:set',
      atomic: true,
      workers: LIMITS.workers.max + 1,
      strategy: 'fast',
      work: 1.5,
    });
    expect(command?.type).toBe('set');
    if (command?.type !== 'set') return;
    expect(command.settings).toEqual({ atomic: true });
    expect(command.refused).toEqual([
      `Ignored workers=17 from the host page: must be at most ${LIMITS.workers.max}.`,
      expect.stringMatching(/^Ignored strategy="fast" from the host page: must be one of racy/),
      'Ignored work=1.5 from the host page: must be a whole number.',
    ]);
  });

  it('refuses values a lax coercion would let through', () => {
    const command = parseHostMessage({
      type: 'race-lab:set',
      workers: null,
      increments: true,
      work: [5],
      atomic: 'yes',
      preset: 2,
    });
    if (command?.type !== 'set') throw new Error('expected a set command');
    expect(command.settings).toEqual({});
    expect(command.refused.map((r) => r.split('=')[0])).toEqual([
      'Ignored preset',
      'Ignored workers',
      'Ignored increments',
      'Ignored work',
      'Ignored atomic',
    ]);
  });

  it('names a few unknown fields, shortened, in one notice', () => {
    const fields = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`f${i}`, i]));
    const command = parseHostMessage({ type: 'race-lab:set', ...fields, ['x'.repeat(50)]: 1 });
    if (command?.type !== 'set') throw new Error('expected a set command');
    expect(command.refused).toEqual([
      'Ignored unknown settings from the host page: "f0", "f1", "f2", "f3", "f4" and 4 more.',
    ]);
  });

  it('never shows a long value whole', () => {
    const command = parseHostMessage({ type: 'race-lab:set', preset: 'p'.repeat(500) });
    if (command?.type !== 'set') throw new Error('expected a set command');
    expect(command.refused[0]!.length).toBeLessThan(120);
  });
});

describe('outgoing messages', () => {
  it('reports a run with exactly the public fields', () => {
    const result = {
      expected: 400,
      final: 391,
      lost: 9,
      strategy: 'racy' as const,
      engine: 'workers' as const,
      seed: 7,
      tallies: [],
      outcome: { scenario: 'counter' as const, final: 391, expected: 400, lost: 9 },
    };
    expect(resultMessage(result)).toEqual({
      type: 'race-lab:result',
      expected: 400,
      final: 391,
      lost: 9,
      strategy: 'racy',
      engine: 'workers',
      scenario: 'counter',
    });
  });

  it("reports a bank's payments and a claim's winners with the scenario", () => {
    const run = { expected: 0, final: 0, lost: 0, strategy: 'racy' as const };
    const bank = { scenario: 'bank' as const, final: -1, expected: -1, lost: 0 };
    expect(
      resultMessage({
        ...run,
        engine: 'simulated',
        outcome: { ...bank, paid: 3, overdrawn: true },
      }),
    ).toMatchObject({ scenario: 'bank', paid: 3, overdrawn: true });
    const claim = { scenario: 'claim' as const, final: 2, expected: 1, lost: 1 };
    const message = resultMessage({
      ...run,
      engine: 'workers',
      outcome: { ...claim, winners: 2, owner: 2 },
    });
    expect(message).toMatchObject({ scenario: 'claim', winners: 2, owner: 2 });
    expect(message).not.toHaveProperty('paid');
  });

  it('reads a scenario and a balance as the URL does', () => {
    expect(parseHostMessage({ type: 'race-lab:set', scenario: 'bank', balance: '2000' })).toEqual({
      type: 'set',
      settings: { scenario: 'bank', balance: 2000 },
      refused: [],
    });
    const bad = parseHostMessage({ type: 'race-lab:set', scenario: 'Bank', balance: 1_000_001 });
    expect(bad).toMatchObject({ settings: {} });
    expect(bad?.type === 'set' && bad.refused).toEqual([
      expect.stringMatching(/^Ignored scenario="Bank" from the host page: must be one of/),
      'Ignored balance=1000001 from the host page: must be at most 1,000,000.',
    ]);
  });

  it('says nothing of an imported trace', () => {
    const imported = { expected: 4, final: 4, lost: 0, strategy: 'atomic', engine: 'imported' };
    expect(resultMessage(imported as Parameters<typeof resultMessage>[0])).toBeNull();
  });

  it('rounds heights up to whole pixels', () => {
    expect(heightMessage(412.2)).toEqual({ type: 'race-lab:height', height: 413 });
  });
});
