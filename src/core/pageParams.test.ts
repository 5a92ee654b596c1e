import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGE_PARAMS, pageToParams, parsePageParams } from './pageParams';

const parse = (query: string) => parsePageParams(new URLSearchParams(query));

describe('parsePageParams', () => {
  it('has defaults', () => {
    expect(parse('')).toEqual({ page: DEFAULT_PAGE_PARAMS, messages: [] });
  });

  it('reads valid values', () => {
    const { page, messages } = parse(
      'mode=step&view=compare&engine=simulated&seed=42&schedule=2.3x4&embed=1&theme=dark' +
        '&background=transparent&debug=1&challenge=lose-one&trace-url=/runs/blog.json',
    );
    expect(messages).toEqual([]);
    expect(page).toEqual({
      mode: 'step',
      view: 'compare',
      engine: 'simulated',
      seed: 42,
      schedule: '2.3x4',
      embed: true,
      challenge: 'lose-one',
      traceUrl: '/runs/blog.json',
      theme: 'dark',
      background: 'transparent',
      debug: true,
      fail: null,
    });
  });

  it('refuses bad values one by one', () => {
    const { page, messages } = parse(
      'mode=fly&seed=-1&schedule=<script>&challenge=win&trace-url=a"b&theme=neon&background=pink',
    );
    expect(page).toEqual(DEFAULT_PAGE_PARAMS);
    expect(messages.map((m) => m.split(/[=:]/)[0])).toEqual([
      'Ignored mode',
      'Ignored seed',
      'Ignored schedule',
      'Ignored challenge',
      'Ignored trace-url',
      'Ignored theme',
      'Ignored background',
    ]);
  });
});

describe('pageToParams', () => {
  it('round-trips and leaves defaults out', () => {
    expect(pageToParams(DEFAULT_PAGE_PARAMS).toString()).toBe('');
    const page = {
      ...DEFAULT_PAGE_PARAMS,
      mode: 'step',
      seed: 7,
      embed: true,
      schedule: '1x3.2',
    } as const;
    expect(parse(pageToParams(page).toString()).page).toEqual(page);
  });

  it('writes the trace file under its URL name', () => {
    const page = { ...DEFAULT_PAGE_PARAMS, traceUrl: '/runs/a.json', view: 'compare' as const };
    expect(pageToParams(page).toString()).toBe('view=compare&trace-url=%2Fruns%2Fa.json');
  });
});
