import {
  PRESETS,
  presetConfig,
  runConfigToParams,
  type PresetId,
  type RunConfig,
} from '../core/config';
import { pageToParams, type PageParams } from '../core/pageParams';
import { initialOf, strategyOf } from '../core/scenarios';
import type { StrategyId } from '../core/strategies';
import { buildThreads } from '../core/threads';
import { embedHeight } from './embedHeight';

// Links and HTML snippets for sharing and embedding (docs/embedding.md). Pure: every base URL
// comes in as an argument. Every snippet pastes unchanged into HTML and into MDX, React's kind
// and Astro's: no style attribute, no inline script, every element closed.

/**
 * How an embed looks: `page` follows the host page's theme (the script snippet; a bare iframe
 * cannot see its page, so there it is the reader's setting), or a theme parameter forced.
 */
export interface EmbedLook {
  theme: 'page' | PageParams['theme'];
  background: PageParams['background'];
}

export const DEFAULT_LOOK: EmbedLook = { theme: 'page', background: 'opaque' };

/**
 * The settings of `config` as a query, preset and strategy always named (a blog post keeps
 * showing what it showed even if the defaults change), the rest only when not the preset's.
 */
export function settingsQuery(config: RunConfig, look: EmbedLook = DEFAULT_LOOK): URLSearchParams {
  const params = new URLSearchParams();
  if (config.preset !== 'custom') params.set('preset', config.preset);
  params.set('strategy', config.strategy);
  for (const [key, value] of runConfigToParams(config)) params.set(key, value);
  if (look.theme !== 'page') params.set('theme', look.theme);
  if (look.background !== 'opaque') params.set('background', look.background);
  return params;
}

/** The embed view of the app at `appUrl` (the page's address, without query) with `config`. */
export function embedUrl(
  appUrl: string,
  config: RunConfig,
  look: EmbedLook = DEFAULT_LOOK,
): string {
  return `${appUrl}?embed=1&${settingsQuery(config, look)}`;
}

/**
 * The iframe snippet's height: what holds the embed after a run at 360 px wide, so it fits
 * phones and, with room to spare below the timeline, every wider column.
 */
export const iframeHeight = (config: RunConfig): number =>
  embedHeight(360, buildThreads(config).length);

/** The full page with the embed's settings and view, for "Open in Race Lab". */
export function fullPageUrl(appUrl: string, config: RunConfig, page: PageParams): string {
  // Theme and background were the host's choice; the full page follows the reader's own.
  const query = pageToParams(
    { ...page, embed: false, theme: 'auto', background: 'opaque' },
    runConfigToParams(config),
  );
  const text = query.toString();
  return text ? `${appUrl}?${text}` : appUrl;
}

/** What a run plays, in words: its preset's name, or its own numbers in its scenario. */
function runName(config: RunConfig): string {
  const preset = PRESETS[config.preset];
  const scenario = config.scenario ?? 'counter';
  const own = config.preset === 'custom' || config.balance !== preset.balance;
  if (!own && scenario === (preset.scenario ?? 'counter')) return preset.label;
  const workers = `${fmt(config.workers)} workers`;
  if (scenario === 'claim') return `Claim: ${workers}`;
  const each = `${workers} × ${fmt(config.increments)}`;
  if (scenario === 'bank') return `Bank: ${each} withdrawals from ${fmt(initialOf(config))}`;
  return `${each} increments`;
}

/** A title that tells screen reader users what the frame shows. */
export function embedTitle(config: RunConfig): string {
  return `Race Lab: ${runName(config)}, ${strategyOf(config).label.toLowerCase()}`;
}

const fmt = (n: number) => n.toLocaleString('en');

/** Text safe inside a double-quoted HTML attribute. */
export const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A URL inside a double-quoted attribute. Its `&`s stay as they are: a query like
 * `embed=1&preset=blog` is valid HTML unescaped and reads better in a blog's source.
 */
const urlAttribute = (url: string): string => url.replace(/"/g, '%22').replace(/[<>]/g, encodeURI);

/**
 * The iframe snippet: the embed at `src`, lazily loaded, allowed to be cross-origin isolated.
 * `frameBorder` rather than a style, which MDX for React refuses; HTML ignores the case.
 */
export function iframeSnippet(src: string, title: string, height: number): string {
  return (
    `<iframe src="${urlAttribute(src)}" allow="cross-origin-isolated" loading="lazy" ` +
    `width="100%" height="${height}" frameBorder="0" title="${escapeAttribute(title)}"></iframe>`
  );
}

/** The presets whose runs have a poster: the counter's, the bank's and the claim's. */
export const POSTER_PRESETS = ['blog', 'bank', 'claim'] as const satisfies readonly PresetId[];
export type PosterPreset = (typeof POSTER_PRESETS)[number];

/** Where the app serves the poster of `preset`'s program with `strategy`, from its folder. */
export const posterPath = (preset: PosterPreset, strategy: StrategyId): string =>
  `poster/${preset}-${strategy}.svg`;

/** The poster of `config`'s run under the app at `appUrl`: only a poster preset's run has one. */
export function posterUrl(appUrl: string, config: RunConfig): string | null {
  const preset = POSTER_PRESETS.find((id) => id === config.preset);
  if (!preset) return null;
  const own = presetConfig(preset, config.strategy);
  const same =
    config.work === own.work && config.scenario === own.scenario && config.balance === own.balance;
  return same ? `${appUrl}${posterPath(preset, config.strategy)}` : null;
}

/** What a placeholder shows until its frame is ready, and for good without JavaScript. */
export interface Fallback {
  /** The full page with the same settings. */
  href: string;
  /** The static poster of the run, where there is one for these settings. */
  poster: string | null;
}

/** The poster's size in the snippet: its own, scaled down by any blog's `max-width: 100%`. */
const POSTER_SIZE = 'width="720" height="360"';

/**
 * The script snippet: a placeholder that embed.js turns into a frame, holding a link to the
 * full page (and the poster) for readers without JavaScript and for feed readers.
 */
export function scriptSnippet(
  scriptSrc: string,
  settings: URLSearchParams,
  title: string,
  fallback: Fallback,
): string {
  const image = fallback.poster
    ? `<img src="${urlAttribute(fallback.poster)}" alt="${escapeAttribute(`${title}: a recorded run`)}" ${POSTER_SIZE} />`
    : '';
  return (
    `<div data-race-lab="${urlAttribute(settings.toString())}" ` +
    `data-race-lab-title="${escapeAttribute(title)}">` +
    `<a href="${urlAttribute(fallback.href)}">${image}Run it in Race Lab</a></div>\n` +
    `<script src="${urlAttribute(scriptSrc)}" async></script>`
  );
}
