import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { accountTrace } from './accounting';
import { presetConfig, PRESETS, type RunConfig } from './config';
import { STRATEGY_IDS } from './strategies';
import { firstDifference, racyTrace, simulatedTrace, withWall } from './testing/traceFixtures';
import type { Trace } from './trace';
import {
  MAX_TRACE_FILE_BYTES,
  parseTraceFile,
  serializeTrace,
  traceToFile,
  type ImportResult,
} from './traceFile';

const createdAt = new Date('2024-05-01T12:00:00Z');

/** The parsed trace, failing the test with the message when there is none. */
function imported(result: ImportResult): Trace {
  if (!result.ok) throw new Error(`expected a trace, got: ${result.message}`);
  return result.trace;
}

/** Everything but the columns must come back equal; the columns, value for value. */
function expectSameTrace(actual: Trace, wanted: Trace): void {
  expect(firstDifference(actual.events, wanted.events)).toBe(-1);
  expect({ ...actual, events: null }).toEqual({ ...wanted, events: null });
}

/** A valid file as a plain object, for tests that break one thing in it. */
const fileObject = (trace = racyTrace()) =>
  JSON.parse(serializeTrace(trace, { createdAt })) as Record<string, unknown> & {
    config: Record<string, unknown>;
    threads: Record<string, unknown>[];
    events: Record<string, unknown>[];
  };

const messageFor = (file: unknown): string => {
  const result = parseTraceFile(JSON.stringify(file));
  return result.ok ? 'accepted' : result.message;
};

describe('serializeTrace and parseTraceFile', () => {
  it('round-trips a hand-written racy trace exactly', () => {
    const trace = racyTrace();
    expectSameTrace(imported(parseTraceFile(serializeTrace(trace))), trace);
  });

  it('writes the same JSON as traceToFile, one event per line, with a summary', () => {
    const trace = racyTrace();
    const text = serializeTrace(trace, { createdAt });
    expect(JSON.parse(text)).toEqual(traceToFile(trace, { createdAt }));
    expect(text.split('\n').filter((line) => line.startsWith('{"tick"'))).toHaveLength(9);
    expect(text.startsWith('{"format":"race-lab-trace",\n"version":1,\n"generator"')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({
      format: 'race-lab-trace',
      version: 1,
      generator: 'Race Lab',
      createdAt: '2024-05-01T12:00:00.000Z',
      summary: { events: 9, lost: 1, balanced: true },
    });
  });

  it('round-trips wall time, cas results, locks, the tree of threads and the schedule', () => {
    for (const strategy of ['cas', 'lock-each'] as const) {
      const sim = simulatedTrace({ ...presetConfig('blog', strategy), increments: 3 }, 11);
      const trace: Trace = { ...sim, events: withWall(sim.events), truncated: true };
      expect(trace.schedule?.length).toBeGreaterThan(0);
      const back = imported(parseTraceFile(serializeTrace(trace)));
      expectSameTrace(back, trace);
      expect(back.threads.map((t) => t.role)).toContain('supervisor');
    }
  });

  it('round-trips simulated runs of every strategy (seeded property)', () => {
    const configs = fc.record({
      preset: fc.constantFrom('blog', 'pair', 'quad', 'custom' as const),
      strategy: fc.constantFrom(...STRATEGY_IDS),
      workers: fc.integer({ min: 1, max: 5 }),
      increments: fc.integer({ min: 1, max: 12 }),
    });
    fc.assert(
      fc.property(configs, fc.nat(), fc.boolean(), (c, seed, wall) => {
        // Presets other than custom fix the number of workers, as the URL rules do.
        const workers = c.preset === 'custom' ? c.workers : PRESETS[c.preset].workers;
        const config: RunConfig = { ...presetConfig(c.preset, c.strategy), ...c, workers };
        const sim = simulatedTrace(config, seed);
        const trace = wall ? { ...sim, events: withWall(sim.events) } : sim;
        expectSameTrace(imported(parseTraceFile(serializeTrace(trace))), trace);
      }),
      { seed: 7, numRuns: 150 },
    );
  });

  it('orders events by tick when a file lists them out of order', () => {
    const file = fileObject();
    file.events.reverse();
    expectSameTrace(imported(parseTraceFile(JSON.stringify(file))), racyTrace());
  });

  it('derives roles when a file leaves them out', () => {
    const file = fileObject(simulatedTrace({ ...presetConfig('blog'), increments: 1 }, 1));
    for (const t of file.threads) delete t.role;
    const roles = imported(parseTraceFile(JSON.stringify(file))).threads.map((t) => t.role);
    expect(roles).toEqual(['main', 'supervisor', 'leaf', 'leaf', 'supervisor', 'leaf', 'leaf']);
  });

  it('serializes and parses back a 1,000,000-event trace, the most offered as JSON', () => {
    const config: RunConfig = { ...presetConfig('custom'), workers: 2, increments: 250_000 };
    const trace = simulatedTrace(config, 5);
    expect(trace.events.length).toBeGreaterThanOrEqual(1_000_000);
    const text = serializeTrace(trace, { accounting: accountTrace(trace) });
    // Within the file cap: the page must be able to open what it offers to download.
    expect(text.length).toBeLessThan(MAX_TRACE_FILE_BYTES);
    expectSameTrace(imported(parseTraceFile(text)), trace);
  }, 240_000);
});

describe('docs/trace-format.md', () => {
  it('has a complete example that imports as the racy trace, with the books balanced', () => {
    const doc = readFileSync(new URL('../../docs/trace-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    const trace = imported(parseTraceFile(example));
    expectSameTrace(trace, racyTrace());
    const acc = accountTrace(trace);
    expect([acc.lost, acc.balanced, acc.erasedByEvent[3]]).toEqual([1, true, 1]);
    expect(JSON.parse(example)).toEqual(
      traceToFile(racyTrace(), { createdAt: new Date('2025-01-15T09:30:00Z') }),
    );
  });
});

describe('parseTraceFile refuses malformed files with a specific message', () => {
  it.each([
    ['not JSON', 'hello, world', 'The file is not valid JSON, so it is not a Race Lab trace.'],
    ['empty', '  \n', 'The file is empty.'],
    [
      'truncated JSON',
      serializeTrace(racyTrace()).slice(0, 700),
      'The file is not valid JSON (it may be truncated).',
    ],
    ['an array', '[1, 2]', 'Not a Race Lab trace (format must be "race-lab-trace").'],
  ])('%s', (_name, text, message) => {
    expect(parseTraceFile(text)).toEqual({ ok: false, message });
  });

  const broken: [string, (file: ReturnType<typeof fileObject>) => void, string][] = [
    [
      'wrong format',
      (f) => (f.format = 'chrome-trace'),
      'Not a Race Lab trace (format must be "race-lab-trace").',
    ],
    [
      'version 2',
      (f) => (f.version = 2),
      'Unsupported trace version 2 (this page reads version 1).',
    ],
    ['version missing', (f) => delete f.version, 'version: missing; expected 1'],
    [
      'missing field',
      (f) => delete f.final,
      'final: missing; expected a whole number within 32-bit range',
    ],
    ['truncated not boolean', (f) => (f.truncated = 'no'), 'truncated: expected true or false'],
    [
      'bad op',
      (f) => (f.events[3]!.op = 'xchg'),
      'events[3].op: expected one of read, write, add, cas, lock, unlock',
    ],
    [
      'unknown thread id',
      (f) => (f.events[2]!.thread = 9),
      'events[2].thread: no thread has id 9 (the file lists 0 to 2)',
    ],
    [
      'expected mismatch',
      (f) => (f.expected = 5),
      'expected: must equal config.workers × config.increments (2 × 2 = 4), not 5',
    ],
    [
      'negative workers in config',
      (f) => (f.config.workers = -3),
      'config.workers: must be at least 1',
    ],
    ['workers as text', (f) => (f.config.workers = '2'), 'config.workers: expected a number'],
    [
      'unknown strategy',
      (f) => (f.config.strategy = 'magic'),
      'config.strategy: must be one of racy, atomic, lock, lock-each, cas',
    ],
    [
      'negative tick',
      (f) => (f.events[0]!.tick = -1),
      'events[0].tick: expected a non-negative number',
    ],
    [
      'missing value',
      (f) => delete f.events[4]!.value,
      'events[4].value: missing; expected a whole number within 32-bit range',
    ],
    [
      'value beyond int32',
      (f) => (f.events[4]!.value = 2 ** 31),
      'events[4].value: expected a whole number within 32-bit range',
    ],
    [
      'write without replaced',
      (f) => delete f.events[2]!.replaced,
      'events[2].replaced: missing; a write says what it replaced',
    ],
    [
      'read with replaced',
      (f) => (f.events[0]!.replaced = 4),
      'events[0].replaced: a read replaces nothing',
    ],
    [
      'negative wall',
      (f) => (f.events[1]!.wall = -2),
      'events[1].wall: expected a non-negative number of milliseconds',
    ],
    ['event not an object', (f) => (f.events[5] = [5] as never), 'events[5]: expected an object'],
    ['events not a list', (f) => (f.events = {} as never), 'events: expected an array of events'],
    [
      'thread ids out of order',
      (f) => (f.threads[1]!.id = 2),
      'threads[1].id: expected 1 (ids count up from 0 in list order)',
    ],
    [
      'parent that does not exist',
      (f) => (f.threads[2]!.parent = 7),
      'threads[2].parent: no thread has id 7',
    ],
    [
      'main with a parent',
      (f) => (f.threads[0]!.parent = 1),
      'threads[0].parent: the first thread is main, with parent null',
    ],
    [
      'leaf count',
      (f) => (f.threads[2]!.role = 'supervisor'),
      'threads: 1 leaf threads listed, but config.workers is 2',
    ],
    [
      'schedule naming main',
      (f) => (f.schedule = [1, 0]),
      'schedule[1]: expected the id of a leaf thread',
    ],
  ];
  it.each(broken)('%s', (_name, breakIt, message) => {
    const file = fileObject();
    breakIt(file);
    expect(messageFor(file)).toBe(message);
  });

  it('finds a loop among parents', () => {
    const file = fileObject(simulatedTrace({ ...presetConfig('blog'), increments: 1 }, 1));
    file.threads[1]!.parent = 2;
    expect(messageFor(file)).toBe(
      'threads[1].parent: the parents form a loop, not a tree under main',
    );
  });

  it('refuses oversized text before JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    // String.prototype.repeat builds a rope, so this costs almost no memory until flattened.
    const text = '{'.padEnd(64, ' ').repeat(Math.ceil(MAX_TRACE_FILE_BYTES / 64) + 1);
    expect(text.length).toBeGreaterThan(MAX_TRACE_FILE_BYTES);
    const result = parseTraceFile(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(
      /^The file is too large \(80\.0 MB\): .* up to 80 MB\.$/,
    );
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });
});

/** JSON text for any value, including those JSON.stringify refuses (bigint, cycles). */
function anyText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A result is either a plain refusal or a trace that survives another export. */
function expectWellFormed(result: ImportResult): void {
  if (!result.ok) {
    expect(typeof result.message).toBe('string');
    expect(result.message.length).toBeGreaterThan(0);
    expect(result.message.length).toBeLessThan(300);
    return;
  }
  accountTrace(result.trace);
  expectSameTrace(imported(parseTraceFile(serializeTrace(result.trace))), result.trace);
}

describe('parseTraceFile on hostile input', () => {
  const params = { seed: 7, numRuns: 500 };

  it('never throws on arbitrary values, JSON or strings', () => {
    const inputs = fc.oneof(fc.anything().map(anyText), fc.json(), fc.string());
    fc.assert(
      fc.property(inputs, (text) => expectWellFormed(parseTraceFile(text))),
      params,
    );
  });

  it('never throws on valid files with one field replaced, removed or cut short', () => {
    const file = fileObject(simulatedTrace({ ...presetConfig('blog', 'lock'), increments: 2 }, 3));
    const paths = allPaths(file);
    const edit = fc.record({
      path: fc.constantFrom(...paths),
      value: fc.oneof(fc.jsonValue(), fc.constant(undefined), fc.anything()),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    fc.assert(
      fc.property(edit, ({ path, value, cut }) => {
        const copy = structuredClone(file);
        setPath(copy, path, value);
        let text = anyText(copy);
        if (cut !== undefined) text = text.slice(0, cut % (text.length + 1));
        expectWellFormed(parseTraceFile(text));
      }),
      params,
    );
  });

  it('keeps __proto__ keys as plain data and never pollutes prototypes', () => {
    const text = serializeTrace(racyTrace()).replace(
      '"format"',
      '"__proto__":{"polluted":true,"format":"x"},"constructor":{"prototype":{"polluted":true}},"format"',
    );
    expectSameTrace(imported(parseTraceFile(text)), racyTrace());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('handles deep nesting and enormous strings without hanging', () => {
    const deep = `{"format":"race-lab-trace","version":1,"config":${'['.repeat(200_000)}${']'.repeat(200_000)}}`;
    expect(parseTraceFile(deep)).toEqual({ ok: false, message: 'config: expected an object' });
    const file = fileObject();
    file.threads[1]!.name = 'x'.repeat(5_000_000);
    expect(messageFor(file)).toBe('threads[1].name: expected at most 200 characters');
    file.threads[1]!.name = 'worker 1';
    file.events[0]!.op = 'y'.repeat(5_000_000);
    expect(messageFor(file)).toBe(
      'events[0].op: expected one of read, write, add, cas, lock, unlock',
    );
  });
});

/** Every path to a value in a small JSON tree: ['events', 3, 'op'], … */
function allPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (typeof value !== 'object' || value === null) return here;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  return [...here, ...entries.flatMap(([k, v]) => allPaths(v, [...prefix, k]))];
}

/** Put `value` at `path`, deleting the key when it is undefined. */
function setPath(root: unknown, path: (string | number)[], value: unknown): void {
  let node = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
}
