import { useId, useState } from 'react';
import { scenarioOf, strategyOf } from '../../core/scenarios';
import { OutcomeTable } from './OutcomeTable';
import { shapeKey, type ExploreStatus } from '../../store/explorerSlice';
import { selectExplorer, selectRunConfig } from '../../store/explorerSelectors';
import { useLab } from '../../store/labStore';
import { describeValues } from './histogramModel';

const fmt = (n: number) => n.toLocaleString('en');

/** The readout's data-state: 'done' only while it shows an answer for the current config. */
function readoutState(status: ExploreStatus, answered: boolean): string {
  if (status === 'exploring') return 'exploring';
  if (answered) return 'done';
  return status === 'done' ? 'idle' : status;
}

/** "Explore outcomes": the exact set of finals, and a way to see a schedule for any of them. */
export function ReachableOutcomes() {
  const explorer = useLab(selectExplorer);
  const config = useLab(selectRunConfig);
  const { explore, stopExploring, showHow } = useLab.getState();
  const selectId = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const exploring = explorer.status === 'exploring';
  // Results describe the config they were found for; after a change they say nothing.
  const current =
    explorer.shape === shapeKey(config) ? (explorer.results[config.strategy] ?? null) : null;
  const finals = current?.finals ?? [];
  // Where an outcome is more than the final value, "show how" has no single value to aim at.
  const byFinal = !scenarioOf(config).countsWins;
  const outcomes = current?.outcomes ?? [];
  const target = chosen !== null && finals.includes(chosen) ? chosen : (finals[0] ?? null);
  const searching = explorer.witness.status === 'searching';
  return (
    <div className="reachable-outcomes">
      <div className="run-buttons">
        <button type="button" disabled={exploring} onClick={() => void explore()}>
          Explore outcomes
        </button>
        {exploring && (
          <button type="button" onClick={stopExploring}>
            Stop exploring
          </button>
        )}
      </div>
      <p
        className="reachable"
        data-testid="reachable"
        data-state={readoutState(explorer.status, current !== null)}
        data-values={current ? outcomes.join(',') : undefined}
        data-states={current?.states}
        data-complete={current ? String(current.complete) : undefined}
        aria-live="polite"
      >
        {exploring && 'Searching every interleaving…'}
        {!exploring && !current && explorer.status === 'error' && (
          <span className="error-text">The search failed: {explorer.error}</span>
        )}
        {!exploring && !current && explorer.status === 'stopped' && 'The search was stopped.'}
        {!exploring &&
          !current &&
          (explorer.status === 'idle' || explorer.status === 'done') &&
          'Explore outcomes lists every final value some interleaving of these workers can reach.'}
        {current && current.complete && !byFinal && (
          <>
            {strategyOf(config).label}: {fmt(outcomes.length)} reachable{' '}
            {outcomes.length === 1 ? 'outcome' : 'outcomes'} ({fmt(current.states)} states
            searched).
          </>
        )}
        {current && current.complete && byFinal && (
          <>
            {strategyOf(config).label}: a run can end at <strong>{describeValues(finals)}</strong> (
            {fmt(finals.length)} {finals.length === 1 ? 'value' : 'values'}; {fmt(current.states)}{' '}
            states searched).
          </>
        )}
        {current && !current.complete && (
          <>
            {current.message}
            {finals.length > 0 && ` Reachable among those searched: ${describeValues(finals)}.`}
          </>
        )}
      </p>
      {current && !byFinal && <OutcomeTable scenario={config.scenario} outcomes={outcomes} />}
      {byFinal && finals.length > 0 && (
        <div className="show-how">
          <label htmlFor={selectId}>Show me how it ends at</label>
          <select
            id={selectId}
            value={target ?? ''}
            onChange={(e) => setChosen(Number(e.target.value))}
          >
            {finals.map((v) => (
              <option key={v} value={v}>
                {fmt(v)}
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={searching || target === null}
            onClick={() => target !== null && void showHow(target)}
          >
            Show how
          </button>
        </div>
      )}
      {searching && <p className="witness-status">Finding a schedule…</p>}
      {explorer.witness.status === 'error' && (
        <p className="witness-status error-text">{explorer.witness.error}</p>
      )}
    </div>
  );
}
