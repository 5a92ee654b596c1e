import { describe, expect, it } from 'vitest';
import { FLAG, MAX_TRACE_EVENTS, packStamp, stampFlags, stampOp, stampTick } from './layout';
import { OPS } from './ops';

describe('event stamps', () => {
  const ticks = [0, 1, 1023, MAX_TRACE_EVENTS, 2 * MAX_TRACE_EVENTS];
  const flagSets = [0, FLAG.hasReplaced, FLAG.hasReplaced | FLAG.casOk];

  it('give back the tick, op and flags packed into them, up to twice the event limit', () => {
    for (const tick of ticks) {
      OPS.forEach((_, op) => {
        for (const flags of flagSets) {
          const stamp = packStamp(tick, op, flags);
          expect(stamp).toBeGreaterThanOrEqual(0);
          expect([stampTick(stamp), stampOp(stamp), stampFlags(stamp)]).toEqual([tick, op, flags]);
        }
      });
    }
  });

  it('compare as their ticks do, whatever the op and flags', () => {
    const high = packStamp(5, 0, 0);
    const low = packStamp(4, OPS.length - 1, FLAG.hasReplaced | FLAG.casOk);
    expect(low).toBeLessThan(high);
  });
});
