import { useId } from 'react';
import { STRATEGIES, STRATEGY_IDS } from '../../core/strategies';
import { trialsToCsv } from '../../core/trialsCsv';
import {
  selectSingleRunGoing,
  selectTrials,
  selectTrialsRunning,
} from '../../store/explorerSelectors';
import { useLab } from '../../store/labStore';
import { TRIAL_COUNT_SCHEMA } from '../../store/trialsSlice';
import { downloadText, traceFileName } from '../download';
import { NumberField } from '../NumberField';

const fmt = (n: number) => n.toLocaleString('en');

/** How many trials, which strategies, Run trials / Cancel / Download CSV, and the progress. */
export function TrialsControls() {
  const trials = useLab(selectTrials);
  const running = useLab(selectTrialsRunning);
  const singleRun = useLab(selectSingleRunGoing);
  const { setTrialCount, setCompare, setCompareStrategy, runTrials, cancelTrials } =
    useLab.getState();
  const compareId = useId();
  const { completed, total, config, series } = trials;
  const percent = total > 0 ? Math.round((100 * completed) / total) : 0;
  const rate = trials.elapsedMs > 0 ? (completed * 1000) / trials.elapsedMs : 0;
  const download = () => {
    if (!config) return;
    const which = series.length === 1 ? series[0]!.strategy : 'compare';
    downloadText(
      traceFileName(config.preset, `${which}-trials`, 'csv'),
      trialsToCsv(config, series),
      'text/csv',
    );
  };
  return (
    <div
      className="trials-controls"
      data-testid="trials"
      data-state={trials.status}
      data-completed={completed}
      data-total={total}
      data-pool={trials.pool}
      data-engine={trials.engine ?? undefined}
      data-seed={trials.seed ?? undefined}
      data-trials-per-second={rate > 0 ? Math.round(rate) : undefined}
    >
      <NumberField
        label="Trials"
        name="trials"
        value={trials.count}
        schema={TRIAL_COUNT_SCHEMA}
        disabled={running}
        hint="Runs per strategy, 10 to 10,000."
        onCommit={setTrialCount}
      />
      <div className="compare">
        <input
          id={compareId}
          type="checkbox"
          checked={trials.compare}
          disabled={running}
          onChange={(e) => setCompare(e.target.checked)}
        />
        <label htmlFor={compareId}>Compare strategies</label>
      </div>
      {trials.compare && (
        <fieldset className="compare-strategies" disabled={running}>
          <legend>Strategies to compare</legend>
          {STRATEGY_IDS.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={trials.strategies.includes(id)}
                onChange={(e) => setCompareStrategy(id, e.target.checked)}
              />{' '}
              {STRATEGIES[id].label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="run-buttons">
        <button
          type="button"
          className="primary"
          disabled={running || singleRun || (trials.compare && trials.strategies.length === 0)}
          onClick={() => void runTrials()}
        >
          Run trials
        </button>
        <button type="button" disabled={!running} onClick={cancelTrials}>
          Cancel
        </button>
        <button type="button" disabled={completed === 0} onClick={download}>
          Download CSV
        </button>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label="Trials done"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={completed}
        aria-valuetext={`${fmt(completed)} of ${fmt(total)} runs`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="trials-status" aria-live="polite">
        {trials.status === 'idle' && 'Run the current settings many times to see the spread.'}
        {trials.status === 'running' && `Running: ${fmt(completed)} of ${fmt(total)} runs.`}
        {trials.status === 'done' &&
          `Done: ${fmt(completed)} runs, ${fmt(Math.round(rate))} per second.`}
        {trials.status === 'cancelled' &&
          `Cancelled after ${fmt(completed)} of ${fmt(total)} runs.`}
        {trials.status === 'error' && (
          <span className="error-text">
            Stopped after {fmt(completed)} runs: {trials.error}
          </span>
        )}
      </p>
      {trials.engine === 'simulated' && (
        <p className="trials-engine" data-testid="trials-engine">
          Simulated engine, seed {trials.seed}: one access at a time in a seeded order. The same
          seed gives the same runs.
        </p>
      )}
    </div>
  );
}
