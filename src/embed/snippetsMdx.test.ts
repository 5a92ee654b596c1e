import { evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../core/config';
import {
  embedTitle,
  embedUrl,
  iframeHeight,
  iframeSnippet,
  posterUrl,
  scriptSnippet,
  settingsQuery,
} from './snippets';

// A post in a React-based MDX site (Next.js, Docusaurus): the snippets pasted as they are.
const APP = 'https://lab.example/';
const config = presetConfig('blog');
const title = embedTitle(config);
const snippets = {
  script: scriptSnippet(`${APP}embed.js`, settingsQuery(config), title, {
    href: APP,
    poster: posterUrl(APP, config),
  }),
  iframe: iframeSnippet(embedUrl(APP, config), title, iframeHeight(config)),
};

/** The post compiled by MDX for React and rendered to HTML, as a static site would. */
async function renderPost(snippet: string): Promise<string> {
  const post = `# Lost updates\n\nPress Run below.\n\n${snippet}\n\nThat was a race.\n`;
  const { default: Post } = await evaluate(post, { ...runtime, development: false });
  return renderToStaticMarkup(createElement(Post));
}

describe('the Share dialog snippets in MDX (React runtime)', () => {
  it('compiles the script snippet: placeholder, fallback link and poster, embed.js', async () => {
    const html = await renderPost(snippets.script);
    expect(html).toContain('data-race-lab="preset=blog&amp;strategy=racy"');
    expect(html).toContain(`data-race-lab-title="${title.replace(/'/g, '&#x27;')}"`);
    expect(html).toMatch(/<a href="https:\/\/lab.example\/"><img src="[^"]+blog-racy.svg"/);
    expect(html).toContain('Run it in Race Lab</a></div>');
    expect(html).toContain('src="https://lab.example/embed.js"');
  });

  it('compiles the iframe snippet with its height, permissions and no border', async () => {
    const html = await renderPost(snippets.iframe);
    expect(html).toContain(`height="${iframeHeight(config)}"`);
    expect(html).toContain('allow="cross-origin-isolated"');
    expect(html).toContain('loading="lazy"');
    expect(html).toMatch(/frameborder="0"/i);
  });

  it('would refuse what the snippets avoid: a style string', async () => {
    await expect(renderPost('<iframe src="x" style="border:0"></iframe>')).rejects.toThrow(/style/);
  });
});
