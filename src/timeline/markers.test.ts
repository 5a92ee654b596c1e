import { scaleLinear, zoomIdentity } from 'd3';
import { describe, expect, it } from 'vitest';
import { accountTrace } from '../core/accounting';
import { findingList, findingOf } from '../core/findingTable';
import { presetConfig } from '../core/config';
import { FLAG } from '../core/layout';
import { randomChooser, simulate } from '../core/simulation';
import { erasedByWrite } from '../core/staleness';
import { columnStarts, orderPositions } from './layout';
import { indexLosses, markersInView, type MarkerGroup } from './markers';

const trace = simulate(
  { ...presetConfig('custom'), workers: 3, increments: 3000 },
  randomChooser(1),
);
const acc = accountTrace(trace);
const findings = findingList(acc.findings, acc.history.index, trace.events);
const losses = indexLosses(acc.findings, trace.threads.length);
const pos = orderPositions(trace.events.length);
const startsAt = (width: number, k = 1, tx = 0) =>
  columnStarts(
    pos,
    zoomIdentity
      .translate(tx, 0)
      .scale(k)
      .rescaleX(scaleLinear().domain(pos.domain).range([0, width])),
    width,
  );
const sum = (groups: MarkerGroup[], key: 'erased' | 'count') =>
  groups.reduce((s, g) => s + g[key], 0);

describe('indexLosses', () => {
  it('lists each lane’s clobbering writes in order with their erasures', () => {
    expect(findings.length).toBeGreaterThan(100);
    const all = losses.flatMap((l, lane) => [...l.index].map((i) => ({ i, lane })));
    expect(all.map((w) => w.i).sort((a, b) => a - b)).toEqual(findings.map((f) => f.index));
    for (const { i, lane } of all) expect(trace.events.thread[i]).toBe(lane);
    expect(losses.reduce((s, l) => s + l.erasedBefore.at(-1)!, 0)).toBe(acc.lost);
    // The findings are exactly the writes that erased some: replaced + 1 − value ≠ 0.
    const e = trace.events;
    const marked = [...e.flags].flatMap((flags, i) =>
      flags & FLAG.hasReplaced && erasedByWrite(e, i) !== 0 ? [i] : [],
    );
    expect(all.map((w) => w.i).sort((a, b) => a - b)).toEqual(marked);
  });

  it('finds the finding of a write by its event index', () => {
    const f = findings[17]!;
    expect(findingOf(acc.findings, f.index)).toBe(17);
    expect(findingOf(acc.findings, f.index + 1)).toBe(-1);
    expect(findingOf({ ...acc.findings, length: 0 }, 3)).toBe(-1);
  });
});

describe('markersInView', () => {
  it('gives every clobbering write its own marker when they fit', () => {
    const groups = markersInView(losses, startsAt(1000), { single: 100_000, merged: 10 });
    expect(groups).toHaveLength(findings.length);
    expect(groups.every((g) => g.count === 1 && g.first === g.last)).toBe(true);
    expect(sum(groups, 'erased')).toBe(acc.lost);
  });

  it('merges neighbours past the limit, losing none of them', () => {
    const groups = markersInView(losses, startsAt(1000), { single: 50, merged: 50 });
    expect(groups.length).toBeLessThanOrEqual(50);
    expect(groups.length).toBeGreaterThan(3);
    expect(sum(groups, 'count')).toBe(findings.length);
    expect(sum(groups, 'erased')).toBe(acc.lost);
    for (const g of groups) expect(trace.events.thread[g.first]).toBe(g.lane);
  });

  it('counts only the writes in view when zoomed', () => {
    const starts = startsAt(800, 20, -8000);
    const [from, to] = [starts[0]!, starts[800]!];
    const inView = findings.filter((f) => f.index >= from && f.index < to);
    const groups = markersInView(losses, starts, { single: 10, merged: 10 });
    expect(sum(groups, 'count')).toBe(inView.length);
    expect(sum(groups, 'erased')).toBe(inView.reduce((s, f) => s + f.erased, 0));
    for (const g of groups) {
      expect(g.first).toBeGreaterThanOrEqual(from);
      expect(g.last).toBeLessThan(to);
    }
  });
});

describe('markersInView while panning', () => {
  it('keeps the same groups when the view moves by whole pixels', () => {
    const limits = { single: 20, merged: 20 };
    const key = (g: MarkerGroup) => `${g.lane}:${g.first}:${g.last}`;
    // 8× zoom; the second view is the first panned 37 px to the left.
    const a = markersInView(losses, startsAt(600, 8, -2000), limits, 2000);
    const b = markersInView(losses, startsAt(600, 8, -2037), limits, 2037);
    expect(a.some((g) => g.count > 1)).toBe(true);
    // Groups away from both edges are the same groups.
    const inner = (gs: MarkerGroup[], lo: number, hi: number) =>
      gs.filter((g) => g.first > lo && g.last < hi).map(key);
    const [lo, hi] = [startsAt(600, 8, -2037)[60]!, startsAt(600, 8, -2000)[540]!];
    expect(inner(a, lo, hi)).toEqual(inner(b, lo, hi));
    expect(inner(a, lo, hi).length).toBeGreaterThan(2);
  });

  it('merges only when the singles do not fit', () => {
    const few = markersInView(losses, startsAt(1000, 50, -20000), { single: 1000, merged: 5 });
    expect(few.every((g) => g.count === 1)).toBe(true);
  });
});
