import { scaleLinear } from 'd3';
import { useMemo } from 'react';
import { STRATEGIES } from '../../core/strategies';
import type { TrialSeries } from '../../core/trialStats';
import { describeValues, histogramBins } from './histogramModel';

interface Props {
  series: TrialSeries;
  /** Shared by every strategy's histogram, so they compare bar for bar. */
  domain: [number, number];
  /** Finals the explorer found reachable for this strategy, or null when not explored. */
  reachable: readonly number[] | null;
}

const W = 400;
const H = 190;
const M = { top: 10, right: 22, bottom: 36, left: 44 };
/** Height of the hollow bar that marks a value some schedule reaches but no run did. */
const POSSIBLE_H = 14;

const fmt = (n: number) => n.toLocaleString('en');
const span = (x0: number, x1: number) => (x1 - x0 === 1 ? fmt(x0) : `${fmt(x0)}–${fmt(x1 - 1)}`);

/** One strategy's final values as bars: D3 computes bins and scales, React draws them. */
export function TrialsHistogram({ series, domain, reachable }: Props) {
  const bins = useMemo(
    () => histogramBins(series.finals, domain, reachable),
    [series.finals, domain, reachable],
  );
  const unit = bins.every((b) => b.x1 - b.x0 === 1);
  const x = scaleLinear()
    .domain([bins[0]!.x0, bins.at(-1)!.x1])
    .range([M.left, W - M.right]);
  const top = Math.max(1, ...bins.map((b) => b.count));
  const y = scaleLinear()
    .domain([0, top])
    .nice()
    .range([H - M.bottom, M.top]);
  // With a bar per value a tick labels the bar's middle; with wider bars, a boundary.
  const at = (v: number) => (unit ? x(v + 0.5) : x(v));
  const end = bins.at(-1)!.x1;
  const xTicks = x.ticks(Math.min(6, bins.length)).filter((v) => Number.isInteger(v) && v < end);
  const yTicks = y.ticks(4).filter(Number.isInteger);
  const unseen = bins.filter((b) => b.count === 0 && b.reachable);
  const label = STRATEGIES[series.strategy].label;
  const runs = series.finals.length;
  const summary = `${label}: ${fmt(runs)} runs; expected ${fmt(series.expected)}.`;
  return (
    <figure
      className="histogram"
      data-testid="histogram"
      data-strategy={series.strategy}
      data-runs={runs}
      data-unseen={unseen.map((b) => b.x0).join(',')}
    >
      <figcaption>{label}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <g className="axis">
          {yTicks.map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line className="grid" x1={M.left} x2={W - M.right} />
              <text x={M.left - 6} dy="0.32em" textAnchor="end">
                {fmt(t)}
              </text>
            </g>
          ))}
        </g>
        <g>
          {bins.map((b) => {
            const x0 = x(b.x0) + 1;
            const width = Math.max(1, x(b.x1) - x(b.x0) - 2);
            if (b.count === 0 && b.reachable) {
              return (
                <rect
                  key={b.x0}
                  className="bar-possible"
                  data-testid="possible-unseen"
                  data-value={b.x0}
                  x={x0}
                  y={y(0) - POSSIBLE_H}
                  width={width}
                  height={POSSIBLE_H}
                >
                  <title>{`${span(b.x0, b.x1)}: possible, not seen`}</title>
                </rect>
              );
            }
            if (b.count === 0) return null;
            return (
              <rect
                key={b.x0}
                className={b.x1 <= series.expected ? 'bar bar-lost' : 'bar bar-ok'}
                data-value={b.x0}
                data-count={b.count}
                x={x0}
                y={y(b.count)}
                width={width}
                height={y(0) - y(b.count)}
              >
                <title>{`${span(b.x0, b.x1)}: ${fmt(b.count)} ${b.count === 1 ? 'run' : 'runs'}`}</title>
              </rect>
            );
          })}
        </g>
        <line
          className="expected-line"
          x1={at(series.expected)}
          x2={at(series.expected)}
          y1={M.top}
          y2={H - M.bottom}
        >
          <title>{`Expected: ${fmt(series.expected)}`}</title>
        </line>
        <g className="axis" transform={`translate(0,${H - M.bottom})`}>
          <line x1={M.left} x2={W - M.right} />
          {xTicks.map((t) => (
            <g key={t} transform={`translate(${at(t)},0)`}>
              <line y2={5} />
              <text y={17} textAnchor="middle">
                {fmt(t)}
              </text>
            </g>
          ))}
          <text className="axis-label" x={(M.left + W - M.right) / 2} y={32} textAnchor="middle">
            Final value
          </text>
        </g>
      </svg>
      {unseen.length > 0 && (
        <p className="histogram-legend">
          <span className="swatch-possible" aria-hidden="true" /> possible, not seen:{' '}
          {unit
            ? describeValues(unseen.map((b) => b.x0))
            : unseen.map((b) => span(b.x0, b.x1)).join(', ')}
        </p>
      )}
    </figure>
  );
}
