import { expect } from 'vitest';
import type { Trace } from '../trace';
import { parseTraceFile, serializeTrace, type ImportResult } from '../traceFile';
import { firstDifference, racyTrace } from './traceFixtures';

/** The date every test file is stamped with, so files compare equal. */
export const createdAt = new Date('2024-05-01T12:00:00Z');

/** The parsed trace, failing the test with the message when there is none. */
export function imported(result: ImportResult): Trace {
  if (!result.ok) throw new Error(`expected a trace, got: ${result.message}`);
  return result.trace;
}

/** Everything but the columns must come back equal; the columns, value for value. */
export function expectSameTrace(actual: Trace, wanted: Trace): void {
  expect(firstDifference(actual.events, wanted.events)).toBe(-1);
  expect({ ...actual, events: null }).toEqual({ ...wanted, events: null });
}

/** A valid file as a plain object, for tests that break one thing in it. */
export const fileObject = (trace = racyTrace()) =>
  JSON.parse(serializeTrace(trace, { createdAt })) as Record<string, unknown> & {
    config: Record<string, unknown>;
    threads: Record<string, unknown>[];
    events: Record<string, unknown>[];
  };

/** The message parseTraceFile gives for `file`, or 'accepted'. */
export const messageFor = (file: unknown): string => {
  const result = parseTraceFile(JSON.stringify(file));
  return result.ok ? 'accepted' : result.message;
};
