import { LIMITS } from '../core/config';
import { claimEnding } from '../core/outcomeWords';
import { scenarioOf } from '../core/scenarios';
import { useLab } from '../store/labStore';
import {
  selectError,
  selectReading,
  selectResult,
  selectStatus,
  selectTrace,
} from '../store/selectors';
import { progressText } from '../store/traceReading';
import type { RunResult } from '../store/runSlice';
import { EngineBadge } from './EngineBadge';
import { attemptRate, attemptsMade, attemptsText, rateLabel } from './resultRate';
import { ReplayRow } from './ReplayRow';
import { WorkerTable } from './WorkerTable';

const fmt = (n: number) => n.toLocaleString('en');

/** Milliseconds as people read them. */
function duration(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`;
}

/** What the books say, in the scenario's words (`unit`: increment, debit, claim). */
const booksText = (books: RunResult['books'], unit: string): string =>
  ({
    balanced: `The books balance: every lost ${unit} is accounted for by a write in the trace.`,
    unbalanced: 'The books do not balance: the trace does not explain the final value.',
    untraced: 'Accesses were not recorded for this run (recording is off).',
    truncated: 'The trace was truncated: it filled its buffer, so only the start was recorded.',
  })[books];

/** What a truncated trace kept, in words: the window, and why the books are not checked. */
const keptText = (kept: number, made: string) =>
  `Only the first ${fmt(kept)} accesses were recorded (a run of more than ` +
  `${fmt(LIMITS.traceAutoEvents)} keeps a window of its start), so the timeline shows the ` +
  `race's start and the books are not checked; this run made ${made}.`;

/** The run's ending in a sentence, in its scenario's terms. */
function summary({ lost, outcome }: RunResult): string {
  if (outcome.scenario === 'claim') return claimEnding(outcome);
  if (outcome.scenario === 'bank') {
    const paid = `The bank paid ${fmt(outcome.paid ?? 0)}`;
    const over = outcome.overdrawn ? ' and is overdrawn' : '';
    return lost === 0
      ? `${paid}${over}; no debit was lost.`
      : `${paid}${over}; ${fmt(lost)} debits were lost.`;
  }
  return lost === 0 ? 'No increment was lost.' : `${fmt(lost)} increments were lost.`;
}

/** The outcome of the last run: the public contract tests and embedders read. */
export function ResultPanel() {
  const status = useLab(selectStatus);
  const result = useLab(selectResult);
  const error = useLab(selectError);
  const trace = useLab(selectTrace);
  const reading = useLab(selectReading);
  const elapsed = result?.elapsedMs ?? null;
  const overdrawn = result?.outcome.overdrawn;
  const rate = result ? attemptRate(result) : null;
  const rateName = result ? rateLabel(result) : null;
  return (
    <section
      data-overdrawn={overdrawn === undefined ? undefined : String(overdrawn)}
      className={`result result-${status}`}
      data-testid="result"
      data-state={status}
      data-scenario={result?.outcome.scenario}
      data-paid={result?.outcome.paid}
      data-winners={result?.outcome.winners}
      data-owner={result?.outcome.owner}
      data-expected={result?.expected}
      data-final={result?.final}
      data-lost={result?.lost}
      data-strategy={result?.strategy}
      data-preset={result?.preset}
      data-engine={result?.engine}
      data-seed={result?.seed ?? undefined}
      data-elapsed-ms={elapsed ?? undefined}
      data-rate={rate ?? undefined}
      data-workers-isolated={result ? String(result.workersIsolated) : undefined}
      data-books={result?.books}
      data-accesses={trace?.events.length}
      aria-labelledby="result-heading"
    >
      <h2 id="result-heading">Result</h2>
      <EngineBadge />
      <p className="status" role="status" aria-live="polite" aria-atomic="true">
        {status === 'idle' && 'Press Run to start the race.'}
        {status === 'running' && (reading ? progressText(reading) : 'Running…')}
        {status === 'stopped' && 'Stopped: the workers were ended before they finished.'}
        {status === 'error' && <span className="error-text">Error: {error}</span>}
        {status === 'done' && result && summary(result)}
      </p>
      {reading && (
        <progress
          className="reading"
          max={1}
          value={reading.fraction}
          aria-label="Reading the trace"
          data-testid="reading"
        />
      )}
      {result && (
        <>
          <dl className="numbers">
            <div>
              <dt>Expected</dt>
              <dd>{fmt(result.expected)}</dd>
            </div>
            <div>
              <dt>Final</dt>
              <dd>{fmt(result.final)}</dd>
            </div>
            <div className={result.lost > 0 ? 'lost' : undefined}>
              <dt>Lost</dt>
              <dd>{fmt(result.lost)}</dd>
            </div>
            <div>
              <dt>Time</dt>
              <dd>{elapsed === null ? '—' : duration(elapsed)}</dd>
            </div>
            {rateName && (
              <div>
                <dt>{rateName}</dt>
                <dd>{rate === null ? '—' : fmt(rate)}</dd>
              </div>
            )}
          </dl>
          <p className={`books books-${result.books}`}>
            {result.books === 'truncated' && trace
              ? keptText(trace.events.length, attemptsText(result, attemptsMade(result)))
              : booksText(result.books, scenarioOf(result.outcome).unit)}
          </p>
          <ReplayRow />
          <WorkerTable result={result} />
        </>
      )}
    </section>
  );
}
