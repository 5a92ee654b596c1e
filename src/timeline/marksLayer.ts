import type { ScaleLinear } from 'd3';
import { KINDS } from './kinds';
import { anchorFor, type Geometry, type XPositions } from './layout';
import type { TimelineModel } from './model';
import { KIND_SYMBOL, kindClass } from './symbols';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Pixels past either edge still drawn, so a shape cut by the edge shows its visible part. */
const EDGE_PX = 16;
/**
 * Accesses past the right edge whose arc is still drawn: an arc joins a write to the read it
 * was built on, and that read may be in view while the write is not.
 */
const ARC_REACH = 64;

/** What the marks need of a view: where each access lands on screen. */
export interface MarksView {
  model: TimelineModel;
  positions: XPositions;
  /** Plot x of a position, zoom included. */
  x: ScaleLinear<number, number>;
  /** The zoom's pan offset (px), x(v) = k·base(v) + tx. */
  tx: number;
  geometry: Geometry;
  /** The accesses in view, [from, to). */
  from: number;
  to: number;
}

export interface MarksLayer {
  /** Show the accesses of `view` as shapes, or none (the canvas is drawing them). */
  draw(view: MarksView | null): void;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * Each access in view as its own SVG shape, grouped by kind so the theme colours a whole
 * group, each write joined to its read by a thin arc. Drawn straight in the DOM on every zoom
 * frame: a shape that stays in view keeps its element and only its transform is updated.
 */
export function createMarksLayer(root: SVGGElement): MarksLayer {
  const links = document.createElementNS(SVG_NS, 'path');
  links.setAttribute('class', 'tl-links');
  root.append(links);
  const groups = KINDS.map((_, kind) => {
    const g = document.createElementNS(SVG_NS, 'g');
    g.setAttribute('class', kindClass(kind));
    root.append(g);
    return g;
  });
  const shapes = new Map<number, { el: SVGPathElement; at: string }>();
  let shown: [number, number] = [0, 0];
  let linksPath = '';
  let shifted = '';

  const clear = (a: number, b: number) => {
    for (let i = a; i < b; i++) {
      const shape = shapes.get(i);
      if (!shape) continue;
      shape.el.remove();
      shapes.delete(i);
    }
  };
  const setLinks = (d: string) => {
    if (d === linksPath) return;
    linksPath = d;
    if (d) links.setAttribute('d', d);
    else links.removeAttribute('d');
  };

  return {
    draw(view) {
      if (!view) {
        clear(shown[0], shown[1]);
        shown = [0, 0];
        setLinks('');
        return;
      }
      const { model, positions, x, geometry } = view;
      const { lanes, laneHeight, plotWidth } = geometry;
      const thread = model.trace.events.thread;
      const a = positions.lowerBound(x.invert(-EDGE_PX));
      const b = positions.lowerBound(x.invert(plotWidth + EDGE_PX));
      // Drop what left the view first, so the map never holds more than the view's worth.
      clear(shown[0], Math.min(shown[1], a));
      clear(Math.max(shown[0], b), shown[1]);
      shown = [a, b];
      // Shapes sit at k·base(x) + anchor, inside the root translated by the rest of the pan:
      // a pan then changes the root's transform alone, and x stays near the view (so exact in
      // single precision) however deep the zoom.
      const shift = round(view.tx - anchorFor(view.tx));
      const at = `translate(${shift},0)`;
      if (at !== shifted) root.setAttribute('transform', (shifted = at));
      const xOf = (i: number) => round(x(positions.at(i)) - shift);
      for (let i = a; i < b; i++) {
        const lane = lanes[thread[i]!];
        if (!lane) continue;
        const place = `translate(${xOf(i)},${lane.y})`;
        let shape = shapes.get(i);
        if (!shape) {
          const kind = model.kind[i]!;
          const el = document.createElementNS(SVG_NS, 'path');
          el.setAttribute('d', KIND_SYMBOL[kind]!);
          groups[kind]!.append(el);
          shape = { el, at: '' };
          shapes.set(i, shape);
        }
        if (shape.at !== place) {
          shape.at = place;
          shape.el.setAttribute('transform', place);
        }
      }
      const rise = laneHeight * 0.55;
      const arcs: string[] = [];
      const arcEnd = Math.min(model.length, view.to + ARC_REACH);
      for (let i = a; i < arcEnd; i++) {
        const source = model.sourceAt(i);
        const lane = lanes[thread[i]!];
        if (source < 0 || !lane || (i >= view.to && source >= view.to)) continue;
        const px = xOf(i);
        const sx = xOf(source);
        const top = round(lane.y - rise);
        arcs.push(`M${sx},${lane.y - 5}C${sx},${top} ${px},${top} ${px},${lane.y - 5}`);
      }
      setLinks(arcs.join(''));
    },
  };
}
