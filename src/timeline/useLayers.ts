import { useLayoutEffect, useRef } from 'react';
import { createAxisLayer, type AxisLayer } from './axisLayer';
import { createMarkerLayer, type MarkerLayer } from './markerLayer';
import { createMarksLayer, type MarksLayer } from './marksLayer';

/** The layers drawn straight in the DOM, created once the elements that hold them exist. */
export interface Layers {
  marks: MarksLayer;
  markers: MarkerLayer;
  axis: AxisLayer;
}

/**
 * The layers' holders (refs for three `<g>` elements) and the layers in them, which live as
 * long as the view: React never renders the holders' children.
 */
export function useLayers() {
  const marksRef = useRef<SVGGElement>(null);
  const markersRef = useRef<SVGGElement>(null);
  const ticksRef = useRef<SVGGElement>(null);
  const layers = useRef<Layers | null>(null);
  useLayoutEffect(() => {
    const holders = [marksRef.current, markersRef.current, ticksRef.current] as const;
    const [marks, markers, ticks] = holders;
    if (!marks || !markers || !ticks) return;
    layers.current = {
      marks: createMarksLayer(marks),
      markers: createMarkerLayer(markers),
      axis: createAxisLayer(ticks),
    };
    return () => {
      layers.current = null;
      for (const g of holders) g?.replaceChildren();
    };
  }, []);
  return { marksRef, markersRef, ticksRef, layers };
}
