import { traceRegions } from './layout';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  expectedTotal,
  parseRunConfig,
  runConfigToParams,
  traceEnabled,
  traceWindowed,
  LIMITS,
  wallTimeEnabled,
  type RunConfig,
} from './config';
import { SCENARIO_IDS } from './scenarioTypes';
import { attemptsOf, strategyOf } from './scenarios';
import { STRATEGY_IDS } from './strategies';
import { buildThreads, leafIds, threadLabel } from './threads';

const parse = (query: string) => parseRunConfig(new URLSearchParams(query));

describe('parseRunConfig', () => {
  it('defaults to the blog preset: 4 × 100, racy, 1,000 loads of work, 400 expected', () => {
    const { config, messages } = parse('');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(config).toMatchObject({
      preset: 'blog',
      workers: 4,
      increments: 100,
      strategy: 'racy',
      work: 1000,
    });
    expect(expectedTotal(config)).toBe(400);
    expect(messages).toEqual([]);
  });

  it('reads every parameter', () => {
    const { config, messages } = parse('workers=3&increments=5000&strategy=cas&work=7&trace=off');
    expect(config).toEqual({
      preset: 'custom',
      workers: 3,
      increments: 5000,
      strategy: 'cas',
      work: 7,
      trace: 'off',
    });
    expect(messages).toEqual([]);
  });

  it('takes preset numbers from the preset, and workers or increments imply custom', () => {
    expect(parse('preset=quad').config).toMatchObject({
      preset: 'quad',
      workers: 4,
      increments: 1_000_000,
    });
    expect(parse('preset=pair&workers=3').config).toMatchObject({ preset: 'custom', workers: 3 });
    expect(parse('increments=10').config).toMatchObject({ preset: 'custom', increments: 10 });
  });

  it.each([
    ['workers=abc', 'workers', 'must be a number'],
    ['workers=0', 'workers', 'at least 1'],
    ['workers=17', 'workers', 'at most 16'],
    ['workers=2.5', 'workers', 'whole number'],
    ['increments=-5', 'increments', 'at least 1'],
    ['increments=10000001', 'increments', 'at most 10,000,000'],
    ['increments=NaN', 'increments', 'must be a number'],
    ['strategy=nope', 'strategy', 'racy, atomic, lock, lock-each, cas'],
    ['preset=<script>', 'preset', 'blog, pair, quad, bank, claim, custom'],
    ['work=1e9', 'work', 'at most 100,000'],
    ['trace=maybe', 'trace', 'auto, on, wall or off'],
    [`workers=${'9'.repeat(500)}`, 'workers', 'too long'],
  ])('rejects %s with a message naming %s and falls back', (query, name, reason) => {
    const { config, messages } = parse(query);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(`Ignored ${name}`);
    expect(messages[0]).toContain(reason);
    const fallback = parse('').config;
    expect(config[name as keyof RunConfig]).toBe(
      name === 'workers' || name === 'increments'
        ? parse('preset=custom').config[name as keyof RunConfig]
        : fallback[name as keyof RunConfig],
    );
  });

  it('round-trips through the URL form, leaving defaults out', () => {
    expect(runConfigToParams(DEFAULT_CONFIG).toString()).toBe('');
    const configs: RunConfig[] = [
      {
        preset: 'custom',
        workers: 7,
        increments: 123,
        strategy: 'lock-each',
        work: 5,
        trace: 'on',
      },
      {
        preset: 'quad',
        workers: 4,
        increments: 1_000_000,
        strategy: 'atomic',
        work: 0,
        trace: 'auto',
      },
      { ...DEFAULT_CONFIG, work: 0 },
    ];
    for (const config of configs) {
      expect(parse(runConfigToParams(config).toString()).config).toEqual(config);
    }
  });

  it('keeps parameters it does not own', () => {
    const params = runConfigToParams(DEFAULT_CONFIG, new URLSearchParams('debug=1&strategy=cas'));
    expect(params.toString()).toBe('debug=1');
  });
});

describe('traceEnabled', () => {
  it('records every access by default up to 10,000,000, and a window beyond', () => {
    expect(traceEnabled(DEFAULT_CONFIG)).toBe(true);
    const quad = parse('preset=quad').config; // 8,000,000 accesses
    expect(traceEnabled(quad) && !traceWindowed(quad)).toBe(true);
    const atLimit = parse('workers=5&increments=1000000').config; // 10,000,000
    expect(traceWindowed(atLimit)).toBe(false);
    const over = parse('workers=4&increments=1250001').config;
    expect(traceEnabled(over) && traceWindowed(over)).toBe(true);
    const window = traceRegions(over, buildThreads(over));
    expect(window.total).toBeLessThanOrEqual(LIMITS.traceWindowEvents);
    expect(traceEnabled(parse('workers=4&increments=10&trace=off').config)).toBe(false);
    const on = parse('workers=4&increments=10000000&trace=on').config;
    expect(traceEnabled(on) && !traceWindowed(on)).toBe(true);
  });

  it("gives each worker room for every access its scenario's strategy makes uncontended", () => {
    // The bank's atomic debit is a read and an add: sized as the counter's one add, it truncated.
    for (const scenario of SCENARIO_IDS) {
      for (const strategy of STRATEGY_IDS) {
        const c = parse(`preset=bank&scenario=${scenario}&strategy=${strategy}`).config;
        const threads = buildThreads(c);
        const leaf = threads.findIndex((t) => t.role === 'leaf');
        const needed = attemptsOf(c) * strategyOf(c).ops.length;
        expect(traceRegions(c, threads).capacity[leaf], `${scenario} ${strategy}`).toBeGreaterThan(
          needed,
        );
      }
    }
  });

  it('records wall time only when asked for with trace=wall, which records whatever the size', () => {
    const wall = parse('workers=4&increments=10000000&trace=wall');
    expect(wall.messages).toEqual([]);
    expect(traceEnabled(wall.config)).toBe(true);
    expect(wallTimeEnabled(wall.config)).toBe(true);
    expect(runConfigToParams(wall.config).get('trace')).toBe('wall');
    for (const trace of ['auto', 'on', 'off']) {
      expect(wallTimeEnabled(parse(`trace=${trace}`).config)).toBe(false);
    }
  });
});

describe('threads', () => {
  it("builds the post's tree for the blog preset", () => {
    const threads = buildThreads(DEFAULT_CONFIG);
    expect(threads.map((t) => [t.name, t.parent])).toEqual([
      ['main', null],
      ['func3', 0],
      ['func1', 1],
      ['func2', 1],
      ['func4', 0],
      ['func1', 4],
      ['func2', 4],
    ]);
    expect(leafIds(threads)).toEqual([2, 3, 5, 6]);
    expect(threadLabel(threads, 5)).toBe('func4›func1');
    expect(threadLabel(threads, 1)).toBe('func3');
  });

  it('hangs flat workers under main', () => {
    const threads = buildThreads({ preset: 'custom', workers: 3 });
    expect(leafIds(threads)).toEqual([1, 2, 3]);
    expect(threadLabel(threads, 2)).toBe('worker 2');
  });
});
