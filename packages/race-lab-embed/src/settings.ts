// What an embed shows, as attributes, props and URL parameters (docs/embedding.md). Pure: no
// window, no document, so it runs on a server too.

import { SETTING_SPECS, type SettingSpec, type SpecName } from './attributes.js';

/** The settings of an embed; each is the URL parameter of the same name. */
export interface RaceLabSettings {
  preset?: 'blog' | 'pair' | 'quad' | 'bank' | 'claim' | 'custom';
  workers?: number;
  increments?: number;
  strategy?: 'racy' | 'atomic' | 'lock' | 'lock-each' | 'cas';
  work?: number;
  /** The lesson: the counter (default), the bank that pays too much, the claim two workers win. */
  scenario?: 'counter' | 'bank' | 'claim';
  /** The bank's opening balance, 0–1,000,000 (default: half of all withdrawals attempted). */
  balance?: number;
  view?: 'run' | 'explore' | 'compare';
  mode?: 'run' | 'step';
  /** A fixed interleaving, as the app's Share link writes it. */
  schedule?: string;
  seed?: number;
  engine?: 'auto' | 'workers' | 'simulated';
  theme?: 'auto' | 'light' | 'dark';
  trace?: 'auto' | 'on' | 'wall' | 'off';
  /** One step-mode challenge by id, e.g. `lose-one`. */
  challenge?: string;
  /** A Race Lab trace file on the app's own origin, played on open (`trace-url`). */
  traceUrl?: string;
  /** `transparent`: no background of its own, the host page's shows through. */
  background?: 'opaque' | 'transparent';
}

export type SettingName = keyof RaceLabSettings;

// Every setting has its row in the table, and every row is a setting: either slip fails to compile.
const SPECS: Readonly<Record<SettingName, SettingSpec>> &
  Record<Exclude<SpecName, SettingName>, never> = SETTING_SPECS;

/** Every setting with its attribute / URL parameter name. */
export const SETTING_ATTRIBUTES = Object.fromEntries(
  Object.entries(SPECS).map(([name, spec]) => [name, spec.attribute]),
) as Readonly<Record<SettingName, string>>;

export const SETTING_NAMES = Object.keys(SPECS) as SettingName[];

/**
 * Settings a running frame takes through race-lab:set. The others (a schedule, a challenge, a
 * trace file) decide what the frame opens with, so changing them loads the frame again.
 */
export const LIVE_SETTINGS: readonly SettingName[] = SETTING_NAMES.filter(
  (name) => SPECS[name].live,
);

/** Where the app lives, as a folder URL: `https://lab.example` → `https://lab.example/`. */
export function appFolder(src: string): string {
  const clean = src.replace(/[?#].*$/, '');
  if (clean.endsWith('/') || /^[a-z][a-z0-9+.-]*:\/\/[^/]+$/i.test(clean)) {
    return clean.endsWith('/') ? clean : `${clean}/`;
  }
  // A file (`…/embed.js`, `…/index.html`) stands for its folder; anything else is a folder.
  return /\/[^/]*\.[a-z]+$/i.test(clean) ? clean.replace(/[^/]*$/, '') : `${clean}/`;
}

/** The embed's URL for `settings` (unset ones are the app's defaults), naming the frame `id`. */
export function frameUrl(src: string, settings: RaceLabSettings, id?: string): string {
  const params = new URLSearchParams({ embed: '1' });
  for (const name of SETTING_NAMES) {
    const value = settings[name];
    if (value !== undefined && value !== null && value !== '') {
      params.set(SETTING_ATTRIBUTES[name], String(value));
    }
  }
  if (id) params.set('frame', id);
  return `${appFolder(src)}?${params}`;
}

/** The full page with the same settings: the fallback link, and "open it big". */
export function pageUrl(src: string, settings: RaceLabSettings): string {
  const url = frameUrl(src, settings);
  return url.replace('?embed=1&', '?').replace(/\?embed=1$/, '');
}

/** The race-lab:set message for the live settings that differ between `before` and `after`. */
export function changedSettings(
  before: RaceLabSettings,
  after: RaceLabSettings,
): Record<string, unknown> | null {
  const changed: Record<string, unknown> = {};
  for (const name of LIVE_SETTINGS) {
    if (before[name] !== after[name] && after[name] !== undefined) changed[name] = after[name];
  }
  return Object.keys(changed).length > 0 ? { type: 'race-lab:set', ...changed } : null;
}

/** Whether going from `before` to `after` needs the frame loaded again. */
export function needsReload(before: RaceLabSettings, after: RaceLabSettings): boolean {
  return SETTING_NAMES.some(
    (name) =>
      before[name] !== after[name] && (!LIVE_SETTINGS.includes(name) || after[name] === undefined),
  );
}
