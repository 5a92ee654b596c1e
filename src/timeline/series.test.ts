import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { accountTrace } from '../core/accounting';
import { presetConfig } from '../core/config';
import { erasedAt } from '../core/findingTable';
import { FLAG } from '../core/layout';
import { handTrace } from '../core/handTrace';
import { countedValue } from '../core/scenarioBooks';
import { randomChooser, simulate } from '../core/simulation';
import { kindColumns } from './kinds';
import { columnStarts, orderPositions } from './layout';
import { buildMinMaxPyramid } from './testing/minMaxPyramid';
import { counterLine, counterSeries, envelopePath, gapAreaPath, idealLine } from './series';

const lineOf = (values: Int32Array) => (i: number) => values[i]!;

describe('counterSeries', () => {
  it('ends at the final value and the ideal at the number of increments', () => {
    const trace = simulate({ ...presetConfig('blog'), increments: 50 }, randomChooser(9));
    const acc = accountTrace(trace);
    const { kind } = kindColumns(trace.events, null);
    const s = counterSeries(trace.events, kind, countedValue(trace));
    const counter = counterLine(s, trace.events, kind, countedValue(trace));
    const ideal = idealLine(s, kind);
    const n = trace.events.length;
    expect(counter(n - 1)).toBe(trace.final);
    expect(ideal(n - 1)).toBe(trace.expected);
    // The gap between the lines is exactly what has been lost so far.
    let lostSoFar = 0;
    for (let i = 0; i < n; i++) {
      lostSoFar += erasedAt(acc.findings, i);
      expect(ideal(i) - counter(i)).toBe(lostSoFar);
    }
    expect(s.max).toBe(trace.expected);
  });

  // Catches: the counter's min/max blocks, worked out in the series' own pass, drifting
  // from the pyramid built over the finished counter (a block's least value, the last block).
  it('has the same min/max pyramid as one built over its counter', () => {
    const config = { ...presetConfig('custom', 'racy'), workers: 4, increments: 300 };
    const trace = simulate(config, randomChooser(3));
    const { kind } = kindColumns(trace.events, null);
    const s = counterSeries(trace.events, kind, countedValue(trace));
    const counter = counterLine(s, trace.events, kind, countedValue(trace));
    const values = Int32Array.from(trace.events.value.keys(), counter);
    expect(trace.events.length % 32).not.toBe(0);
    expect(s.counterLevels).toEqual(buildMinMaxPyramid(values));
  });

  // Catches: the line read back from the wrong block's stored value, or a write read back
  // within its block not as the books count it (the bank's mirrored; as stored without books).
  it('gives the line a pass over the events gives, in every block, with books or without', () => {
    for (const scenario of ['counter', 'bank'] as const) {
      const config = { ...presetConfig('custom', 'racy'), workers: 3, increments: 200, scenario };
      const trace = simulate(config, randomChooser(4));
      const e = trace.events;
      const { kind } = kindColumns(e, null);
      for (const counted of [countedValue(trace), null]) {
        const line = counterLine(counterSeries(e, kind, counted), e, kind, counted);
        let now = 0;
        for (let i = 0; i < e.length; i++) {
          const sets = counted ? e.flags[i]! & FLAG.hasReplaced : kind[i]! >= 1 && kind[i]! <= 3;
          if (sets) now = counted ? counted(e.value[i]!) : e.value[i]!;
          expect(line(i)).toBe(now);
        }
      }
    }
  });

  it('reads the counter from the writes when there is no history', () => {
    const trace = handTrace(2, [
      [1, 'read', 0],
      [2, 'read', 0],
      [1, 'write', 1, 0],
      [2, 'write', 1, 1],
      [1, 'add', 2, 1],
    ]);
    const { kind } = kindColumns(trace.events, null);
    const s = counterSeries(trace.events, kind, null);
    expect([0, 1, 2, 3, 4].map(counterLine(s, trace.events, kind, null))).toEqual([0, 0, 1, 1, 2]);
    expect([0, 1, 2, 3, 4].map(idealLine(s, kind))).toEqual([0, 0, 1, 2, 3]);
  });
});

describe('envelopePath', () => {
  const points = (d: string) =>
    [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);

  it('keeps a dip that lies inside one pixel column', () => {
    // 30 events in 3 columns; the counter climbs, dips to 2 at event 15, climbs on.
    const values = Int32Array.from({ length: 30 }, (_, i) => (i === 15 ? 2 : i));
    const pos = orderPositions(30);
    const starts = columnStarts(pos, scaleLinear().domain(pos.domain).range([0, 3]), 3);
    const d = envelopePath(starts, lineOf(values), buildMinMaxPyramid(values), (v) => v);
    const ys = points(d).map(([, y]) => y);
    expect(ys).toContain(2);
    expect(Math.max(...ys)).toBe(29);
    expect(points(d).at(-1)).toEqual([3, 29]);
  });

  it('draws at most four points per column, however many events', () => {
    const values = Int32Array.from({ length: 100_000 }, (_, i) => i);
    const pos = orderPositions(values.length);
    const starts = columnStarts(pos, scaleLinear().domain(pos.domain).range([0, 200]), 200);
    const d = envelopePath(starts, lineOf(values), buildMinMaxPyramid(values), (v) => v / 1000);
    expect(points(d).length).toBeLessThanOrEqual(4 * 200 + 2);
  });

  it('draws steps when zoomed in: flat, then straight up at the event', () => {
    const values = Int32Array.of(0, 1);
    const pos = orderPositions(2);
    const starts = columnStarts(pos, scaleLinear().domain(pos.domain).range([0, 4]), 4);
    expect(envelopePath(starts, lineOf(values), null, (v) => v * 10)).toBe(
      'M0,0L1.5,0L3.5,0L3.5,10L4,10',
    );
  });
});

describe('gapAreaPath', () => {
  it('is empty when nothing was lost and encloses the gap otherwise', () => {
    const pos = orderPositions(4);
    const starts = columnStarts(pos, scaleLinear().domain(pos.domain).range([0, 4]), 4);
    const same = Int32Array.of(1, 2, 3, 4);
    expect(gapAreaPath(starts, lineOf(same), lineOf(same), (v) => v)).toBe('');
    const d = gapAreaPath(starts, lineOf(same), lineOf(Int32Array.of(1, 1, 2, 3)), (v) => v);
    expect(d.startsWith('M0,0')).toBe(true);
    expect(d.endsWith('Z')).toBe(true);
    // After the last column the top is the ideal 4 and the bottom the counter 3.
    expect(d).toContain('4,4L4,3');
  });
});
