import { useCallback, useMemo } from 'react';
import type { TrialSeries } from '../../core/trialStats';
import { shapeKey } from '../../store/explorerSlice';
import { selectExplorer, selectTrials } from '../../store/explorerSelectors';
import { useLab } from '../../store/labStore';
import { valueDomain } from './histogramModel';
import { TrialsHistogram } from './TrialsHistogram';
import { TrialsTable } from './TrialsTable';

/** The histograms, one per strategy side by side on one shared axis, and their table. */
export function TrialsResults() {
  const trials = useLab(selectTrials);
  const explorer = useLab(selectExplorer);
  const { series, config } = trials;
  // The explorer's answer applies only when it searched the shape these trials ran.
  const results = config && explorer.shape === shapeKey(config) ? explorer.results : null;
  const reachableOf = useCallback(
    (s: TrialSeries) => results?.[s.strategy]?.finals ?? null,
    [results],
  );
  const domain = useMemo(() => {
    const lists = series.flatMap((s) => [s.finals, reachableOf(s) ?? []]);
    return valueDomain(lists, series[0]?.expected ?? 0);
  }, [series, reachableOf]);
  if (series.length === 0) return null;
  return (
    <div className="trials-results">
      <div className="histograms">
        {series.map((s) => (
          <TrialsHistogram key={s.strategy} series={s} domain={domain} reachable={reachableOf(s)} />
        ))}
      </div>
      <TrialsTable series={series} reachableOf={reachableOf} />
    </div>
  );
}
