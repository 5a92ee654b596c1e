import { accountTrace, type Accounting } from './accounting';
import { accountClaims } from './claimBooks';
import { FLAG } from './layout';
import { initialOf, scenarioOf } from './scenarios';
import type { Trace } from './trace';

/**
 * The trace as a counter's, where its scenario can be counted as increments: the counter's
 * as it is; the bank's with every value v mirrored to (opening balance − v), so each debit
 * is an increment and the payments made are the increments expected. Null for a claim.
 */
export function countingView(trace: Trace): Trace | null {
  const scenario = scenarioOf(trace.config);
  const mirror = scenario.asIncrements;
  if (!mirror) return null;
  if (scenario.id === 'counter') return trace;
  const initial = initialOf(trace.config);
  const e = trace.events;
  // One indexed pass for both columns and the count: a bank's trace can hold millions.
  const value = new Int32Array(e.length);
  const replaced = new Int32Array(e.length);
  let writes = 0;
  for (let i = 0; i < e.length; i++) {
    value[i] = mirror(e.value[i]!, initial);
    if (!(e.flags[i]! & FLAG.hasReplaced)) continue;
    replaced[i] = mirror(e.replaced[i]!, initial);
    writes++;
  }
  return {
    ...trace,
    events: { ...e, value, replaced },
    expected: writes,
    final: mirror(trace.final, initial),
  };
}

/** A stored value of the trace as its books count it: mirrored for the bank, else as it is. */
export function countedValue(trace: Trace): (value: number) => number {
  const scenario = scenarioOf(trace.config);
  const mirror = scenario.asIncrements;
  if (!mirror || scenario.id === 'counter') return asItIs;
  const initial = initialOf(trace.config);
  return (value) => mirror(value, initial);
}

const asItIs = (value: number) => value;

/**
 * Account for a trace in its scenario's terms: as increments where its writes count as
 * increments (counter, bank), otherwise as claims, each write claiming the cell.
 */
export function accountRun(trace: Trace): Accounting {
  const view = countingView(trace);
  if (!view) return accountClaims(trace);
  const acc = accountTrace(view);
  // A mirrored view expects one increment per debit the trace shows: each is a payment.
  if (view !== trace) acc.won = view.expected;
  return acc;
}
