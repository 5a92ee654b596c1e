import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RaceLab } from './index.js';
import {
  changedSettings,
  frameUrl,
  needsReload,
  pageUrl,
  type RaceLabSettings,
} from './settings.js';

describe('RaceLab on the server', () => {
  it('renders a placeholder of the frame size with a link to the full page, and no frame', () => {
    // Importing the package above touched no window: there is none in Node.
    expect(typeof window).toBe('undefined');
    const html = renderToString(
      createElement(RaceLab, {
        src: 'https://lab.example/race/',
        preset: 'blog',
        strategy: 'racy',
        title: 'Race Lab: lost updates',
      }),
    );
    expect(html).not.toContain('<iframe');
    expect(html).toContain('data-race-lab-placeholder');
    expect(html).toContain('href="https://lab.example/race/?preset=blog&amp;strategy=racy"');
    expect(html).toContain('Race Lab: lost updates');
    expect(html).toMatch(/height:900px/);
  });
});

describe('settings as URLs and messages', () => {
  it('writes every setting under its URL name, with the frame id', () => {
    const url = frameUrl(
      'https://lab.example',
      { view: 'compare', traceUrl: '/runs/a.json', workers: 2, seed: 7 },
      'race-lab-1',
    );
    expect(url).toBe(
      'https://lab.example/?embed=1&workers=2&view=compare&seed=7&trace-url=%2Fruns%2Fa.json&frame=race-lab-1',
    );
    expect(pageUrl('https://lab.example/', { mode: 'step' })).toBe(
      'https://lab.example/?mode=step',
    );
    expect(pageUrl('https://lab.example/embed.js', {})).toBe('https://lab.example/');
  });

  it('sends live changes and loads the frame again only for what it opens with', () => {
    expect(changedSettings({ strategy: 'racy' }, { strategy: 'atomic', workers: 3 })).toEqual({
      type: 'race-lab:set',
      strategy: 'atomic',
      workers: 3,
    });
    expect(changedSettings({ workers: 3 }, { workers: 3 })).toBeNull();
    expect(needsReload({ strategy: 'racy' }, { strategy: 'atomic', mode: 'step' })).toBe(false);
    expect(needsReload({}, { challenge: 'lose-one' })).toBe(true);
    // An attribute removed cannot be "set back" to a default the host does not know.
    expect(needsReload({ workers: 3 }, {})).toBe(true);
  });

  // Catches: a scenario prop dropped from the URL, or one that reloads the frame (or is never
  // sent) when it changes.
  it('carries the scenario and balance into the URL, and changes them live', () => {
    expect(
      frameUrl('https://lab.example/', { scenario: 'bank', balance: 2000, strategy: 'cas' }),
    ).toBe('https://lab.example/?embed=1&strategy=cas&scenario=bank&balance=2000');
    const before = { scenario: 'bank' as const, balance: 2000 };
    const after = { scenario: 'claim' as const, balance: 2000 };
    expect(needsReload(before, after)).toBe(false);
    expect(changedSettings(before, after)).toEqual({ type: 'race-lab:set', scenario: 'claim' });
    expect(changedSettings(before, { ...before, balance: 3 })).toEqual({
      type: 'race-lab:set',
      balance: 3,
    });
    // The background is what the frame opens with.
    expect(needsReload({}, { background: 'transparent' })).toBe(true);
    const html = renderToString(
      createElement(RaceLab, { src: 'https://lab.example/', preset: 'bank', scenario: 'bank' }),
    );
    expect(html).toContain('href="https://lab.example/?preset=bank&amp;scenario=bank"');
    // The props are typed: a scenario the app does not have does not compile.
    // @ts-expect-error: 'vault' is not a scenario
    const vault: RaceLabSettings = { scenario: 'vault' };
    // @ts-expect-error: a balance is a number
    const words: RaceLabSettings = { balance: 'lots' };
    expect([vault, words]).toHaveLength(2);
  });
});
