import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunConfig, presetConfig, type RunConfig } from '../core/config';
import { DEFAULT_PAGE_PARAMS, parsePageParams } from '../core/pageParams';
import { embedHeight } from './embedHeight';
import { SET_FIELD_SCHEMAS } from './hostMessages';
import {
  embedTitle,
  embedUrl,
  escapeAttribute,
  fullPageUrl,
  iframeHeight,
  iframeSnippet,
  posterUrl,
  scriptSnippet,
  settingsQuery,
} from './snippets';

const APP = 'https://lab.example/race-lab/';
const custom: RunConfig = { ...presetConfig('custom', 'cas'), workers: 3, increments: 50, work: 7 };

/** What the app reads back from a URL it was given. */
const readBack = (url: string) => {
  const params = new URL(url).searchParams;
  return { ...parseRunConfig(params), page: parsePageParams(params).page };
};

describe('share links', () => {
  it('names preset and strategy even at their defaults', () => {
    expect(settingsQuery(presetConfig('blog')).toString()).toBe('preset=blog&strategy=racy');
    expect(
      settingsQuery(presetConfig('pair', 'lock'), {
        theme: 'dark',
        background: 'transparent',
      }).toString(),
    ).toBe('preset=pair&strategy=lock&theme=dark&background=transparent');
  });

  it('gives an embed URL the app reads back as the same settings', () => {
    for (const config of [presetConfig('blog'), presetConfig('quad', 'atomic'), custom]) {
      const url = embedUrl(APP, config, { theme: 'light', background: 'transparent' });
      expect(url.startsWith(`${APP}?embed=1&`)).toBe(true);
      const back = readBack(url);
      expect(back.messages).toEqual([]);
      expect(back.config).toEqual(config);
      expect(back.page).toMatchObject({ embed: true, theme: 'light', background: 'transparent' });
    }
  });

  it('opens the full page with the same settings, not embedded, theme left to the reader', () => {
    const page = {
      ...DEFAULT_PAGE_PARAMS,
      embed: true,
      theme: 'dark' as const,
      background: 'transparent' as const,
      seed: 9,
    };
    const url = fullPageUrl(APP, custom, page);
    const back = readBack(url);
    expect(back.config).toEqual(custom);
    expect(back.page).toEqual({ ...DEFAULT_PAGE_PARAMS, seed: 9 });
    expect(url).not.toMatch(/embed|theme|background/);
    expect(fullPageUrl(APP, presetConfig('blog'), DEFAULT_PAGE_PARAMS)).toBe(APP);
  });

  it('titles the frame with what it shows', () => {
    expect(embedTitle(presetConfig('blog'))).toBe(
      "Race Lab: The blog's program, racy read then write",
    );
    expect(embedTitle(custom)).toBe('Race Lab: 3 workers × 50 increments, compare-and-swap loop');
  });
});

describe('snippets', () => {
  it('writes the iframe snippet with isolation allowed, lazy loading and a title, no style', () => {
    const html = iframeSnippet(embedUrl(APP, presetConfig('blog')), 'Race Lab: "a" <b> & c', 500);
    expect(html).toBe(
      '<iframe src="https://lab.example/race-lab/?embed=1&preset=blog&strategy=racy" ' +
        'allow="cross-origin-isolated" loading="lazy" width="100%" height="500" ' +
        'frameBorder="0" title="Race Lab: &quot;a&quot; &lt;b&gt; &amp; c"></iframe>',
    );
  });

  it('sizes the iframe for a run at 360 px, taller with more lanes', () => {
    expect(iframeHeight(presetConfig('blog'))).toBe(embedHeight(360, 7));
    expect(iframeHeight(custom)).toBe(embedHeight(360, 4));
    expect(iframeHeight({ ...custom, workers: 16 })).toBeGreaterThan(iframeHeight(custom));
  });

  it('writes the script snippet: a placeholder with its fallback link, then embed.js', () => {
    const html = scriptSnippet(`${APP}embed.js`, settingsQuery(custom), 'Race Lab', {
      href: `${APP}?workers=3`,
      poster: null,
    });
    expect(html).toBe(
      '<div data-race-lab="strategy=cas&workers=3&increments=50&work=7" ' +
        'data-race-lab-title="Race Lab"><a href="https://lab.example/race-lab/?workers=3">' +
        'Run it in Race Lab</a></div>\n' +
        '<script src="https://lab.example/race-lab/embed.js" async></script>',
    );
  });

  it('shows the poster only for the blog program it pictures', () => {
    expect(posterUrl(APP, presetConfig('blog', 'cas'))).toBe(`${APP}poster/blog-cas.svg`);
    expect(posterUrl(APP, { ...presetConfig('blog'), work: 5 })).toBeNull();
    expect(posterUrl(APP, presetConfig('pair'))).toBeNull();
    const html = scriptSnippet(`${APP}embed.js`, settingsQuery(presetConfig('blog')), 'T', {
      href: APP,
      poster: posterUrl(APP, presetConfig('blog')),
    });
    expect(html).toContain(
      '<a href="https://lab.example/race-lab/"><img src="https://lab.example/race-lab/poster/blog-racy.svg" alt="T: a recorded run" width="720" height="360" />',
    );
  });

  it('never lets a URL close its attribute', () => {
    const html = iframeSnippet('https://x.example/"><script>', 't', 10);
    expect(html).not.toContain('"><script>');
    expect(escapeAttribute('<"&>')).toBe('&lt;&quot;&amp;&gt;');
  });
});

describe('docs/embedding.md', () => {
  const doc = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');

  it('shows both snippets exactly as the Share dialog writes them for the blog', () => {
    const lab = 'https://lab.example/';
    const blog = presetConfig('blog');
    const title = embedTitle(blog);
    const fallback = { href: lab, poster: posterUrl(lab, blog) };
    expect(doc).toContain(scriptSnippet(`${lab}embed.js`, settingsQuery(blog), title, fallback));
    expect(doc).toContain(iframeSnippet(embedUrl(lab, blog), title, iframeHeight(blog)));
  });

  it('lists every field race-lab:set takes', () => {
    for (const field of Object.keys(SET_FIELD_SCHEMAS)) expect(doc).toContain(`| \`${field}\``);
  });
});
