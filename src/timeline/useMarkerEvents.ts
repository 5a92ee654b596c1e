import type { FocusEvent, KeyboardEvent, MouseEvent, RefObject } from 'react';
import { useLab } from '../store/labStore';
import type { Layers } from './useLayers';
import type { MarkerTips } from './useMarkerTips';

/** The keys that move focus along the lost-update markers, and by how many (∞: to the end). */
const MARKER_MOVES: Record<string, number> = {
  ArrowRight: 1,
  ArrowDown: 1,
  ArrowLeft: -1,
  ArrowUp: -1,
  Home: -Infinity,
  End: Infinity,
};

const markerOf = (target: EventTarget | null): SVGGElement | null =>
  target instanceof Element ? target.closest<SVGGElement>('[data-testid="lost-marker"]') : null;

const seekTo = (marker: Element) =>
  useLab.getState().seek(Number(marker.getAttribute('data-index')));

/**
 * The lost-update markers' handlers, for the layer that holds them (by delegation: the layer
 * redraws its markers on every zoom frame): hover and focus show the words, click, Enter or
 * Space seek to the marker, arrows, Home and End walk along the markers.
 */
export function useMarkerEvents(layers: RefObject<Layers | null>, tips: MarkerTips) {
  const show = (target: EventTarget | null) => {
    const marker = markerOf(target);
    if (marker) tips.show(marker);
  };
  const hide = (target: EventTarget | null, next: EventTarget | null) => {
    const marker = markerOf(target);
    if (marker && markerOf(next) !== marker) tips.hide(marker);
  };
  return {
    onMouseOver: (e: MouseEvent) => show(e.target),
    // A focused marker keeps its words until it loses focus: after a tap the finger's "mouse"
    // leaves as soon as anything under it moves.
    onMouseOut: (e: MouseEvent) => {
      if (markerOf(e.target) !== document.activeElement) hide(e.target, e.relatedTarget);
    },
    onFocus: (e: FocusEvent) => {
      const marker = markerOf(e.target);
      if (marker) layers.current?.markers.focused(marker);
      show(e.target);
    },
    onBlur: (e: FocusEvent) => hide(e.target, e.relatedTarget),
    onClick: (e: MouseEvent) => {
      const marker = markerOf(e.target);
      if (marker) seekTo(marker);
    },
    onKeyDown: (e: KeyboardEvent) => {
      const marker = markerOf(e.target);
      if (!marker) return;
      const move = MARKER_MOVES[e.key];
      if (move !== undefined) layers.current?.markers.moveFocus(marker, move);
      else if (e.key === 'Enter' || e.key === ' ') seekTo(marker);
      else return;
      // Handled here: the timeline's own keys (step, play) must not fire as well.
      e.preventDefault();
      e.stopPropagation();
    },
  };
}
