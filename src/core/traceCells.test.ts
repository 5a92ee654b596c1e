import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { presetConfig } from './config';
import { cellOfOp } from './ops';
import { accountRun } from './scenarioBooks';
import { replayChooser, simulate } from './simulation';
import { fileObject, messageFor } from './testing/traceFileHelpers';
import type { Trace } from './trace';
import { decodeTraceBinary, encodeTraceBinary } from './traceBinary';
import { parseTraceFile, serializeTrace } from './traceFile';

const fixture = (name: string) =>
  readFileSync(new URL(`./testing/fixtures/${name}`, import.meta.url));

// Two lock-each claimers both read 0 under the lock, then both write: two winners.
const claim = simulate(
  { ...presetConfig('custom', 'lock-each'), workers: 2, increments: 1, scenario: 'claim' },
  replayChooser([1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]),
);

const columns = (t: Trace) => {
  const { tick, thread, op, value, replaced, flags } = t.events;
  // `replaced` means something only where the flags say so (an unlock's is never written).
  return {
    // Whole ticks read back from a compact file as 32-bit integers: compared as numbers.
    tick: tick && Array.from(tick),
    thread,
    op,
    value,
    flags,
    replaced: replaced.map((r, i) => (flags[i]! & 1 ? r : 0)),
  };
};

const opened = (result: ReturnType<typeof parseTraceFile>): Trace => {
  if (!result.ok) throw new Error(result.message);
  return result.trace;
};

describe('cells in trace files (version 2)', () => {
  it('every event of a JSON file names its cell: 1 for the lock, 0 for the owner', () => {
    const file = fileObject(claim);
    expect(file.version).toBe(2);
    expect(file.events.map((e) => `${e.op}@${e.cell}`).slice(0, 5)).toEqual([
      'lock@1',
      'read@0',
      'unlock@1',
      'lock@1',
      'read@0',
    ]);
  });

  it('every event of a compact file names its cell, in a column after the flags', () => {
    const bytes = encodeTraceBinary(claim);
    const n = claim.events.length;
    const cellsAt = bytes.length - 12 * n - 4 * n + 3 * n;
    const cells = Array.from(bytes.subarray(cellsAt, cellsAt + n));
    expect(cells).toEqual(Array.from(claim.events.op, cellOfOp));
    expect(cells).toContain(1);
  });

  it('refuses a cell that is not the one its op touches', () => {
    const file = fileObject(claim);
    file.events[0]!.cell = 0;
    expect(messageFor(file)).toBe('events[0].cell: expected 1: a lock touches the lock');
    const bytes = encodeTraceBinary(claim);
    const n = claim.events.length;
    bytes[bytes.length - 12 * n - 4 * n + 3 * n + 1] = 1;
    expect(decodeTraceBinary(bytes)).toEqual({
      ok: false,
      message: 'events[1]: a read touches cell 0, not 1',
    });
  });

  it('round-trips a claim in both forms', () => {
    expect(columns(opened(parseTraceFile(serializeTrace(claim))))).toEqual(columns(claim));
    expect(columns(opened(decodeTraceBinary(encodeTraceBinary(claim))))).toEqual(columns(claim));
  });
});

describe('version 1 files, written before cells, still open', () => {
  it.each([
    ['JSON', () => parseTraceFile(fixture('claim-lock-each.v1.json').toString('utf8'))],
    ['compact', () => decodeTraceBinary(gunzipSync(fixture('claim-lock-each.v1.trace.gz')))],
  ])('%s', (_, open) => {
    const trace = opened(open());
    expect(columns(trace)).toEqual(columns(claim));
    expect(trace.config).toMatchObject({ scenario: 'claim', strategy: 'lock-each' });
    expect(accountRun(trace)).toMatchObject({ won: 2, lost: 1, balanced: true });
  });

  it('the JSON fixture has no cells and says version 1', () => {
    const file = JSON.parse(fixture('claim-lock-each.v1.json').toString('utf8')) as {
      version: number;
      events: { op: string; cell?: number }[];
    };
    expect(file.version).toBe(1);
    expect(file.events.some((e) => 'cell' in e)).toBe(false);
    expect(new Set(file.events.map((e) => e.op))).toEqual(
      new Set(['lock', 'read', 'unlock', 'write']),
    );
  });
});
