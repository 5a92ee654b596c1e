import { memo } from 'react';
import { labelIndent, type Geometry } from './layout';

/** Lane labels in the left margin, indented and joined as the process tree. */
export const Gutter = memo(function Gutter({ geometry }: { geometry: Geometry }) {
  const { lanes, laneHeight, lanesTop } = geometry;
  return (
    <g className="tl-gutter">
      {lanes.map((lane) => {
        const x = labelIndent(lane.depth);
        const parent = lane.parentY === null ? null : labelIndent(lane.depth - 1) + 3;
        return (
          <g key={lane.thread}>
            {parent !== null && lane.parentY !== null && (
              <path
                className="tl-tree"
                d={`M${parent},${lane.parentY + 6}V${lane.y}H${x - 3}`}
                aria-hidden="true"
              />
            )}
            <text className={`tl-label tl-role-${lane.role}`} x={x} y={lane.y} dy="0.35em">
              <title>{lane.fullName}</title>
              {lane.name}
            </text>
          </g>
        );
      })}
      <text className="tl-chart-label" x={8} y={lanesTop - laneHeight * 1.6}>
        counter
      </text>
    </g>
  );
});

/** Faint bands behind alternate lanes across the plot, so a mark's lane is easy to follow. */
export const LaneBands = memo(function LaneBands({ geometry }: { geometry: Geometry }) {
  const { lanes, laneHeight, plotWidth } = geometry;
  return (
    <g className="tl-bands" aria-hidden="true">
      {lanes.map((lane, row) => (
        <rect
          key={lane.thread}
          className={row % 2 ? 'tl-band tl-band-odd' : 'tl-band'}
          x={0}
          y={lane.y - laneHeight / 2}
          width={plotWidth}
          height={laneHeight}
        />
      ))}
    </g>
  );
});
