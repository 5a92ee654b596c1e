import { expectedTotal } from '../../core/config';
import { STRATEGIES } from '../../core/strategies';
import { COMPARE_SIDES, type Comparison } from '../../store/compareSlice';
import { useLab } from '../../store/labStore';
import type { RunResult } from '../../store/runSlice';
import { selectComparison, selectConfig } from '../../store/selectors';
import './compare.css';

const fmt = (n: number) => n.toLocaleString('en');

/** One side's numbers, with a bar of the final count against the expected one. */
function Side({
  result,
  strategy,
  side,
  status,
}: {
  result: RunResult | null;
  strategy: keyof typeof STRATEGIES;
  side: string;
  status: Comparison['status'];
}) {
  const label = STRATEGIES[strategy].label;
  const state = result ? 'done' : status === 'running' ? 'running' : 'idle';
  return (
    <section
      className="compare-side"
      aria-label={label}
      data-testid={`compare-${side}`}
      data-state={state}
      data-strategy={strategy}
      data-expected={result?.expected}
      data-final={result?.final}
      data-lost={result?.lost}
      data-engine={result?.engine}
    >
      <h2>{label}</h2>
      {result ? (
        <>
          <meter
            min={0}
            max={result.expected}
            value={result.final}
            aria-label={`${label}: final count`}
          />
          <dl className="compare-numbers">
            <dt>Final</dt>
            <dd>
              {fmt(result.final)} of {fmt(result.expected)}
            </dd>
            <dt>Lost</dt>
            <dd className={result.lost > 0 ? 'lost' : undefined}>{fmt(result.lost)}</dd>
          </dl>
        </>
      ) : (
        <p className="field-hint">{state === 'running' ? 'Running…' : 'Not run yet.'}</p>
      )}
    </section>
  );
}

/**
 * The same settings run twice from one button, racy on the left and atomic on the right: the
 * moment the switch to atomic increments makes the loss disappear, in one picture.
 */
export function ComparePanel() {
  const comparison = useLab(selectComparison);
  const config = useLab(selectConfig);
  const { runComparison, stopComparison } = useLab.getState();
  const running = comparison.status === 'running';
  return (
    <section className="compare" aria-labelledby="compare-heading" data-testid="compare">
      <div className="compare-controls">
        <h2 id="compare-heading">Racy or atomic?</h2>
        <button
          type="button"
          className="primary"
          disabled={running}
          onClick={() => void runComparison()}
        >
          Run both
        </button>
        <button type="button" disabled={!running} onClick={stopComparison}>
          Stop
        </button>
        <small className="field-hint">
          {config.workers} workers × {fmt(config.increments)} increments:{' '}
          {fmt(expectedTotal(config))} expected on each side
        </small>
      </div>
      <p role="status" className="compare-status">
        {comparison.status === 'stopped' && 'Stopped.'}
        {comparison.status === 'error' && `Error: ${comparison.error}`}
      </p>
      <div className="compare-sides">
        {COMPARE_SIDES.map(({ side, strategy }) => (
          <Side
            key={side}
            side={side}
            strategy={strategy}
            result={comparison[side]}
            status={comparison.status}
          />
        ))}
      </div>
    </section>
  );
}
