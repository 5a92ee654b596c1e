import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRunConfig, presetConfig, type RunConfig } from '../core/config';
import { DEFAULT_PAGE_PARAMS, parsePageParams } from '../core/pageParams';
import { SET_FIELD_SCHEMAS } from './hostMessages';
import {
  EMBED_HEIGHT,
  embedTitle,
  embedUrl,
  escapeAttribute,
  fullPageUrl,
  iframeSnippet,
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
    expect(settingsQuery(presetConfig('pair', 'lock'), 'dark').toString()).toBe(
      'preset=pair&strategy=lock&theme=dark',
    );
  });

  it('gives an embed URL the app reads back as the same settings', () => {
    for (const config of [presetConfig('blog'), presetConfig('quad', 'atomic'), custom]) {
      const url = embedUrl(APP, config, 'light');
      expect(url.startsWith(`${APP}?embed=1&`)).toBe(true);
      const back = readBack(url);
      expect(back.messages).toEqual([]);
      expect(back.config).toEqual(config);
      expect(back.page).toMatchObject({ embed: true, theme: 'light' });
    }
  });

  it('opens the full page with the same settings, not embedded, theme left to the reader', () => {
    const page = { ...DEFAULT_PAGE_PARAMS, embed: true, theme: 'dark' as const, seed: 9 };
    const url = fullPageUrl(APP, custom, page);
    const back = readBack(url);
    expect(back.config).toEqual(custom);
    expect(back.page).toEqual({ ...DEFAULT_PAGE_PARAMS, seed: 9 });
    expect(url).not.toMatch(/embed|theme/);
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
  it('writes the iframe snippet with isolation allowed, lazy loading and a title', () => {
    const html = iframeSnippet(embedUrl(APP, presetConfig('blog')), 'Race Lab: "a" <b> & c', 500);
    expect(html).toBe(
      '<iframe src="https://lab.example/race-lab/?embed=1&preset=blog&strategy=racy" ' +
        'allow="cross-origin-isolated" loading="lazy" width="100%" height="500" ' +
        'style="border:0" title="Race Lab: &quot;a&quot; &lt;b&gt; &amp; c"></iframe>',
    );
  });

  it('writes the script snippet: a placeholder, then embed.js', () => {
    const html = scriptSnippet(`${APP}embed.js`, settingsQuery(custom), 'Race Lab');
    expect(html).toBe(
      '<div data-race-lab="strategy=cas&workers=3&increments=50&work=7" ' +
        'data-race-lab-title="Race Lab"></div>\n' +
        '<script src="https://lab.example/race-lab/embed.js" async></script>',
    );
  });

  it('never lets a URL close its attribute', () => {
    const html = iframeSnippet('https://x.example/"><script>', 't');
    expect(html).not.toContain('"><script>');
    expect(escapeAttribute('<"&>')).toBe('&lt;&quot;&amp;&gt;');
  });
});

describe('docs/embedding.md', () => {
  const doc = readFileSync(new URL('../../docs/embedding.md', import.meta.url), 'utf8');

  it('shows the height the Share dialog writes', () => {
    expect(doc).toContain(`height="${EMBED_HEIGHT}"`);
    expect(doc).toContain(`${EMBED_HEIGHT} px holds the embed`);
  });

  it('lists every field race-lab:set takes', () => {
    for (const field of Object.keys(SET_FIELD_SCHEMAS)) expect(doc).toContain(`| \`${field}\``);
  });
});
