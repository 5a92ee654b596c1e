import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountTrace } from './accounting';
import { presetConfig, PRESETS, type RunConfig } from './config';
import { erasedAt } from './findingTable';
import { STRATEGY_IDS } from './strategies';
import { racyTrace, simulatedTrace, withWall } from './testing/traceFixtures';
import type { Trace } from './trace';
import { MAX_TRACE_FILE_BYTES, parseTraceFile, serializeTrace, traceToFile } from './traceFile';
import { createdAt, expectSameTrace, fileObject, imported } from './testing/traceFileHelpers';

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
    expect(text.startsWith('{"format":"race-lab-trace",\n"version":2,\n"generator"')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({
      format: 'race-lab-trace',
      version: 2,
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
    expect([acc.lost, acc.balanced, erasedAt(acc.findings, 3)]).toEqual([1, true, 1]);
    expect(JSON.parse(example)).toEqual(
      traceToFile(racyTrace(), { createdAt: new Date('2025-01-15T09:30:00Z') }),
    );
  });
});
