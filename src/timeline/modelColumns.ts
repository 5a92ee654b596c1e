import type { Accounting } from '../core/accounting';
import { countedValue } from '../core/scenarioBooks';
import type { Trace } from '../core/trace';
import { CLOBBER_BIT, kindColumns } from './kinds';
import { buildMaskPyramid, type MaskPyramid } from './lod';
import { indexLosses, type LaneLosses } from './markers';
import { counterSeries, type CounterSeries } from './series';

/**
 * The heavy part of the timeline's model: O(n) passes over the trace, made of typed arrays
 * only, so the trace worker builds it and hands it to the page without copying.
 */
export interface ModelColumns {
  /** Lanes are thread ids: buildThreads numbers threads depth-first, as they are drawn. */
  lanes: number;
  /** Index into KINDS, per event. */
  kind: Uint8Array;
  /** A bit per event: set on the writes that erased increments (maskBitAt reads it). */
  clobbered: Uint32Array;
  masks: MaskPyramid;
  series: CounterSeries;
  losses: LaneLosses[];
}

/** Everything the timeline derives from a trace in passes over all its events. */
export function buildModelColumns(trace: Trace, accounting: Accounting | null): ModelColumns {
  const e = trace.events;
  let top = 0;
  for (let i = 0; i < e.length; i++) if (e.thread[i]! > top) top = e.thread[i]!;
  const lanes = Math.max(trace.threads.length, e.length > 0 ? top + 1 : 1);
  const clobbers = accounting ? accounting.findings.index : null;
  const { kind, clobbered } = kindColumns(e, clobbers);
  return {
    lanes,
    kind,
    clobbered,
    masks: buildMaskPyramid(e.thread, kind, lanes, clobbers, CLOBBER_BIT),
    series: counterSeries(e, kind, accounting ? countedValue(trace) : null),
    losses: accounting ? indexLosses(accounting.findings, lanes) : [],
  };
}
