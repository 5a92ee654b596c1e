import { STRATEGIES } from '../../core/strategies';
import { summarizeFinals, type TrialSeries } from '../../core/trialStats';
import { ScrollBox } from '../ScrollBox';
import { describeValues } from './histogramModel';

interface Props {
  series: readonly TrialSeries[];
  /** Reachable finals per strategy, where explored. */
  reachableOf(series: TrialSeries): readonly number[] | null;
}

const fmt = (n: number, digits = 0) =>
  Number.isNaN(n)
    ? '—'
    : n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Per strategy: runs, share of runs that lost updates, mean, min and max final value. */
export function TrialsTable({ series, reachableOf }: Props) {
  const rows = series.map((s) => ({ s, sum: summarizeFinals(s.finals, s.expected) }));
  return (
    <ScrollBox label="Final values by strategy">
      <table className="trials-table" data-testid="trials-table">
        <caption>Final values by strategy</caption>
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col">Runs</th>
            <th scope="col">Runs that lost updates</th>
            <th scope="col">Mean</th>
            <th scope="col">Min</th>
            <th scope="col">Max</th>
            <th scope="col">Reachable values</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ s, sum }) => {
            const reachable = reachableOf(s);
            return (
              <tr
                key={s.strategy}
                data-strategy={s.strategy}
                data-runs={sum.runs}
                data-lost-runs={sum.lostRuns}
              >
                <th scope="row">{STRATEGIES[s.strategy].label}</th>
                <td>{fmt(sum.runs)}</td>
                <td className={sum.lostRuns > 0 ? 'lost' : undefined}>
                  {sum.runs === 0 ? '—' : `${fmt(sum.lostShare * 100, 1)}%`}
                </td>
                <td>{fmt(sum.mean, 1)}</td>
                <td>{fmt(sum.min)}</td>
                <td>{fmt(sum.max)}</td>
                <td>{reachable?.length ? describeValues(reachable) : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}
