import { describe, expect, it } from 'vitest';
import { accountTrace } from '../core/accounting';
import { presetConfig } from '../core/config';
import { randomChooser, simulate } from '../core/simulation';
import { POSTER_SEED, posterSvg } from './poster';

describe('the poster of a blog run', () => {
  it('pictures the seeded run: its lanes, its outcome, a mark per access', () => {
    const svg = posterSvg('racy');
    const trace = simulate(presetConfig('blog'), randomChooser(POSTER_SEED));
    const { lost } = accountTrace(trace);
    expect(lost).toBeGreaterThan(0);
    expect(svg).toContain(`final ${trace.final}: ${lost} increments were lost`);
    for (const lane of ['main', 'func3', 'func4', 'func1', 'func2']) {
      expect(svg).toContain(`>${lane}</text>`);
    }
    // A mark per access; lost writes in red, one for each erasing write.
    expect(svg.match(/M\d/g)).toHaveLength(trace.events.length);
    const red = /<path fill="#b3261e" d="([^"]*)"/.exec(svg)?.[1] ?? '';
    expect(red.match(/M/g)).toHaveLength(
      accountTrace(trace).findings.erased.filter((erased) => erased > 0).length,
    );
  });

  it('is the same file on every build, and says no loss for an exact strategy', () => {
    expect(posterSvg('atomic')).toBe(posterSvg('atomic'));
    expect(posterSvg('atomic')).toContain('final 400: no increment was lost');
    expect(posterSvg('atomic')).not.toContain('#b3261e');
  });
});
