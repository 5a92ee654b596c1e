import { format, scaleLinear } from 'd3';
import { memo } from 'react';
import type { Geometry } from './layout';

const whole = format(',');

/**
 * The frame of the counter chart: its baseline and scale. The lines themselves are per
 * pixel column and painted on the canvas (see CanvasLayer).
 */
export const ChartFrame = memo(function ChartFrame({
  max,
  geometry,
}: {
  max: number;
  geometry: Geometry;
}) {
  const { chartTop, chartHeight, plotWidth } = geometry;
  const y = scaleLinear()
    .domain([0, Math.max(1, max)])
    .range([chartTop + chartHeight, chartTop]);
  return (
    <g className="tl-chart">
      <line className="tl-chart-base" x1={0} x2={plotWidth} y1={y(0)} y2={y(0)} />
      <text className="tl-chart-tick" x={-6} y={y(max)} dy="0.35em" textAnchor="end">
        {whole(max)}
      </text>
      <text className="tl-chart-tick" x={-6} y={y(0)} dy="0.35em" textAnchor="end">
        0
      </text>
    </g>
  );
});
