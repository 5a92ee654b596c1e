import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';
import { KINDS } from './kinds';
import { kindColorVar } from './symbols';
import { useLab } from '../store/labStore';
import { selectTheme } from '../store/selectors';

const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';
const DARK = '(prefers-color-scheme: dark)';

// One MediaQueryList per query: asking matchMedia again on every render is not free.
const lists = new Map<string, MediaQueryList>();
const media = (query: string): MediaQueryList => {
  let list = lists.get(query);
  if (!list) lists.set(query, (list = window.matchMedia(query)));
  return list;
};
const subscribeMedia = (query: string) => (onChange: () => void) => {
  const list = media(query);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
};
const subscribeReducedMotion = subscribeMedia(REDUCED_MOTION);
const subscribeDark = subscribeMedia(DARK);

/** Whether the reader asked for less motion (no autoplay, no smooth transitions). */
export const prefersReducedMotion = (): boolean => media(REDUCED_MOTION).matches;
const prefersDark = (): boolean => media(DARK).matches;

export function useReducedMotion(): boolean {
  return useSyncExternalStore(subscribeReducedMotion, prefersReducedMotion, () => false);
}

/**
 * Whether dark colours are showing: the page's theme parameter wins, `auto` follows the
 * reader's system. A change repaints what reads colours from CSS.
 */
export function useDarkScheme(): boolean {
  const systemDark = useSyncExternalStore(subscribeDark, prefersDark, () => false);
  const theme = useLab(selectTheme);
  return theme === 'dark' || (theme === 'auto' && systemDark);
}

/** The element's content width in CSS pixels (0 until first measured), kept current. */
export function useElementWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The observer reports the initial size too, right after observe().
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Colours the canvas paints with: the theme's CSS custom properties, resolved. */
export interface Palette {
  kinds: string[];
  counter: string;
  ideal: string;
  gap: string;
}

let cachedPalette: { dark: boolean; palette: Palette } | null = null;

/**
 * The palette under `el`, read once per colour scheme: reading computed style forces a style
 * recalculation, which a zoom frame must not pay for. The custom properties hold light-dark()
 * pairs, which only a real colour property resolves, so each is read through a probe's color.
 */
export function paletteFor(el: Element, dark: boolean): Palette {
  if (cachedPalette?.dark === dark) return cachedPalette.palette;
  const probe = document.createElement('span');
  probe.hidden = true;
  (el.parentElement ?? document.body).append(probe);
  const get = (name: string, fallback: string) => {
    probe.style.color = `var(${name}, ${fallback})`;
    return getComputedStyle(probe).color || fallback;
  };
  const palette: Palette = {
    kinds: KINDS.map((_, k) => get(kindColorVar(k), '#888')),
    counter: get('--tl-counter', '#222'),
    ideal: get('--tl-ideal', '#009e73'),
    gap: get('--tl-lost-fill', 'rgb(213 94 0 / 0.16)'),
  };
  probe.remove();
  cachedPalette = { dark, palette };
  return palette;
}
