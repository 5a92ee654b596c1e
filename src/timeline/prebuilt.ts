import type { Accounting } from '../core/accounting';
import type { Trace } from '../core/trace';
import type { ModelColumns } from './modelColumns';

// Kept apart from model.ts so the store can hand columns over without loading the timeline.
const prebuilt = new WeakMap<Trace, { accounting: Accounting | null; columns: ModelColumns }>();

/** Hand over columns the trace worker built, so the page does not build them again. */
export function adoptModelColumns(
  trace: Trace,
  accounting: Accounting | null,
  columns: ModelColumns,
): void {
  prebuilt.set(trace, { accounting, columns });
}

/** The columns handed over for exactly this trace and accounting, if any. */
export function prebuiltColumns(trace: Trace, accounting: Accounting | null): ModelColumns | null {
  const given = prebuilt.get(trace);
  return given && given.accounting === accounting ? given.columns : null;
}
