import type { ScaleLinear } from 'd3';
import { memo, type ReactElement } from 'react';
import { KINDS } from './kinds';
import { anchorFor, type Geometry, type XPositions } from './layout';
import type { TimelineModel } from './model';
import { KIND_SYMBOL, kindClass } from './symbols';

/** Accesses per memoised block: panning re-renders only the blocks entering the view. */
const BLOCK = 128;

interface BlockProps {
  model: TimelineModel;
  positions: XPositions;
  base: ScaleLinear<number, number>;
  k: number;
  /** Added to every x, so x stays near the view whatever the zoom (see SvgMarks). */
  anchor: number;
  geometry: Geometry;
  start: number;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * One block of accesses as SVG shapes, grouped by kind so the theme colours a whole group,
 * each write joined to its read by a thin arc. Its x depends only on zoom scale and anchor,
 * not on the pan offset, so during a drag it is not re-rendered at all.
 */
const MarkBlock = memo(function MarkBlock({
  model,
  positions,
  base,
  k,
  anchor,
  geometry,
  start,
}: BlockProps) {
  const { lanes, laneHeight } = geometry;
  const byKind: ReactElement[][] = KINDS.map(() => []);
  const links: string[] = [];
  const thread = model.trace.events.thread;
  const rise = laneHeight * 0.55;
  const xOf = (i: number) => round(k * base(positions.at(i)) + anchor);
  const end = Math.min(model.length, start + BLOCK);
  for (let i = start; i < end; i++) {
    const lane = lanes[thread[i]!];
    if (!lane) continue;
    const px = xOf(i);
    const kind = model.kind[i]!;
    byKind[kind]!.push(
      <path key={i} d={KIND_SYMBOL[kind]} transform={`translate(${px},${lane.y})`} />,
    );
    const source = model.sourceAt(i);
    if (source >= 0) {
      const sx = xOf(source);
      const top = lane.y - rise;
      links.push(`M${sx},${lane.y - 5}C${sx},${top} ${px},${top} ${px},${lane.y - 5}`);
    }
  }
  return (
    <g>
      {links.length > 0 && <path className="tl-links" d={links.join('')} />}
      {byKind.map((marks, kind) =>
        marks.length ? (
          <g key={kind} className={kindClass(kind)}>
            {marks}
          </g>
        ) : null,
      )}
    </g>
  );
});

interface MarksProps {
  model: TimelineModel;
  positions: XPositions;
  base: ScaleLinear<number, number>;
  /** Zoom scale and offset (d3 ZoomTransform k and x). */
  k: number;
  tx: number;
  geometry: Geometry;
  from: number;
  to: number;
}

/** Each access in view as its own SVG shape: used when few are in view. */
export const SvgMarks = memo(function SvgMarks({
  model,
  positions,
  base,
  k,
  tx,
  geometry,
  from,
  to,
}: MarksProps) {
  // Screen x = (k·base + anchor) + (tx − anchor): blocks add the anchor, the group the rest.
  const anchor = anchorFor(tx);
  const blocks: ReactElement[] = [];
  // One block either side, so an arc from a read just out of view is still drawn.
  const first = Math.max(0, Math.floor(from / BLOCK) - 1);
  const last = Math.floor(Math.max(from, to - 1) / BLOCK) + 1;
  for (let b = first; b <= last && b * BLOCK < model.length; b++) {
    blocks.push(
      <MarkBlock
        key={b}
        model={model}
        positions={positions}
        base={base}
        k={k}
        anchor={anchor}
        geometry={geometry}
        start={b * BLOCK}
      />,
    );
  }
  return (
    <g className="tl-marks" transform={`translate(${round(tx - anchor)},0)`}>
      {blocks}
    </g>
  );
});
