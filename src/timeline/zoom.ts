import { select, zoom, zoomIdentity, zoomTransform, type ZoomTransform } from 'd3';

export interface ZoomOptions {
  /** The plot's size in CSS pixels: the zoom extent and the limit of panning. */
  width: number;
  height: number;
  maxScale: number;
}

export interface ZoomController {
  update(options: ZoomOptions): void;
  reset(): void;
  /** Zoom by `factor` about plot x `at` (default: the middle). */
  scaleBy(factor: number, at?: number): void;
  /** Pan so unzoomed plot x `worldX` shows at `screenX`. */
  showAt(worldX: number, screenX: number): void;
  destroy(): void;
}

const isSteppable = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('[data-steppable]') !== null;

/**
 * In an embed (an ancestor with data-wheel-zoom="modifier") the wheel belongs to the host's
 * page: only Ctrl/⌘ + wheel zooms, which is also what a trackpad pinch sends.
 */
const wheelNeedsModifier = (el: Element): boolean =>
  el.closest('[data-wheel-zoom="modifier"]') !== null;

/**
 * d3-zoom on one element, horizontal only in effect (the view uses k and x). D3 owns the
 * gesture handling; whoever calls this owns the drawing and hears each transform.
 */
export function createZoom(
  el: Element,
  initial: ZoomOptions,
  onZoom: (transform: ZoomTransform) => void,
): ZoomController {
  const selection = select(el);
  const modifierOnly = wheelNeedsModifier(el);
  const behavior = zoom<Element, unknown>()
    // d3's default filter, except that a double click on a lane in step mode is two steps,
    // not a zoom, and that an embed's wheel zooms only with the modifier.
    .filter(
      (event: MouseEvent) =>
        (event.type === 'wheel'
          ? !modifierOnly || event.ctrlKey || event.metaKey
          : !event.ctrlKey) &&
        !event.button &&
        !(event.type === 'dblclick' && isSteppable(event.target)),
    )
    .on('zoom', (event: { transform: ZoomTransform }) => onZoom(event.transform));
  let options = initial;
  const configure = (o: ZoomOptions) => {
    const box: [[number, number], [number, number]] = [
      [0, 0],
      [o.width, o.height],
    ];
    behavior.extent(box).translateExtent(box).scaleExtent([1, o.maxScale]);
  };
  configure(options);
  selection.call(behavior);
  return {
    update(next) {
      const previous = options;
      options = next;
      configure(next);
      // Keep the same part of the trace in view when the width changes.
      const t = zoomTransform(el);
      const x = previous.width > 0 ? (t.x * next.width) / previous.width : t.x;
      // Unmoved (a new trace, a resize at the left edge): the view's own redraw covers it, and
      // a second full draw of a large trace would be a long task for nothing.
      if (x === t.x) return;
      behavior.transform(selection, zoomIdentity.translate(x, 0).scale(t.k));
    },
    reset: () => behavior.transform(selection, zoomIdentity),
    scaleBy: (factor, at) =>
      behavior.scaleBy(selection, factor, at === undefined ? undefined : [at, options.height / 2]),
    showAt: (worldX, screenX) =>
      behavior.translateTo(selection, worldX, options.height / 2, [screenX, options.height / 2]),
    destroy: () => {
      selection.on('.zoom', null);
    },
  };
}
