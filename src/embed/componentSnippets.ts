import { SETTING_SPECS } from '../../packages/race-lab-embed/src/attributes';
import type { PageParams } from '../core/pageParams';
import { escapeAttribute } from './snippets';

// The <race-lab> element and RaceLab component snippets (docs/embedding.md). Pure, like
// snippets.ts: every address comes in as an argument.

/** The view the reader is looking at, as embed parameters: an embed opens on the same. */
export function viewQuery(page: PageParams): URLSearchParams {
  const params = new URLSearchParams();
  if (page.challenge) params.set('challenge', page.challenge);
  else if (page.mode === 'step') {
    params.set('mode', 'step');
    if (page.schedule) params.set('schedule', page.schedule);
  }
  if (page.view !== 'run') params.set('view', page.view);
  if (page.traceUrl) params.set('trace-url', page.traceUrl);
  // A seeded simulated run is one interleaving: the embed shows that one too.
  if (page.engine === 'simulated') {
    params.set('engine', 'simulated');
    if (page.seed !== null) params.set('seed', String(page.seed));
  }
  return params;
}

/** `settings` then `view`, one query. */
export function withView(settings: URLSearchParams, view: URLSearchParams): URLSearchParams {
  const all = new URLSearchParams(settings);
  for (const [key, value] of view) all.set(key, value);
  return all;
}

/** The package's table by URL parameter: each one's prop name and whether it is a number. */
const BY_PARAM = new Map(
  Object.entries(SETTING_SPECS).map(([prop, spec]) => [spec.attribute, { prop, ...spec }]),
);

/**
 * The custom element snippet: `<race-lab>` with the settings as attributes, a link to the full
 * page inside for readers without JavaScript, then embed.js, which defines the element.
 */
export function elementSnippet(
  scriptSrc: string,
  settings: URLSearchParams,
  title: string,
  href: string,
): string {
  const attributes = [...settings]
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  return (
    `<race-lab${attributes} title="${escapeAttribute(title)}">` +
    `<a href="${escapeAttribute(href)}">Run it in Race Lab</a></race-lab>\n` +
    `<script src="${escapeAttribute(scriptSrc)}" async></script>`
  );
}

/** The React / MDX snippet: the race-lab-embed package's RaceLab with the same settings. */
export function componentSnippet(appUrl: string, settings: URLSearchParams, title: string): string {
  const props = [...settings].map(([name, value]) => {
    const spec = BY_PARAM.get(name);
    const prop = spec?.prop ?? name;
    return spec?.numeric && /^\d+$/.test(value)
      ? `${prop}={${value}}`
      : `${prop}="${escapeAttribute(value)}"`;
  });
  return (
    `import { RaceLab } from 'race-lab-embed';\n\n` +
    `<RaceLab src="${escapeAttribute(appUrl)}" ${props.join(' ')} title="${escapeAttribute(title)}" />`
  );
}
