import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_PARAMS, type PageParams } from '../core/pageParams';
import { embedView } from './views';

const page = (change: Partial<PageParams>): PageParams => ({ ...DEFAULT_PAGE_PARAMS, ...change });

describe('embedView', () => {
  it('shows each view asked for alone', () => {
    expect(embedView(page({}))).toEqual({ view: 'run', ignored: [] });
    expect(embedView(page({ mode: 'step' })).view).toBe('step');
    expect(embedView(page({ view: 'explore' })).view).toBe('explore');
    expect(embedView(page({ view: 'compare' })).view).toBe('compare');
    expect(embedView(page({ traceUrl: '/a.json' })).view).toBe('run');
    expect(embedView(page({ challenge: 'lose-one', mode: 'step' }))).toEqual({
      view: 'challenge',
      ignored: [],
    });
  });

  it('names what it cannot show beside the view it picked', () => {
    const { view, ignored } = embedView(page({ mode: 'step', view: 'compare' }));
    expect(view).toBe('step');
    expect(ignored).toEqual([
      'An embed shows one view: view=compare is not shown beside mode=step.',
    ]);
  });
});
