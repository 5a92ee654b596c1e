import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS, PRESET_IDS, parseRunConfig, type RunConfig } from './config';
import { parsePageParams } from './pageParams';
import { STRATEGY_IDS } from './strategies';

const NAMES = [
  'preset',
  'workers',
  'increments',
  'strategy',
  'work',
  'trace',
  'mode',
  'view',
  'engine',
  'seed',
  'schedule',
  'embed',
  'theme',
  'debug',
  'unknown',
];

/** Values people and attackers actually type: numbers of every shape, ids, script, junk. */
const value = fc.oneof(
  fc.string(),
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom('NaN', 'Infinity', '-0', '1e309', '0x10', ' 4 ', '', '<script>alert(1)</script>'),
  fc.constantFrom(...PRESET_IDS, ...STRATEGY_IDS, 'on', 'off', 'auto', 'step', '1'),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.nat(20).map((n) => '9'.repeat(n * 10)),
);

const params = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...NAMES), fc.string()), value), { maxLength: 12 })
  .map((pairs) => new URLSearchParams(pairs));

const isValid = (c: RunConfig) =>
  PRESET_IDS.includes(c.preset) &&
  STRATEGY_IDS.includes(c.strategy) &&
  Number.isInteger(c.workers) &&
  c.workers >= LIMITS.workers.min &&
  c.workers <= LIMITS.workers.max &&
  Number.isInteger(c.increments) &&
  c.increments >= LIMITS.increments.min &&
  c.increments <= LIMITS.increments.max &&
  Number.isInteger(c.work) &&
  c.work >= LIMITS.work.min &&
  c.work <= LIMITS.work.max &&
  ['auto', 'on', 'wall', 'off'].includes(c.trace);

describe('URL parsing under random input', () => {
  it('never throws and always yields a valid configuration plus messages', () => {
    fc.assert(
      fc.property(params, (p) => {
        const { config, messages } = parseRunConfig(p);
        const page = parsePageParams(p);
        expect(isValid(config)).toBe(true);
        expect(messages.every((m) => typeof m === 'string' && m.startsWith('Ignored '))).toBe(true);
        expect(page.messages.every((m) => m.startsWith('Ignored '))).toBe(true);
        // Every message stays short: a hostile value is never echoed back whole.
        expect([...messages, ...page.messages].every((m) => m.length < 200)).toBe(true);
      }),
      { seed: 20261125, numRuns: 1000 },
    );
  });
});
