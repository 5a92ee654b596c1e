import { scaleLinear, zoomIdentity } from 'd3';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../core/config';
import { buildThreads } from '../core/threads';
import {
  labelIndent,
  columnStarts,
  hasWallTime,
  maxZoom,
  orderPositions,
  timelineGeometry,
  visibleRange,
  wallPositions,
  type XPositions,
} from './layout';

/** The scale the timeline uses: the whole domain across the plot, then zoomed. */
const scaleFor = (pos: XPositions, width: number, k = 1, tx = 0) =>
  zoomIdentity
    .translate(tx, 0)
    .scale(k)
    .rescaleX(scaleLinear().domain(pos.domain).range([0, width]));

function expectColumnsPartition(pos: XPositions, width: number, k: number, tx: number) {
  const x = scaleFor(pos, width, k, tx);
  const starts = columnStarts(pos, x, width);
  const [from, to] = visibleRange(pos, x, width);
  expect(starts[0]).toBe(from);
  expect(starts[width]).toBe(to);
  // Exactly where d3's own inverse puts each column's left edge.
  expect(Array.from(starts)).toEqual(
    Array.from({ length: width + 1 }, (_, c) => pos.lowerBound(x.invert(c))),
  );
  for (let c = 0; c < width; c++) {
    expect(starts[c + 1]).toBeGreaterThanOrEqual(starts[c]!);
    for (let i = starts[c]!; i < starts[c + 1]!; i++) {
      const px = x(pos.at(i));
      expect(px).toBeGreaterThanOrEqual(c - 1e-9);
      expect(px).toBeLessThan(c + 1 + 1e-9);
    }
  }
  // Nothing outside [from, to) is on screen.
  if (from > 0) expect(x(pos.at(from - 1))).toBeLessThan(1e-9);
  if (to < pos.length) expect(x(pos.at(to))).toBeGreaterThanOrEqual(width - 1e-9);
}

describe('order positions', () => {
  it('puts each access in exactly one pixel column, at any zoom', () => {
    const pos = orderPositions(1000);
    expectColumnsPartition(pos, 300, 1, 0);
    expectColumnsPartition(pos, 300, 7.3, -812.4);
    expectColumnsPartition(pos, 300, 120, -30000);
  });

  it('spreads the whole trace over the width before zooming', () => {
    const pos = orderPositions(10);
    const x = scaleFor(pos, 100);
    expect(x(pos.at(0))).toBeCloseTo(5);
    expect(x(pos.at(9))).toBeCloseTo(95);
    expect(visibleRange(pos, x, 100)).toEqual([0, 10]);
  });

  it('shows the zoomed window only', () => {
    const pos = orderPositions(1000);
    // Scale 10 shows 100 accesses; translating by -5000 px starts at access 500.
    expect(visibleRange(pos, scaleFor(pos, 1000, 10, -5000), 1000)).toEqual([500, 600]);
  });
});

describe('wall positions', () => {
  const wall = Float64Array.of(-1, 0.5, 0.4, 2, -0.001, 3);
  it('never goes back, so time finds events by binary search', () => {
    const pos = wallPositions(wall);
    const xs = Array.from({ length: wall.length }, (_, i) => pos.at(i));
    expect(xs).toEqual([0.4, 0.5, 0.5, 2, 2, 3]);
    expect(pos.lowerBound(0.5)).toBe(1);
    expect(pos.lowerBound(0.6)).toBe(3);
    expect(pos.lowerBound(99)).toBe(6);
    expect(pos.domain[1]).toBeGreaterThan(3);
  });
  it('spans the recorded accesses, not the wait before the first', () => {
    const late = wallPositions(Float64Array.of(-1, 270.5, 270.25, 271, 272));
    expect(late.domain[0]).toBe(270.25);
    expect(late.domain[1]).toBeGreaterThan(272);
    expect(late.domain[1]).toBeLessThan(272.01);
    // An unrecorded first access sits at the start of the axis, not off it.
    expect(late.at(0)).toBe(270.25);
    expect(late.lowerBound(270.3)).toBe(1);
  });
  it('partitions columns like order positions do', () => {
    expectColumnsPartition(wallPositions(wall), 50, 1, 0);
    expectColumnsPartition(wallPositions(wall), 50, 3, -40);
  });
  it('tells whether a trace has wall time at all', () => {
    expect(hasWallTime(null)).toBe(false);
    expect(hasWallTime(Float64Array.of(-1, -1))).toBe(false);
    expect(hasWallTime(wall)).toBe(true);
  });
});

describe('timelineGeometry', () => {
  it('indents the blog tree: main › func3 › func1/func2, main › func4 › func1/func2', () => {
    const g = timelineGeometry(buildThreads(presetConfig('blog')), 900);
    expect(g.lanes.map((l) => `${l.depth}:${l.name}`)).toEqual([
      '0:main',
      '1:func3',
      '2:func1',
      '2:func2',
      '1:func4',
      '2:func1',
      '2:func2',
    ]);
    expect(g.lanes[5]!.fullName).toBe('func4›func1');
    expect(g.lanes[5]!.parentY).toBe(g.lanes[4]!.y);
    expect(g.lanes[0]!.parentY).toBeNull();
    expect(g.width).toBe(900);
    // Room right of the plot for the last access's shape, marker and tick label.
    expect(900 - (g.gutter + g.plotWidth)).toBeGreaterThanOrEqual(12);
  });

  it('gives the lanes more of a narrow screen: a narrower gutter', () => {
    const threads = buildThreads(presetConfig('blog'));
    const narrow = timelineGeometry(threads, 280);
    expect(narrow.gutter).toBeLessThan(timelineGeometry(threads, 900).gutter);
    expect(narrow.width).toBe(280);
    // The deepest lane's name still starts inside the gutter, with room for "func1".
    expect(
      narrow.gutter - Math.max(...narrow.lanes.map((l) => labelIndent(l.depth))),
    ).toBeGreaterThanOrEqual(40);
  });

  it('stacks lanes below the chart and the axis below the lanes', () => {
    const g = timelineGeometry(buildThreads({ preset: 'custom', workers: 16 }), 600);
    expect(g.lanes).toHaveLength(17);
    expect(g.lanesTop).toBeGreaterThanOrEqual(g.chartTop + g.chartHeight);
    const ys = g.lanes.map((l) => l.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(g.axisTop).toBeGreaterThanOrEqual(ys.at(-1)! + g.laneHeight / 2);
    expect(g.height).toBeGreaterThan(g.axisTop);
  });
});

describe('maxZoom', () => {
  it('stops zooming when accesses are a comfortable distance apart', () => {
    expect(maxZoom(1_000_000, 1000)).toBe(48_000);
    expect(maxZoom(5, 1000)).toBe(1);
  });
});
