import type { ScaleLinear } from 'd3';
import { anchorFor, type Geometry, type XPositions } from './layout';
import { markersInView, type MarkerGroup, type MarkerLimits } from './markers';
import { groupText } from './markerText';
import { modelFinding, type TimelineModel } from './model';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Marker elements at most: every write while they fit, fewer (merged) when they do not. */
export const MARKER_LIMITS: MarkerLimits = { single: 400, merged: 160 };
/** Erased writes ringed per finding (first, last, and evenly between); the words say how many. */
const RINGS_PER_FINDING = 5;
/** Erased-write rings (each with its connector) per frame, over all markers in view. */
const MAX_RINGS = 150;
/** New marker elements a draw makes however late it is, so a sliced first draw always ends. */
const MIN_NEW_PER_DRAW = 16;

const round = (v: number) => Math.round(v * 10) / 10;

/** Up to `n` entries of `list`: its first, its last and evenly spaced ones between. */
export function spread<T>(list: ArrayLike<T>, n: number): T[] {
  if (list.length <= n) return Array.from(list);
  return Array.from({ length: n }, (_, k) => list[Math.round((k * (list.length - 1)) / (n - 1))]!);
}

/** What the markers need of a view. */
export interface MarkerView {
  model: TimelineModel;
  positions: XPositions;
  x: ScaleLinear<number, number>;
  geometry: Geometry;
  starts: Int32Array;
  /** The zoom's pan offset (px): merging buckets are counted from it, so a pan keeps groups. */
  tx: number;
}

export interface MarkerLayer {
  /**
   * Draw the markers of `view`. Past `deadline` (performance.now()) no new marker element is
   * made: a first draw of hundreds is spread over tasks that each draw again. True when every
   * marker in view has its element.
   */
  draw(view: MarkerView, deadline?: number): boolean;
  /** The marker element of key `lane:first`, while it is drawn. */
  element(key: string): SVGGElement | undefined;
  /** Where that marker's middle is, in plot coordinates (pan included). */
  centre(key: string): { x: number; y: number } | undefined;
  /**
   * A marker took focus: it becomes the one Tab stops at. (Told by the view's delegated
   * handler: a focus listener on an SVG element would make Chromium focus the element itself.)
   */
  focused(marker: Element): void;
  /** Move keyboard focus `by` markers along from `from` (±Infinity: to the ends). */
  moveFocus(from: Element, by: number): void;
}

/** The key of a marker element (see MarkerLayer.element). */
export const markerKey = (el: Element): string =>
  `${el.getAttribute('data-lane')}:${el.getAttribute('data-index')}`;

/** An element and the attribute values last written to it, so unchanged ones are not set. */
class Attrs<E extends Element = Element> {
  private readonly last: Record<string, string> = {};
  constructor(readonly el: E) {}
  set(name: string, value: string): void {
    if (this.last[name] === value) return;
    this.last[name] = value;
    this.el.setAttribute(name, value);
  }
}

interface Item {
  g: Attrs<SVGGElement>;
  shape: Attrs<SVGCircleElement | SVGRectElement>;
  count: Attrs<SVGTextElement> | null;
  centre: { x: number; y: number };
}

/** A count label's character, at most, in px. */
const COUNT_CHAR_WIDTH = 7;

/**
 * Lost updates, on their own layer above the accesses: each clobbering write ringed, the
 * writes it erased ringed thin, a connector from each erased write to the write that wiped
 * it. Drawn straight in the DOM on every zoom frame; a marker that stays in view keeps its
 * element (and so its focus). Hover, focus, click and keys are the view's, by delegation.
 */
export function createMarkerLayer(root: SVGGElement): MarkerLayer {
  const connectors = document.createElementNS(SVG_NS, 'path');
  connectors.setAttribute('class', 'tl-erased-connector');
  const rings = document.createElementNS(SVG_NS, 'path');
  rings.setAttribute('class', 'tl-erased-ring');
  root.append(connectors, rings);
  const items = new Map<string, Item>();
  // Roving focus: Tab reaches one marker (the last one focused, else the first in view), so
  // the rest of the page is not hundreds of Tab presses away; arrow keys walk the others.
  let focusKey: string | null = null;
  // The markers in view, in the order the arrow keys walk them (the order they are drawn).
  let order: string[] = [];
  // What the layer's own attributes were last set to.
  const drawn = { shift: '', rings: '', connectors: '' };
  let shiftBy = 0;
  const setPath = (el: SVGPathElement, which: 'rings' | 'connectors', d: string) => {
    if (drawn[which] === d) return;
    drawn[which] = d;
    el.setAttribute('d', d);
  };

  const create = (many: boolean): Item => {
    const el = document.createElementNS(SVG_NS, 'g');
    el.setAttribute('data-testid', 'lost-marker');
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '-1');
    const shape = document.createElementNS(SVG_NS, many ? 'rect' : 'circle');
    el.append(shape);
    root.append(el);
    return { g: new Attrs(el), shape: new Attrs(shape), count: null, centre: { x: 0, y: 0 } };
  };

  return {
    element: (key) => items.get(key)?.g.el,
    centre: (key) => {
      const item = items.get(key);
      return item && { x: item.centre.x + shiftBy, y: item.centre.y };
    },
    focused(marker) {
      focusKey = markerKey(marker);
      for (const [key, item] of items) item.g.set('tabindex', key === focusKey ? '0' : '-1');
    },
    moveFocus(from, by) {
      const at = order.indexOf(markerKey(from));
      const to = order[Math.max(0, Math.min(order.length - 1, at + by))];
      if (to !== undefined) items.get(to)?.g.el.focus();
    },
    draw({ model, positions, x, geometry, starts, tx }, deadline = Infinity) {
      const groups = markersInView(model.losses, starts, MARKER_LIMITS, -Math.round(tx));
      const keyOf = (g: MarkerGroup) => `${g.lane}:${g.first}`;
      const keys = groups.map(keyOf);
      // The first marker in view always has its element: a draw makes it first if need be.
      const tabKey = focusKey !== null && keys.includes(focusKey) ? focusKey : keys[0];
      order = [];
      let made = 0;
      const lanes = geometry.lanes;
      const thread = model.trace.events.thread;
      // As the marks (see marksLayer): x = k·base(x) + anchor, the rest of the pan on the root,
      // so a pan that keeps the groups rewrites one attribute.
      const shift = round(tx - anchorFor(tx));
      shiftBy = shift;
      const at = `translate(${shift},0)`;
      if (at !== drawn.shift) root.setAttribute('transform', (drawn.shift = at));
      const xAt = (i: number) => round(x(positions.at(i)) - shift);
      const ringPaths: string[] = [];
      const connectorPaths: string[] = [];
      const seen = new Set<string>();
      groups.forEach((g, n) => {
        const y = lanes[g.lane]?.y ?? 0;
        const x1 = xAt(g.first);
        const x2 = xAt(g.last);
        const erasedWrites = g.count === 1 ? modelFinding(model, g.first)?.erasedWrites : null;
        if (erasedWrites && ringPaths.length < MAX_RINGS) {
          for (const w of spread(erasedWrites, RINGS_PER_FINDING)) {
            const wx = xAt(w);
            const wy = lanes[thread[w]!]?.y ?? y;
            ringPaths.push(`M${wx + 6},${wy}a6,6 0 1,0 -12,0a6,6 0 1,0 12,0`);
            const bend = Math.min(40, Math.abs(x1 - wx) / 2 + 8);
            connectorPaths.push(
              `M${wx},${wy + 7}C${wx},${wy + bend} ${x1},${y + bend} ${x1},${y + 8}`,
            );
          }
        }
        const key = keys[n]!;
        let item = items.get(key);
        // New elements while time is left, and a few however late, so every task gets further.
        if (!item && made >= MIN_NEW_PER_DRAW && performance.now() >= deadline) return;
        if (!item) made++;
        seen.add(key);
        order.push(key);
        const many = g.count > 1;
        if (item && (item.shape.el.localName === 'rect') !== many) {
          // A single merged with its neighbours (or split out again): same element, new shape.
          const shape = document.createElementNS(SVG_NS, many ? 'rect' : 'circle');
          item.shape.el.replaceWith(shape);
          item.shape = new Attrs(shape);
        }
        if (!item) items.set(key, (item = create(many)));
        const { g: el, shape } = item;
        const classes = ['tl-lost', g.erased < 0 && 'tl-lost-back', many && 'tl-lost-many'];
        el.set('class', classes.filter(Boolean).join(' '));
        el.set('data-lane', String(g.lane));
        el.set('data-index', String(g.first));
        el.set('data-last', String(g.last));
        el.set('data-count', String(g.count));
        el.set('data-erased', String(g.erased));
        el.set('aria-label', groupText(model, g));
        el.set('tabindex', key === tabKey ? '0' : '-1');
        item.centre.x = (x1 + x2) / 2;
        item.centre.y = y;
        if (many) {
          shape.set('class', 'tl-lost-span');
          shape.set('x', String(round(x1 - 5)));
          shape.set('y', String(y - 8));
          shape.set('width', String(round(Math.max(10, x2 - x1 + 10))));
          shape.set('height', '16');
          shape.set('rx', '8');
        } else {
          shape.set('class', 'tl-lost-ring');
          shape.set('cx', String(x1));
          shape.set('cy', String(y));
          shape.set('r', '8');
        }
        // A count label fits when the next marker on the lane is far enough to the right.
        const next = groups[n + 1];
        const room = next && next.lane === g.lane ? xAt(next.first) - x2 : Infinity;
        const showCount =
          !many && g.erased > 1 && room > 16 + COUNT_CHAR_WIDTH * String(g.erased).length;
        if (showCount) {
          if (!item.count) {
            const text = document.createElementNS(SVG_NS, 'text');
            text.setAttribute('class', 'tl-lost-count');
            el.el.append(text);
            item.count = new Attrs(text);
          }
          const label = `−${g.erased}`;
          // Inside the plot: a marker near its right edge (a narrow screen) puts it on its left.
          const left = x1 + shift + 9 + COUNT_CHAR_WIDTH * label.length > geometry.plotWidth;
          item.count.set('x', String(round(left ? x1 - 9 : x1 + 9)));
          item.count.set('text-anchor', left ? 'end' : 'start');
          item.count.set('y', String(y - 8));
          if (item.count.el.textContent !== label) item.count.el.textContent = label;
        } else if (item.count) {
          item.count.el.remove();
          item.count = null;
        }
      });
      for (const [key, item] of items) {
        if (seen.has(key)) continue;
        item.g.el.remove();
        items.delete(key);
      }
      setPath(connectors, 'connectors', connectorPaths.join(''));
      setPath(rings, 'rings', ringPaths.join(''));
      return order.length === groups.length;
    },
  };
}
