import { describe, expect, it } from 'vitest';
import { CELL, CONTROL_CELLS, eventStride, stampTick, type TraceRegions } from './layout';
import { PUBLISH_EVERY, SharedTraceSink } from './recording';

const regions = (capacity: number, wall = false): TraceRegions => ({
  offset: [0, capacity],
  capacity: [capacity, capacity],
  total: 2 * capacity,
  stride: eventStride(wall),
});

function setup(capacity: number, wall = false) {
  const r = regions(capacity, wall);
  const cells = new Int32Array(new SharedArrayBuffer(CONTROL_CELLS * 4));
  const events = new Int32Array(new SharedArrayBuffer(r.total * r.stride * 4));
  return { cells, events, r };
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
    const last = (r.offset[1]! + PUBLISH_EVERY + 2) * r.stride;
    expect([stampTick(events[last]!), events[last + 1]]).toEqual([
      PUBLISH_EVERY + 2,
      PUBLISH_EVERY + 2,
    ]);
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

  it('writes wall time exactly when the regions have a word for it', () => {
    const plain = setup(10);
    expect(() => new SharedTraceSink(plain.cells, plain.events, 0, plain.r, 0)).toThrow();
    const timed = setup(10, true);
    expect(() => new SharedTraceSink(timed.cells, timed.events, 0, timed.r, null)).toThrow();
    const start = performance.timeOrigin + performance.now();
    const sink = new SharedTraceSink(timed.cells, timed.events, 0, timed.r, start);
    sink.record(1, 7, 0, 0);
    expect(timed.events[3]).toBeGreaterThanOrEqual(0);
  });

  it('prepares its own region only, leaving the other regions as they were', () => {
    const { cells, events, r } = setup(3000);
    events.fill(-1);
    new SharedTraceSink(cells, events, 1, r, null).prepare();
    const own = r.offset[1]! * r.stride;
    expect(events.subarray(0, own).every((w) => w === -1)).toBe(true);
    // One write in each 4 KiB page of its region, and its last word.
    const touched = events.subarray(own).filter((w) => w === 0).length;
    expect(touched).toBe(Math.ceil((3000 * r.stride) / 1024) + 1);
    expect(events[events.length - 1]).toBe(0);
  });
});
