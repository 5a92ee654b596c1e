import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { presetConfig } from './config';
import { expectSameTrace, fileObject, imported, messageFor } from './testing/traceFileHelpers';
import { racyTrace, simulatedTrace } from './testing/traceFixtures';
import { parseTraceFile, serializeTrace, type ImportResult } from './traceFile';

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
