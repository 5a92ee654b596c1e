import type { Accounting } from '../core/accounting';
import { countedValue } from '../core/scenarioBooks';
import { scenarioOf, strategyOf } from '../core/scenarios';
import { type Strategy } from '../core/strategies';
import type { Trace } from '../core/trace';
import { findingAt, findingOf, type WriteFinding } from '../core/findingTable';
import { hasWallTime, orderPositions, wallPositions, type XPositions } from './layout';
import { buildModelColumns, type ModelColumns } from './modelColumns';
import { lazyColumn, sourceFiller } from '../core/pcMap';
import { prebuiltColumns } from './prebuilt';
import { counterLine, idealLine, type LineAt } from './series';

/** Everything the timeline derives from one trace, computed once (O(n)) and then only read. */
export interface TimelineModel extends ModelColumns {
  trace: Trace;
  accounting: Accounting | null;
  strategy: Strategy;
  length: number;
  /** The read (or failed swap) event i's write was built on, -1 for none. */
  sourceAt: (i: number) => number;
  /**
   * The chart's lines: the counter and the ideal count just after event i. No ideal line
   * where writes are not counted as increments (a claim's writes are owner ids).
   */
  counterAt: LineAt;
  idealAt: LineAt | null;
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
  const columns = prebuiltColumns(trace, accounting) ?? buildModelColumns(trace, accounting);
  const model: TimelineModel = {
    ...columns,
    trace,
    accounting,
    strategy: strategyOf(trace.config),
    length: e.length,
    sourceAt: lazySources(trace),
    counterAt: counterLine(
      columns.series,
      e,
      columns.kind,
      accounting ? countedValue(trace) : null,
    ),
    idealAt: scenarioOf(trace.config).asIncrements ? idealLine(columns.series, columns.kind) : null,
    order: orderPositions(e.length),
    wall: hasWallTime(e.wall) ? wallPositions(e.wall) : null,
    builtAt: started,
    buildMs: 0,
  };
  model.buildMs = performance.now() - started;
  models.set(trace, model);
  return model;
}

/** sourceAt, its column filled and grown only as far as asked (a first frame asks little). */
const lazySources = (trace: Trace): ((i: number) => number) =>
  lazyColumn((n) => new Int32Array(n), trace.events.length, sourceFiller(trace.events));

/** The finding of the write at event `index` as an object; undefined when it erased nothing. */
export function modelFinding(model: TimelineModel, index: number): WriteFinding | undefined {
  const acc = model.accounting;
  if (!acc) return undefined;
  const k = findingOf(acc.findings, index);
  return k < 0 ? undefined : findingAt(acc.findings, acc.history.index, model.trace.events, k);
}
