import type { RaceLabSettings } from './settings.js';

/**
 * The height a frame starts at, before it reports its own: about what the view it opens at is
 * at a blog's column width (600–800 px), so the page moves little when it does. A server does
 * not know the width, so this does not ask it.
 */
export function reservedHeight(settings: RaceLabSettings): number {
  if (settings.challenge) return 1140;
  if (settings.mode === 'step') return 1100;
  if (settings.view === 'explore') return 640;
  if (settings.view === 'compare') return 260;
  return 900;
}
