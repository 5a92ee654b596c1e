import { describe, expect, it } from 'vitest';
import { CELL, packStamp } from './layout';
import { eventsToList } from './trace';
import { decodeSharedTrace } from './traceDecode';

/** A shared trace buffer holding, per thread, the given stamps (value = stamp × 10). */
function buffer(stampsByThread: number[][]) {
  const capacity = stampsByThread.map((s) => s.length + 2);
  const offset = capacity.map((_, t) => capacity.slice(0, t).reduce((a, b) => a + b, 0));
  const total = capacity.reduce((a, b) => a + b, 0);
  const events = new Int32Array(3 * total);
  const cells = new Int32Array(CELL.countBase + stampsByThread.length);
  stampsByThread.forEach((stamps, t) => {
    cells[CELL.countBase + t] = stamps.length;
    stamps.forEach((tick, k) => {
      const at = 3 * (offset[t]! + k);
      events.set([packStamp(tick, 1, 1), tick * 10, tick * 10 - 1], at);
    });
  });
  return { cells, events, regions: { offset, capacity, total, stride: 3 } };
}

const decode = (stamps: number[][]) => {
  const { cells, events, regions } = buffer(stamps);
  const progress: number[] = [];
  const e = decodeSharedTrace(cells, events, regions, (done) => progress.push(done));
  return { list: eventsToList(e), progress };
};

describe('decodeSharedTrace', () => {
  // Dense stamps take the direct path, stamps with gaps the merge: both must order by stamp.
  it.each([
    [
      'dense stamps, from the first one taken',
      [
        [3, 4, 8],
        [5, 9],
        [6, 7, 10],
      ],
    ],
    [
      'stamps with gaps (a stopped run)',
      [
        [3, 4, 12],
        [5, 9],
        [7, 10],
      ],
    ],
  ])('puts every event in stamp order with its thread: %s', (_, stamps) => {
    const { list, progress } = decode(stamps);
    const expected = stamps
      .flatMap((ticks, thread) => ticks.map((tick) => ({ tick, thread })))
      .sort((a, b) => a.tick - b.tick);
    expect(list.map(({ tick, thread }) => ({ tick, thread }))).toEqual(expected);
    expect(list.every((e) => e.value === e.tick * 10 && e.replaced === e.tick * 10 - 1)).toBe(true);
    expect(progress[0]).toBe(0);
  });

  it('reads nothing from a buffer where nothing was published', () => {
    expect(decode([[], []]).list).toEqual([]);
  });
});
