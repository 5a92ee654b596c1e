import { describe, expect, it } from 'vitest';
import { CELL, CONTROL_CELLS, EVENT_STRIDE, type TraceRegions } from './layout';
import { PUBLISH_EVERY, SharedTraceSink } from './recording';

const regions = (capacity: number): TraceRegions => ({
  offset: [0, capacity],
  capacity: [capacity, capacity],
  total: 2 * capacity,
});

function setup(capacity: number) {
  const cells = new Int32Array(new SharedArrayBuffer(CONTROL_CELLS * 4));
  const events = new Int32Array(new SharedArrayBuffer(2 * capacity * EVENT_STRIDE * 4));
  return { cells, events, r: regions(capacity) };
}

const published = (cells: Int32Array, thread: number) =>
  Atomics.load(cells, CELL.countBase + thread);

describe('SharedTraceSink', () => {
  it('publishes every access unless batching', () => {
    const { cells, events, r } = setup(1000);
    const sink = new SharedTraceSink(cells, events, 0, r, null);
    for (let i = 0; i < 3; i++) sink.record(1, i, 0, 0);
    expect(published(cells, 0)).toBe(3);
  });

  it('batching publishes every PUBLISH_EVERY accesses and on flush, every event stamped', () => {
    const { cells, events, r } = setup(1000);
    const sink = new SharedTraceSink(cells, events, 1, r, null, true);
    for (let i = 0; i < PUBLISH_EVERY + 3; i++) sink.record(1, i, 0, 0);
    expect(published(cells, 1)).toBe(PUBLISH_EVERY);
    sink.flush();
    expect(published(cells, 1)).toBe(PUBLISH_EVERY + 3);
    expect(Atomics.load(cells, CELL.clock)).toBe(PUBLISH_EVERY + 3);
    const last = (r.offset[1]! + PUBLISH_EVERY + 2) * EVENT_STRIDE;
    expect([events[last], events[last + 2]]).toEqual([PUBLISH_EVERY + 2, PUBLISH_EVERY + 2]);
  });

  it('a batching sink stops within PUBLISH_EVERY accesses of another region overflowing', () => {
    const { cells, events, r } = setup(4 * PUBLISH_EVERY);
    const batched = new SharedTraceSink(cells, events, 0, r, null, true);
    batched.record(1, 0, 0, 0);
    Atomics.store(cells, CELL.truncated, 1);
    for (let i = 0; i < 2 * PUBLISH_EVERY; i++) batched.record(1, i, 0, 0);
    expect(published(cells, 0)).toBe(PUBLISH_EVERY);
    expect(Atomics.load(cells, CELL.clock)).toBe(PUBLISH_EVERY);
  });

  it('a full region marks the run truncated and publishes its count', () => {
    const { cells, events, r } = setup(10);
    const sink = new SharedTraceSink(cells, events, 0, r, null, true);
    for (let i = 0; i < 20; i++) sink.record(1, i, 0, 0);
    expect(Atomics.load(cells, CELL.truncated)).toBe(1);
    expect(published(cells, 0)).toBe(10);
  });
});
