import type { RaceLabSettings } from './settings.js';

/**
 * The height a frame starts at, before it reports its own: about what the view it opens is,
 * so the page moves little when it does.
 */
export function reservedHeight(settings: RaceLabSettings): number {
  if (settings.challenge || settings.mode === 'step') return 560;
  if (settings.view === 'explore') return 640;
  if (settings.view === 'compare') return 420;
  if (settings.traceUrl) return 620;
  return 360;
}
