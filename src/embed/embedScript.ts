import { SETTING_SPECS } from '../../packages/race-lab-embed/src/attributes';
import { PRESET_IDS, presetConfig } from '../core/config';
import { buildThreads } from '../core/threads';
import { HEIGHT_BANDS } from './embedHeight';

// embed.js (docs/embedding.md) is a plain script for any host page, bundled at build time
// (site.config.ts) from the modules in src/embed/script/. Its tables are the app's own,
// filled in after bundling, so the host reserves what the frame asks for and the element
// takes the attributes the race-lab-embed package takes.

/** A value as script source: JSON, but Infinity stays Infinity. */
const source = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v === Infinity ? '__INFINITY__' : v)).replace(
    /"__INFINITY__"/g,
    'Infinity',
  );

/** Each table embed.js reads, by the name it has in the script's source. */
export function embedScriptTables(): Record<string, unknown> {
  const specs = Object.values(SETTING_SPECS);
  return {
    HEIGHT_BANDS,
    PRESET_THREADS: Object.fromEntries(
      PRESET_IDS.map((id) => [id, buildThreads(presetConfig(id)).length]),
    ),
    ATTRIBUTES: specs.map((s) => s.attribute),
    LIVE_ATTRIBUTES: specs.filter((s) => s.live).map((s) => s.attribute),
  };
}

/** The script's source with every `__TABLE__` filled in; throws on one it does not know. */
export function fillEmbedScript(template: string): string {
  const tables = embedScriptTables();
  return template.replace(/__([A-Z_]+)__/g, (marker, name: string) => {
    if (!(name in tables)) throw new Error(`embed.js names no table ${marker}.`);
    return source(tables[name]);
  });
}
