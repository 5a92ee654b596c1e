import type { Accounting, WriteFinding } from '../core/accounting';
import { strategyOf } from '../core/scenarios';
import { type Strategy } from '../core/strategies';
import type { Trace } from '../core/trace';
import { kindBits, kindColumn } from './kinds';
import { hasWallTime, orderPositions, wallPositions, type XPositions } from './layout';
import { buildMaskPyramid, type MaskPyramid } from './lod';
import { indexLosses, type LaneLosses } from './markers';
import { lazyColumn, sourceFiller } from '../core/pcMap';
import { counterSeries, type CounterSeries } from './series';

/** Everything the timeline derives from one trace, computed once (O(n)) and then only read. */
export interface TimelineModel {
  trace: Trace;
  accounting: Accounting | null;
  strategy: Strategy;
  length: number;
  /** Lanes are thread ids: buildThreads numbers threads depth-first, as they are drawn. */
  lanes: number;
  /** Index into KINDS, per event. */
  kind: Uint8Array;
  bits: Uint8Array;
  masks: MaskPyramid;
  /** The read (or failed swap) event i's write was built on, -1 for none. */
  sourceAt: (i: number) => number;
  series: CounterSeries;
  losses: LaneLosses[];
  /** Accounting's findings (clobbering writes), in event order; empty without accounting. */
  findings: readonly WriteFinding[];
  order: XPositions;
  wall: XPositions | null;
  /** performance.now() when deriving began: where time to first render starts. */
  builtAt: number;
  /** How long deriving all this took, in ms. */
  buildMs: number;
}

const models = new WeakMap<Trace, TimelineModel>();

/** The timeline's view of a trace and its accounting, built on first use and then cached. */
export function timelineModel(trace: Trace, accounting: Accounting | null): TimelineModel {
  const cached = models.get(trace);
  if (cached && cached.accounting === accounting) return cached;
  const started = performance.now();
  const e = trace.events;
  const lanes = Math.max(trace.threads.length, 1 + e.thread.reduce((m, t) => Math.max(m, t), 0));
  const kind = kindColumn(e);
  const bits = kindBits(kind, accounting?.erasedByEvent ?? null);
  const source = new Int32Array(e.length);
  const model: TimelineModel = {
    trace,
    accounting,
    strategy: strategyOf(trace.config),
    length: e.length,
    lanes,
    kind,
    bits,
    masks: buildMaskPyramid(e.thread, bits, lanes),
    sourceAt: lazyColumn(source, sourceFiller(e, source)),
    series: counterSeries(e, kind, accounting?.history ?? null),
    losses: indexLosses(accounting?.findings ?? [], lanes),
    findings: accounting?.findings ?? [],
    order: orderPositions(e.length),
    wall: hasWallTime(e.wall) ? wallPositions(e.wall) : null,
    builtAt: started,
    buildMs: 0,
  };
  model.buildMs = performance.now() - started;
  models.set(trace, model);
  return model;
}
