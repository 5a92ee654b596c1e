import { memo } from 'react';
import { capitalized, type Scenario } from '../core/scenarioTypes';
import { KIND_LABEL, KINDS } from './kinds';
import { KIND_SYMBOL, kindClass } from './symbols';

/** Which kinds a strategy can produce, so the legend lists only what can appear. */
const KINDS_OF: Record<string, readonly number[]> = {
  read: [0],
  write: [1],
  add: [2],
  cas: [3, 4],
  lock: [5],
  unlock: [6],
};

const Swatch = ({ children }: { children: React.ReactNode }) => (
  <svg className="tl-swatch" width={18} height={18} viewBox="-9 -9 18 18" aria-hidden="true">
    {children}
  </svg>
);

/**
 * Shapes and colours of the timeline, and what the lost-update marks mean in the scenario's
 * words; the ideal line only where the chart draws one (not for a claim's owner ids).
 */
export const Legend = memo(function Legend({
  ops,
  scenario,
}: {
  ops: readonly string[];
  scenario: Scenario;
}) {
  const kinds = [...new Set(['read', ...ops].flatMap((op) => KINDS_OF[op] ?? []))].sort();
  return (
    <ul className="tl-legend" aria-label="Legend">
      {kinds.map((kind) => (
        <li key={kind}>
          <Swatch>
            <path className={kindClass(kind)} d={KIND_SYMBOL[kind]} />
          </Swatch>
          {KIND_LABEL[KINDS[kind]!]}
        </li>
      ))}
      <li>
        <Swatch>
          <circle className="tl-lost-ring" r={7} />
        </Swatch>
        Write that erased {scenario.unit}s
      </li>
      <li>
        <Swatch>
          <circle className="tl-erased-ring" r={6} />
        </Swatch>
        Erased write
      </li>
      <li>
        <Swatch>
          <line className="tl-counter" x1={-8} x2={8} />
        </Swatch>
        {capitalized(scenario.chartLabel)}
      </li>
      {scenario.asIncrements && (
        <li>
          <Swatch>
            <line className="tl-ideal" x1={-8} x2={8} />
          </Swatch>
          No {scenario.unit} lost
        </li>
      )}
    </ul>
  );
});
