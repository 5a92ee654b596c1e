import { format, type ScaleLinear } from 'd3';
import { memo, useCallback, useId, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { describeFinding } from '../core/describe';
import { useLab } from '../store/labStore';
import { anchorFor, type Geometry, type XPositions } from './layout';
import { findingAt, markersInView, type MarkerGroup, type MarkerLimits } from './markers';
import type { TimelineModel } from './model';

/** Marker elements at most: every write while they fit, fewer (merged) when they do not. */
export const MARKER_LIMITS: MarkerLimits = { single: 400, merged: 160 };
/** Erased writes ringed per finding (first, last, and evenly between); the words say how many. */
const RINGS_PER_FINDING = 5;
/** Erased-write rings (each with its connector) per frame, over all markers in view. */
const MAX_RINGS = 150;

const fmt = format(',');
const round = (v: number) => Math.round(v * 10) / 10;

/** Up to `n` entries of `list`: its first, its last and evenly spaced ones between. */
export function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, k) => list[Math.round((k * (list.length - 1)) / (n - 1))]!);
}

// Marker texts are asked for every frame while zooming; each is worked out once per trace.
const texts = new WeakMap<TimelineModel, Map<string, string>>();

function groupText(model: TimelineModel, g: MarkerGroup): string {
  let cache = texts.get(model);
  if (!cache) texts.set(model, (cache = new Map()));
  const key = `${g.first}:${g.count}:${g.last}`;
  let text = cache.get(key);
  if (text === undefined) cache.set(key, (text = describeGroup(model, g)));
  return text;
}

function describeGroup(model: TimelineModel, g: MarkerGroup): string {
  const finding = g.count === 1 ? findingAt(model.findings, g.first) : undefined;
  if (finding && model.accounting) {
    return `Access #${fmt(g.first)}: ${describeFinding(model.trace, model.accounting, finding)}`;
  }
  const increments = `${fmt(g.erased)} increment${g.erased === 1 ? '' : 's'}`;
  return `${fmt(g.count)} writes erased ${increments} (accesses #${fmt(g.first)}–#${fmt(g.last)}). Zoom in to see each.`;
}

interface Tip {
  key: string;
  text: string;
  /** Where the tooltip points, in the marker layer's coordinates. */
  x: number;
  y: number;
}

/** A marker's group, spread into primitives so memo can compare them. */
interface ItemProps extends MarkerGroup {
  x1: number;
  x2: number;
  y: number;
  text: string;
  showCount: boolean;
  describedBy: string | undefined;
  /** The one marker Tab stops at; the arrow keys move between the others. */
  tabbable: boolean;
  onTip(tip: Tip | null, key: string): void;
  onFocusKey(key: string): void;
}

/** The keys that move focus along the markers, and by how many (Infinity: to the end). */
const MARKER_MOVES: Record<string, number> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
};

/** Focus the marker `by` places after `from` among its siblings, staying within the ends. */
function focusMarker(from: Element, by: number): void {
  const all = Array.from(
    from.parentElement?.querySelectorAll<SVGGElement>(':scope > [data-testid="lost-marker"]') ?? [],
  );
  const at = all.indexOf(from as SVGGElement);
  const to = Math.max(0, Math.min(all.length - 1, at + by));
  all[to]?.focus();
}

/** One marker; memoised, so a pan that keeps its group and place does not touch it. */
const MarkerItem = memo(function MarkerItem({
  x1,
  x2,
  y,
  text,
  showCount,
  describedBy,
  tabbable,
  onTip,
  onFocusKey,
  ...g
}: ItemProps) {
  const key = `${g.lane}:${g.first}`;
  const show = () => onTip({ key, text, x: (x1 + x2) / 2, y: y + 14 }, key);
  const hide = () => onTip(null, key);
  const seek = () => useLab.getState().seek(g.first);
  const onKeyDown = (e: KeyboardEvent) => {
    const move = MARKER_MOVES[e.key];
    if (move !== undefined) focusMarker(e.currentTarget, move);
    else if (e.key === 'Enter' || e.key === ' ') seek();
    else return;
    // Handled here: the timeline's own keys (step, play) must not fire as well.
    e.preventDefault();
    e.stopPropagation();
  };
  const classes = ['tl-lost', g.erased < 0 && 'tl-lost-back', g.count > 1 && 'tl-lost-many'];
  return (
    <g
      className={classes.filter(Boolean).join(' ')}
      data-testid="lost-marker"
      data-index={g.first}
      data-last={g.last}
      data-count={g.count}
      data-erased={g.erased}
      role="button"
      tabIndex={tabbable ? 0 : -1}
      aria-label={text}
      aria-describedby={describedBy}
      onMouseEnter={show}
      onMouseLeave={hide}
      onFocus={() => {
        onFocusKey(key);
        show();
      }}
      onBlur={hide}
      onClick={seek}
      onKeyDown={onKeyDown}
    >
      {g.count === 1 ? (
        <>
          <circle className="tl-lost-ring" cx={x1} cy={y} r={8} />
          {showCount && (
            <text className="tl-lost-count" x={x1 + 9} y={y - 8}>
              {`−${g.erased}`}
            </text>
          )}
        </>
      ) : (
        <rect
          className="tl-lost-span"
          x={x1 - 5}
          y={y - 8}
          width={Math.max(10, x2 - x1 + 10)}
          height={16}
          rx={8}
        />
      )}
    </g>
  );
});

interface MarkersProps {
  model: TimelineModel;
  positions: XPositions;
  base: ScaleLinear<number, number>;
  k: number;
  tx: number;
  geometry: Geometry;
  starts: Int32Array;
  /** Where the tooltip goes: an HTML element over the timeline. */
  tipHost: HTMLElement | null;
}

/**
 * Lost updates, on their own layer above the accesses: each clobbering write ringed, the
 * writes it erased ringed thin, a connector from each erased write to the write that wiped
 * it, and the finding in words on hover and focus. Click (or Enter) moves playback there.
 */
export const Markers = memo(function Markers({
  model,
  positions,
  base,
  k,
  tx,
  geometry,
  starts,
  tipHost,
}: MarkersProps) {
  const [tip, setTip] = useState<Tip | null>(null);
  const onTip = useCallback(
    (next: Tip | null, key: string) => setTip((t) => next ?? (t?.key === key ? null : t)),
    [],
  );
  // Roving focus: Tab reaches one marker (the last one focused, else the first in view), so
  // the rest of the page is not hundreds of Tab presses away.
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const tipId = useId();
  const anchor = anchorFor(tx);
  const groups = markersInView(model.losses, starts, MARKER_LIMITS, -Math.round(tx));
  const lanes = geometry.lanes;
  const thread = model.trace.events.thread;
  const xAt = (i: number) => round(k * base(positions.at(i)) + anchor);
  const keyOf = (g: MarkerGroup) => `${g.lane}:${g.first}`;
  const tabKey =
    focusKey !== null && groups.some((g) => keyOf(g) === focusKey)
      ? focusKey
      : groups[0] && keyOf(groups[0]);

  const rings: string[] = [];
  const connectors: string[] = [];
  const items = groups.map((g, n) => {
    const y = lanes[g.lane]?.y ?? 0;
    const x1 = xAt(g.first);
    const x2 = xAt(g.last);
    const erasedWrites = g.count === 1 ? findingAt(model.findings, g.first)?.erasedWrites : null;
    if (erasedWrites && rings.length < MAX_RINGS) {
      for (const w of spread(erasedWrites, RINGS_PER_FINDING)) {
        const wx = xAt(w);
        const wy = lanes[thread[w]!]?.y ?? y;
        rings.push(`M${wx + 6},${wy}a6,6 0 1,0 -12,0a6,6 0 1,0 12,0`);
        const bend = Math.min(40, Math.abs(x1 - wx) / 2 + 8);
        connectors.push(`M${wx},${wy + 7}C${wx},${wy + bend} ${x1},${y + bend} ${x1},${y + 8}`);
      }
    }
    // A count label fits when the next marker on the lane is far enough to the right.
    const next = groups[n + 1];
    const room = next && next.lane === g.lane ? xAt(next.first) - x2 : Infinity;
    const key = keyOf(g);
    return (
      <MarkerItem
        key={key}
        {...g}
        x1={x1}
        x2={x2}
        y={y}
        text={groupText(model, g)}
        showCount={g.count === 1 && g.erased > 1 && room > 16 + 7 * String(g.erased).length}
        describedBy={tip?.key === key ? tipId : undefined}
        tabbable={key === tabKey}
        onTip={onTip}
        onFocusKey={setFocusKey}
      />
    );
  });

  const shift = round(tx - anchor);
  return (
    <g className="tl-lost-layer" transform={`translate(${shift},0)`}>
      <path className="tl-erased-connector" d={connectors.join('')} />
      <path className="tl-erased-ring" d={rings.join('')} />
      {items}
      {tip &&
        tipHost &&
        createPortal(
          <div
            id={tipId}
            role="tooltip"
            className="tl-tip"
            style={{ left: geometry.gutter + tip.x + shift, top: tip.y }}
          >
            {tip.text}
          </div>,
          tipHost,
        )}
    </g>
  );
});
