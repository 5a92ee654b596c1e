import type { Accounting, ThreadLoss } from './accountingTypes';
import { allocFindings } from './findingTable';
import { rebuildHistory, type CounterHistory } from './history';
import { FLAG } from './layout';
import { opCode } from './ops';
import { writesInTickOrder } from './tickOrder';
import type { Trace } from './trace';

const READ = opCode('read');
const CAS = opCode('cas');

const count = (n: number) => n.toLocaleString('en');

/**
 * Which write-like events of a claim's trace won the claim (1) and which did not (0). A worker
 * wins when the owner it checked was 0: its read before the write saw 0 (racy, lock,
 * lock-each), its write with no read before it (an exchange) replaced 0, or its
 * compare-and-swap succeeded. Only the trace is read, so every strategy is judged alike.
 */
export function claimWins(trace: Trace): Uint8Array {
  const e = trace.events;
  const wins = new Uint8Array(e.length);
  // The value each thread's latest read saw since its last write; NaN: no such read.
  const seen = new Float64Array(256).fill(NaN);
  for (let i = 0; i < e.length; i++) {
    const t = e.thread[i]!;
    const op = e.op[i]!;
    if (op === READ) seen[t] = e.value[i]!;
    if (!(e.flags[i]! & FLAG.hasReplaced)) continue;
    const checked = op === CAS || Number.isNaN(seen[t]!) ? e.replaced[i]! : seen[t]!;
    wins[i] = checked === 0 ? 1 : 0;
    seen[t] = NaN;
  }
  return wins;
}

/**
 * Account for a claim from its trace. Every winning write after the first, in the owner's
 * history, replaced an owner that is not 0: the claim of the write before it, now erased.
 * The books balance when the writes chain from 0 into one history ending at the final owner
 * and exactly winners − 1 claims were erased (one winner's claim stands).
 */
export function accountClaims(trace: Trace): Accounting {
  const e = trace.events;
  const n = e.length;
  const wins = claimWins(trace);
  const tickOrder = writesInTickOrder(e, new Int32Array(n));
  // Counted before rebuildHistory, which writes the history over the list.
  const writes = tickOrder.length;
  let winners = 0;
  for (let k = 0; k < writes; k++) winners += wins[tickOrder[k]!]!;
  const history = rebuildHistory(e, tickOrder);
  // Per place in the history: whether the write there erased the claim before it.
  const erases = new Uint8Array(history.index.length);
  const erasing: number[] = [];
  for (let p = 0; p < history.index.length; p++) {
    const w = history.index[p]!;
    if (!wins[w] || e.replaced[w] === 0 || p === 0) continue;
    erases[p] = 1;
    erasing.push(p);
  }
  const findings = allocFindings(erasing.length);
  // Findings in event order, as the timeline and describe expect them.
  erasing.sort((a, b) => history.index[a]! - history.index[b]!);
  erasing.forEach((p, k) => {
    const w = history.index[p]!;
    findings.index[k] = w;
    findings.thread[k] = e.thread[w]!;
    findings.read[k] = readBefore(trace, w);
    findings.erased[k] = 1;
    findings.from[k] = p - 1;
    findings.to[k] = p;
  });
  const lost = erasing.length;
  const problems = claimProblems(trace, history, winners, lost);
  const complete = !trace.truncated;
  return {
    expected: 1,
    final: trace.final,
    lost,
    writes,
    won: winners,
    findings,
    perThread: claimLosses(trace, wins, history.index, erases),
    longestStaleWindow: null,
    history: { index: history.index },
    complete,
    balanced: complete && problems.length === 0,
    problems,
  };
}

/** The read a write's check came from (same thread, before it, no write between); or -1. */
function readBefore(trace: Trace, w: number): number {
  const e = trace.events;
  for (let i = w - 1; i >= 0; i--) {
    if (e.thread[i] !== e.thread[w]) continue;
    if (e.flags[i]! & FLAG.hasReplaced) return -1;
    if (e.op[i] === READ) return i;
  }
  return -1;
}

/** Per thread: its claims won, its claims erased by others, and the claims it erased. */
function claimLosses(
  trace: Trace,
  wins: Uint8Array,
  history: Int32Array,
  erases: Uint8Array,
): ThreadLoss[] {
  const e = trace.events;
  const losses = trace.threads.map((t) => ({
    thread: t.id,
    increments: 0,
    lostAsVictim: 0,
    erasedAsClobberer: 0,
  }));
  for (let p = 0; p < history.length; p++) {
    const w = history[p]!;
    const mine = losses[e.thread[w]!];
    if (!mine) continue;
    mine.increments += wins[w]!;
    if (!erases[p]) continue;
    mine.erasedAsClobberer++;
    const victim = losses[e.thread[history[p - 1]!]!];
    if (victim && victim !== mine) victim.lostAsVictim++;
  }
  return losses;
}

/** Why a claim's books do not balance, in words; empty when they do. */
function claimProblems(
  trace: Trace,
  history: CounterHistory,
  winners: number,
  lost: number,
): string[] {
  if (trace.truncated) {
    return [
      `The trace was truncated: recording stopped after ${count(trace.events.length)} accesses, ` +
        'so only the claims up to there are shown and the books are not checked.',
    ];
  }
  const problems: string[] = [];
  if (!history.consistent) {
    problems.push(
      "The writes' values do not chain from 0 into one history of the owner; " +
        'the history shown follows the order stamps.',
    );
  }
  const { index } = history;
  const end = index.length > 0 ? trace.events.value[index[index.length - 1]!]! : 0;
  if (end !== trace.final) {
    problems.push(
      `The owner's history ends at ${end}, but the run ended with owner ${trace.final}.`,
    );
  }
  if (lost !== Math.max(0, winners - 1)) {
    problems.push(
      `The trace shows ${count(winners)} winners, so ${count(Math.max(0, winners - 1))} ` +
        `claims should have been erased, but the writes erased ${count(lost)}.`,
    );
  }
  return problems;
}
