import { describe, expect, it } from 'vitest';
import { parseRunConfig, runConfigToParams } from './config';

const parse = (query: string) => parseRunConfig(new URLSearchParams(query));

describe('scenario URL parameters', () => {
  it('leaves the counter as it was: no scenario field, no new parameter', () => {
    const { config } = parse('');
    expect(config).not.toHaveProperty('scenario');
    expect(config).not.toHaveProperty('balance');
    expect(runConfigToParams(config).toString()).toBe('');
  });

  it('preset=bank is 4 × 1,000 withdrawals from 2,000, and round-trips', () => {
    const { config, messages } = parse('scenario=bank&preset=bank&strategy=cas');
    expect(messages).toEqual([]);
    expect(config).toMatchObject({ scenario: 'bank', workers: 4, increments: 1000, balance: 2000 });
    expect(runConfigToParams(config).toString()).toBe('preset=bank&strategy=cas');
    expect(parse(runConfigToParams(config).toString()).config).toEqual(config);
  });

  it('balance= is validated and only the bank has one', () => {
    expect(parse('scenario=bank&workers=2&increments=2&balance=3').config.balance).toBe(3);
    const tooBig = parse('scenario=bank&balance=1000001');
    expect(tooBig.messages[0]).toContain('Ignored balance');
    expect(tooBig.config.balance).toBeUndefined();
    expect(parse('balance=3').messages).toEqual([
      'Ignored balance: only the bank scenario has a balance.',
    ]);
  });

  it('claim says that increments does not apply', () => {
    const { config, messages } = parse('scenario=claim&workers=2&increments=5');
    expect(config.scenario).toBe('claim');
    expect(messages).toEqual([
      'Ignored increments: in the claim scenario each worker claims once.',
    ]);
  });

  it('rejects an unknown scenario with a message and runs the counter', () => {
    const { config, messages } = parse('scenario=lottery');
    expect(config.scenario).toBeUndefined();
    expect(messages[0]).toContain('Ignored scenario');
  });

  it('scenario=counter on the bank preset survives the round trip', () => {
    const { config } = parse('preset=bank&scenario=counter');
    expect(config.scenario).toBeUndefined();
    expect(parse(runConfigToParams(config).toString()).config).toEqual(config);
  });
});
