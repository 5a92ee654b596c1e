import { memo } from 'react';
import { useLab } from '../store/labStore';
import { labelIndent, type Geometry } from './layout';
import type { LaneStep } from './stepLanes';

/** In step mode, per leaf lane: what a click on it does (see laneSteps); null otherwise. */
type Steps = ReadonlyMap<number, LaneStep> | null;

const stepClass = (step: LaneStep | undefined): string =>
  step ? (step.can ? ' tl-steppable' : ' tl-step-blocked') : '';

const onStep = (step: LaneStep | undefined) =>
  step?.can ? () => void useLab.getState().stepThread(step.thread) : undefined;

/** Lane labels in the left margin, indented and joined as the process tree. */
export const Gutter = memo(function Gutter({
  geometry,
  steps,
  chartLabel,
}: {
  geometry: Geometry;
  steps: Steps;
  /** The value chart's name: the scenario's shared cell. */
  chartLabel: string;
}) {
  const { lanes, laneHeight, lanesTop } = geometry;
  return (
    <g className="tl-gutter">
      {lanes.map((lane) => {
        const x = labelIndent(lane.depth);
        const parent = lane.parentY === null ? null : labelIndent(lane.depth - 1) + 3;
        const step = steps?.get(lane.thread);
        return (
          <g key={lane.thread}>
            {parent !== null && lane.parentY !== null && (
              <path
                className="tl-tree"
                d={`M${parent},${lane.parentY + 6}V${lane.y}H${x - 3}`}
                aria-hidden="true"
              />
            )}
            <text
              className={`tl-label tl-role-${lane.role}${stepClass(step)}`}
              x={x}
              y={lane.y}
              dy="0.35em"
              onClick={onStep(step)}
            >
              <title>{step ? step.title : lane.fullName}</title>
              {lane.name}
            </text>
          </g>
        );
      })}
      <text className="tl-chart-label" x={8} y={lanesTop - laneHeight * 1.6}>
        {chartLabel}
      </text>
    </g>
  );
});

/**
 * Faint bands behind alternate lanes across the plot, so a mark's lane is easy to follow. In
 * step mode a leaf's band is where a click steps that worker; a band whose worker cannot move
 * says why in its tooltip and does nothing.
 */
export const LaneBands = memo(function LaneBands({
  geometry,
  steps,
}: {
  geometry: Geometry;
  steps: Steps;
}) {
  const { lanes, laneHeight, plotWidth } = geometry;
  return (
    <g className="tl-bands" aria-hidden="true">
      {lanes.map((lane, row) => {
        const step = steps?.get(lane.thread);
        return (
          <rect
            key={lane.thread}
            className={`tl-band${row % 2 ? ' tl-band-odd' : ''}${stepClass(step)}`}
            data-testid="lane"
            data-thread={lane.thread}
            data-steppable={step ? String(step.can) : undefined}
            x={0}
            y={lane.y - laneHeight / 2}
            width={plotWidth}
            height={laneHeight}
            onClick={onStep(step)}
          >
            {step && <title>{step.title}</title>}
          </rect>
        );
      })}
    </g>
  );
});
