import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_PAGE_PARAMS,
  PAGE_PARAM_SCHEMAS,
  pageToParams,
  parsePageParams,
} from './pageParams';
import { decodeSchedule } from './schedule';

const parse = (query: string) => parsePageParams(new URLSearchParams(query));

describe('parsePageParams', () => {
  it('has defaults', () => {
    expect(parse('')).toEqual({ page: DEFAULT_PAGE_PARAMS, messages: [] });
  });

  it('reads valid values', () => {
    const { page, messages } = parse(
      'mode=step&view=compare&engine=simulated&seed=42&schedule=cd4c&embed=1&theme=dark' +
        '&background=transparent&debug=1&challenge=lose-one&trace-url=/runs/blog.json',
    );
    expect(messages).toEqual([]);
    expect(page).toEqual({
      mode: 'step',
      view: 'compare',
      engine: 'simulated',
      seed: 42,
      schedule: 'cd4c',
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
      schedule: 'b3c2',
    } as const;
    expect(parse(pageToParams(page).toString()).page).toEqual(page);
  });

  it('writes the trace file under its URL name', () => {
    const page = { ...DEFAULT_PAGE_PARAMS, traceUrl: '/runs/a.json', view: 'compare' as const };
    expect(pageToParams(page).toString()).toBe('view=compare&trace-url=%2Fruns%2Fa.json');
  });
});

// Catches: a URL check looser than the decoder (it once let '.', '_', '-' and '0' counts in).
describe('the schedule parameter', () => {
  const urlAccepts = (text: string) => PAGE_PARAM_SCHEMAS.schedule.safeParse(text).success;

  it('refuses what the decoder refuses', () => {
    for (const text of ['b.c', 'b_c', 'b-c', 'b0', 'b03', '2b', 'b 2', 'é']) {
      expect(decodeSchedule(text).ok, text).toBe(false);
      expect(urlAccepts(text), text).toBe(false);
    }
  });

  it('accepts exactly the texts the decoder reads (the step cap aside), whatever the text', () => {
    const alphabet = fc.constantFrom(...'abcXYZ0123456789.-_x ');
    fc.assert(
      fc.property(fc.string({ unit: alphabet, maxLength: 12 }), (text) => {
        const decoded = decodeSchedule(text);
        const overCap = !decoded.ok && decoded.message.startsWith('The schedule has more than');
        expect(urlAccepts(text)).toBe(decoded.ok || overCap);
      }),
      { seed: 14, numRuns: 2000 },
    );
  });
});
