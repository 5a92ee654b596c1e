import { bookProblems } from './books';
import { rebuildHistory } from './history';
import { FLAG } from './layout';
import { opCode } from './ops';
import { buildFindings, erasedByWrite } from './staleness';
import { byTick } from './tickOrder';
import { victimCounts } from './victims';
import type { Trace } from './trace';
import type { Accounting, FindingTable, StaleWindow, ThreadLoss } from './accountingTypes';

export type { Accounting, StaleWindow, ThreadLoss, WriteFinding } from './accountingTypes';

const WRITE = opCode('write');
const READ = opCode('read');

/**
 * Account for every increment of a trace. A write of `value` over `replaced` erased
 * replaced + 1 − value increments; since the replaced values chain through the counter's
 * history, their sum is exactly expected − final, whatever order the stamps claim.
 */
export function accountTrace(trace: Trace): Accounting {
  const e = trace.events;
  const n = e.length;
  const lastRead = new Int32Array(256).fill(-1);
  // Write-like events per thread id, counted here where each is visited in order anyway.
  const writesBy = new Float64Array(256);
  const writeList = new Int32Array(n);
  const stale = new Int32Array(n);
  const staleRead = new Int32Array(n);
  let writes = 0;
  let staleCount = 0;
  let lost = 0;
  // Ticks that are each event's index are in order already.
  const tick = e.tick;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    if (tick && i > 0 && tick[i]! < tick[i - 1]!) sorted = false;
    const op = e.op[i]!;
    if (op === READ) lastRead[e.thread[i]!] = i;
    if (!(e.flags[i]! & FLAG.hasReplaced)) continue;
    writesBy[e.thread[i]!]!++;
    const erased = erasedByWrite(e, i);
    lost += erased;
    writeList[writes++] = i;
    if (erased === 0) continue;
    stale[staleCount] = i;
    // Only a plain write builds on an earlier read; add and cas read and write in one step.
    staleRead[staleCount++] = op === WRITE ? lastRead[e.thread[i]!]! : -1;
  }
  const tickOrder = writeList.subarray(0, writes);
  // Columns are meant to be in tick order already; sort only when they are not.
  if (!sorted) tickOrder.sort(byTick(e));
  // The history is written over the tick order.
  const history = rebuildHistory(e, tickOrder);
  const findings = buildFindings(
    e,
    history,
    stale.subarray(0, staleCount),
    staleRead.subarray(0, staleCount),
  );
  const problems = bookProblems(trace, lost, writes, history);
  const complete = !trace.truncated;
  return {
    expected: trace.expected,
    final: trace.final,
    lost,
    writes,
    findings,
    perThread: threadLosses(trace, findings, history.index, writesBy),
    longestStaleWindow: longestWindow(findings),
    history: { index: history.index },
    complete,
    balanced: complete && problems.length === 0,
    problems,
  };
}

/**
 * Each thread's increments (`writesBy`, per thread id), the writes of its that others erased,
 * and what it erased: the sum of its findings', every other write of its having erased none.
 */
function threadLosses(
  trace: Trace,
  findings: FindingTable,
  history: Int32Array,
  writesBy: Float64Array,
): ThreadLoss[] {
  const ids = trace.threads.map((t) => t.id);
  const erasedBy = new Float64Array(256);
  for (let k = 0; k < findings.length; k++) erasedBy[findings.thread[k]!]! += findings.erased[k]!;
  const victimOf = victimCounts(trace.events.thread, ids, findings, history);
  return ids.map((thread, t) => ({
    thread,
    increments: writesBy[t]!,
    lostAsVictim: victimOf[t]!,
    erasedAsClobberer: erasedBy[t]!,
  }));
}

/** The stale write with the most writes between its read and itself. */
function longestWindow(findings: FindingTable): StaleWindow | null {
  let best = -1;
  let bestSpan = -1;
  for (let k = 0; k < findings.length; k++) {
    if (findings.read[k]! < 0) continue;
    const span = findings.to[k]! - findings.from[k]!;
    if (span > bestSpan) {
      best = k;
      bestSpan = span;
    }
  }
  if (best < 0) return null;
  return {
    readIndex: findings.read[best]!,
    writeIndex: findings.index[best]!,
    thread: findings.thread[best]!,
    writesBetween: bestSpan,
  };
}
