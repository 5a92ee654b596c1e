import { PRESETS, runConfigToParams, type RunConfig } from '../core/config';
import { pageToParams, type PageParams } from '../core/pageParams';
import { strategyOf } from '../core/scenarios';

// Links and HTML snippets for sharing and embedding (docs/embedding.md). Pure: every base URL
// comes in as an argument.

/** The iframe snippet's height: the embed after one run of the blog's program, about 700 px wide. */
export const EMBED_HEIGHT = 940;

type Theme = PageParams['theme'];

/**
 * The settings of `config` as a query, preset and strategy always named (a blog post keeps
 * showing what it showed even if the defaults change), the rest only when not the preset's.
 */
export function settingsQuery(config: RunConfig, theme: Theme = 'auto'): URLSearchParams {
  const params = new URLSearchParams();
  if (config.preset !== 'custom') params.set('preset', config.preset);
  params.set('strategy', config.strategy);
  for (const [key, value] of runConfigToParams(config)) params.set(key, value);
  if (theme !== 'auto') params.set('theme', theme);
  return params;
}

/** The embed view of the app at `appUrl` (the page's address, without query) with `config`. */
export function embedUrl(appUrl: string, config: RunConfig, theme: Theme = 'auto'): string {
  return `${appUrl}?embed=1&${settingsQuery(config, theme)}`;
}

/** The full page with the embed's settings and view, for "Open in Race Lab". */
export function fullPageUrl(appUrl: string, config: RunConfig, page: PageParams): string {
  // The theme was the host's choice; the full page follows the reader's own.
  const query = pageToParams({ ...page, embed: false, theme: 'auto' }, runConfigToParams(config));
  const text = query.toString();
  return text ? `${appUrl}?${text}` : appUrl;
}

/** A title that tells screen reader users what the frame shows. */
export function embedTitle(config: RunConfig): string {
  const what =
    config.preset === 'custom'
      ? `${config.workers.toLocaleString('en')} workers × ${config.increments.toLocaleString('en')} increments`
      : PRESETS[config.preset].label;
  return `Race Lab: ${what}, ${strategyOf(config).label.toLowerCase()}`;
}

/** Text safe inside a double-quoted HTML attribute. */
export const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A URL inside a double-quoted attribute. Its `&`s stay as they are: a query like
 * `embed=1&preset=blog` is valid HTML unescaped and reads better in a blog's source.
 */
const urlAttribute = (url: string): string => url.replace(/"/g, '%22').replace(/[<>]/g, encodeURI);

/** The iframe snippet: the embed at `src`, lazily loaded, allowed to be cross-origin isolated. */
export function iframeSnippet(src: string, title: string, height = EMBED_HEIGHT): string {
  return (
    `<iframe src="${urlAttribute(src)}" allow="cross-origin-isolated" loading="lazy" ` +
    `width="100%" height="${height}" style="border:0" title="${escapeAttribute(title)}"></iframe>`
  );
}

/** The script snippet: a placeholder embed.js turns into a frame sized to its content. */
export function scriptSnippet(scriptSrc: string, settings: URLSearchParams, title: string): string {
  return (
    `<div data-race-lab="${urlAttribute(settings.toString())}" ` +
    `data-race-lab-title="${escapeAttribute(title)}"></div>\n` +
    `<script src="${urlAttribute(scriptSrc)}" async></script>`
  );
}
