import { format, type ScaleLinear } from 'd3';
import { memo } from 'react';
import type { XMode } from './layout';

const whole = format(',');
const ms = format(',.3~f');

/**
 * The x axis: ticks computed by the d3 scale, drawn by React. In order mode a tick names an
 * access and sits on it (the centre of its slot); in wall mode it is milliseconds.
 */
export const Axis = memo(function Axis({
  x,
  mode,
  top,
  width,
}: {
  x: ScaleLinear<number, number>;
  mode: XMode;
  top: number;
  width: number;
}) {
  const ticks = x.ticks(Math.max(2, Math.floor(width / 110)));
  const shown = mode === 'order' ? ticks.filter(Number.isInteger) : ticks;
  const at = (v: number) => (mode === 'order' ? x(v + 0.5) : x(v));
  return (
    <g className="tl-axis" transform={`translate(0,${top})`}>
      <line className="tl-axis-line" x1={0} x2={width} />
      {shown.map((v) => {
        const px = at(v);
        if (px < 0 || px > width) return null;
        return (
          <g key={v} transform={`translate(${px},0)`}>
            <line className="tl-tick" y2={5} />
            <text className="tl-tick-label" y={16} textAnchor="middle">
              {mode === 'order' ? whole(v) : ms(v)}
            </text>
          </g>
        );
      })}
      <text className="tl-axis-title" x={width} y={28} textAnchor="end">
        {mode === 'order' ? 'accesses, in global order' : 'wall time (ms since start)'}
      </text>
    </g>
  );
});
