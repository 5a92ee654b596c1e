// What an embed shows, as attributes, props and URL parameters (docs/embedding.md). Pure: no
// window, no document, so it runs on a server too.

/** The settings of an embed; each is the URL parameter of the same name. */
export interface RaceLabSettings {
  preset?: 'blog' | 'pair' | 'quad' | 'custom';
  workers?: number;
  increments?: number;
  strategy?: 'racy' | 'atomic' | 'lock' | 'lock-each' | 'cas';
  work?: number;
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
}

export type SettingName = keyof RaceLabSettings;

/** Every setting with its attribute / URL parameter name. */
export const SETTING_ATTRIBUTES: Readonly<Record<SettingName, string>> = {
  preset: 'preset',
  workers: 'workers',
  increments: 'increments',
  strategy: 'strategy',
  work: 'work',
  view: 'view',
  mode: 'mode',
  schedule: 'schedule',
  seed: 'seed',
  engine: 'engine',
  theme: 'theme',
  trace: 'trace',
  challenge: 'challenge',
  traceUrl: 'trace-url',
};

export const SETTING_NAMES = Object.keys(SETTING_ATTRIBUTES) as SettingName[];

/**
 * Settings a running frame takes through race-lab:set. The others (a schedule, a challenge, a
 * trace file) decide what the frame opens with, so changing them loads the frame again.
 */
export const LIVE_SETTINGS: readonly SettingName[] = [
  'preset',
  'workers',
  'increments',
  'strategy',
  'work',
  'view',
  'mode',
  'seed',
  'engine',
  'theme',
  'trace',
];

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
