import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { markerKey } from './markerLayer';
import type { Layers } from './useLayers';

/** Where a marker's tip goes (under it); the CSS keeps the tip inside the view (timeline.css). */
export const TIP_X = '--tip-x';
export const TIP_Y = '--tip-y';

/** A lost-update marker's words, shown under it while it is hovered or focused. */
export interface Tip {
  key: string;
  text: string;
  left: number;
  top: number;
}

export interface MarkerTips {
  tip: Tip | null;
  /** The tip element's id: its marker names it in aria-describedby while it shows. */
  tipId: string;
  tipRef: RefObject<HTMLDivElement | null>;
  /** Show the words of `marker` (hover or focus). */
  show(marker: SVGGElement): void;
  /** Hide the words of `marker`. */
  hide(marker: SVGGElement): void;
  /** After a zoom frame: a shown tip follows its marker, and goes when the marker does. */
  follow(): void;
}

/**
 * The tooltip of the lost-update markers (found in `layers` once they exist); `gutter` is the
 * plot's left offset in the root.
 */
export function useMarkerTips(layers: RefObject<Layers | null>, gutter: number): MarkerTips {
  const [tip, setTip] = useState<Tip | null>(null);
  const tipId = useId();
  const tipRef = useRef<HTMLDivElement>(null);
  // The shown tip's key, for `follow`, which runs outside React's render.
  const tipKey = useRef<string | null>(null);

  // Under the marker's ring, in the root's coordinates. Worked out from what was drawn, not
  // measured, so a zoom frame never waits for a layout.
  const tipAt = (key: string): Pick<Tip, 'left' | 'top'> | null => {
    const centre = layers.current?.markers.centre(key);
    return centre ? { left: gutter + centre.x, top: centre.y + 14 } : null;
  };

  // The tip's marker names the tip as its description while it shows.
  useEffect(() => {
    tipKey.current = tip?.key ?? null;
    const marker = tip ? layers.current?.markers.element(tip.key) : undefined;
    marker?.setAttribute('aria-describedby', tipId);
    return () => marker?.removeAttribute('aria-describedby');
  }, [layers, tip, tipId]);

  return {
    tip,
    tipId,
    tipRef,
    show(marker) {
      const key = markerKey(marker);
      const at = tipAt(key);
      if (!at) return;
      const text = marker.getAttribute('aria-label') ?? '';
      setTip((t) => (t?.key === key ? t : { key, text, ...at }));
    },
    hide(marker) {
      const key = markerKey(marker);
      setTip((t) => (t?.key === key ? null : t));
    },
    follow() {
      if (tipKey.current === null) return;
      const at = tipAt(tipKey.current);
      if (!at) {
        tipKey.current = null;
        setTip(null);
      } else if (tipRef.current) {
        tipRef.current.style.setProperty(TIP_X, `${at.left}px`);
        tipRef.current.style.setProperty(TIP_Y, `${at.top}px`);
      }
    },
  };
}
