import type { CounterHistory } from './history';
import type { Trace } from './trace';

const count = (n: number) => n.toLocaleString('en');

/** Why a trace's books do not balance, in words; empty when they do. */
export function bookProblems(
  trace: Trace,
  lost: number,
  writes: number,
  history: CounterHistory,
): string[] {
  if (trace.truncated) {
    return [
      `The trace was truncated: recording stopped after ${count(trace.events.length)} accesses, ` +
        'so only the losses up to there are shown and the books are not checked.',
    ];
  }
  const { expected, final } = trace;
  const problems: string[] = [];
  if (!history.consistent) {
    problems.push(
      "The writes' values do not chain from 0 into one history of the counter; " +
        'the history shown follows the order stamps.',
    );
  }
  if (lost !== expected - final) {
    problems.push(
      `The writes account for ${count(lost)} lost increments, but the run expected ` +
        `${count(expected)} and ended at ${count(final)}, which is ${count(expected - final)} lost.`,
    );
  }
  const { index } = history;
  const end = index.length > 0 ? trace.events.value[index[index.length - 1]!]! : 0;
  if (end !== final) {
    problems.push(
      `The counter's history ends at ${count(end)}, but the run ended at ${count(final)}.`,
    );
  }
  if (problems.length > 0 && writes !== expected) {
    problems.push(
      `${count(writes)} increments were recorded, but ${count(expected)} were expected.`,
    );
  }
  return problems;
}
