import { describe, expect, it, vi } from 'vitest';
import { presetConfig } from './config';
import { fileObject, messageFor } from './testing/traceFileHelpers';
import { racyTrace, simulatedTrace } from './testing/traceFixtures';
import { MAX_TRACE_FILE_BYTES, parseTraceFile, serializeTrace } from './traceFile';

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
      'version 3',
      (f) => (f.version = 3),
      'Unsupported trace version 3 (this page reads versions 1 and 2).',
    ],
    ['version missing', (f) => delete f.version, 'version: missing; expected 2'],
    [
      'cell missing',
      (f) => delete f.events[2]!.cell,
      "events[2].cell: missing; expected 0 (a write touches the scenario's shared cell)",
    ],
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
