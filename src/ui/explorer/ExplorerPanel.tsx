import { useEffect } from 'react';
import { useLab } from '../../store/labStore';
import './explorer.css';
import { ReachableOutcomes } from './ReachableOutcomes';
import { TrialsControls } from './TrialsControls';
import { TrialsResults } from './TrialsResults';

/**
 * "What can happen": many real runs of one configuration as a histogram, beside the exact set
 * of values an exhaustive search says a run can end at.
 */
export function ExplorerPanel() {
  useEffect(() => {
    // A hidden setting for measurements: `trialsPool=fresh` starts new workers for every trial.
    if (new URLSearchParams(location.search).get('trialsPool') === 'fresh') {
      useLab.getState().setTrialsPool('fresh');
    }
  }, []);
  return (
    <section className="panel explorer" data-testid="explorer" aria-labelledby="explorer-heading">
      <h2 id="explorer-heading">What can happen</h2>
      <p className="explorer-intro">
        One run shows one interleaving. Run the same settings many times to see how often updates
        are lost, or search every interleaving for the values a run can end at.
      </p>
      <div className="explorer-actions">
        <TrialsControls />
        <ReachableOutcomes />
      </div>
      <TrialsResults />
      <p className="explorer-note">
        The lock, atomic and compare-and-swap strategies have exactly one reachable outcome: workers
        × increments. Racy and lock-each runs can end anywhere from 2 (with at least two increments
        each) up to that total.
      </p>
    </section>
  );
}
