/** What one call of the view's draw covers: all of it (a zoom frame), or one stage of a first draw. */
export type DrawPart = 'all' | 'canvas' | 'overlay' | 'markers';

/** How long a task of a first draw may go on making new lost-update markers (ms). */
export const MARKER_SLICE_MS = 8;

/** Until when (performance.now()) a draw of `part` may make new markers: a zoom frame, all. */
export const markerDeadline = (part: DrawPart): number =>
  part === 'all' ? Infinity : performance.now() + MARKER_SLICE_MS;

/**
 * A new trace's first draw, in tasks of its own so that none is long: the canvas, then what
 * lies over it, then as many more tasks as the lost-update markers need (`draw` answers false
 * while some marker still has no element). `beforeOverlay` runs as the overlay stage starts.
 * Returns what cancels the stages not yet run.
 */
export function drawInStages(
  draw: (part: DrawPart) => boolean,
  beforeOverlay: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (stage: () => void) => {
    timer = setTimeout(stage);
  };
  const markers = (part: 'overlay' | 'markers') => {
    if (!draw(part)) later(() => markers('markers'));
  };
  later(() => {
    draw('canvas');
    later(() => {
      beforeOverlay();
      markers('overlay');
    });
  });
  return () => clearTimeout(timer);
}
