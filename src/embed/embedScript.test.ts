import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_SPECS } from '../../packages/race-lab-embed/src/attributes';
import { PRESET_IDS, presetConfig } from '../core/config';
import { buildThreads } from '../core/threads';
import { HEIGHT_BANDS, laneHeight } from './embedHeight';
import { bundleEmbedScript } from '../../site.config';
import { embedScriptTables, fillEmbedScript } from './embedScript';

const folder = new URL('./script/', import.meta.url);
/** Every module of embed.js's source, one after another. */
const template = readdirSync(folder)
  .map((name) => readFileSync(new URL(name, folder), 'utf8'))
  .join('\n');
const built = fillEmbedScript(await bundleEmbedScript());

/** The value embed.js gives `name` (`var NAME = …;`), evaluated. */
function valueIn(name: string): unknown {
  const text = new RegExp(`var ${name} = ([^;]*);`).exec(built)?.[1];
  expect(text, name).toBeDefined();
  return new Function(`return ${text}`)();
}

const specs = Object.values(SETTING_SPECS);

// Catches: a table typed into embed.js by hand again (it would drift from the app's), a marker
// the build leaves in the script, and a script the filling breaks.
describe('embed.js as built', () => {
  it('takes every table from the app, and is a script that parses', () => {
    for (const name of Object.keys(embedScriptTables())) expect(template).toContain(`__${name}__`);
    expect(built).not.toMatch(/__[A-Z_]+__/);
    expect(() => new Function(built)).not.toThrow();
    expect(() => fillEmbedScript('var X = __NO_SUCH_TABLE__;')).toThrow('__NO_SUCH_TABLE__');
  });

  it('reserves the heights the embed asks for, lanes counted as the app counts them', () => {
    expect(valueIn('HEIGHT_BANDS')).toEqual(HEIGHT_BANDS);
    expect(valueIn('PRESET_THREADS')).toEqual(
      Object.fromEntries(PRESET_IDS.map((id) => [id, buildThreads(presetConfig(id)).length])),
    );
    expect(built).toContain(`threads > 10 ? ${laneHeight(11)} : ${laneHeight(10)}`);
  });

  it("takes the race-lab-embed package's attributes, the live ones live", () => {
    expect(valueIn('ATTRIBUTES')).toEqual(specs.map((s) => s.attribute));
    expect(valueIn('LIVE')).toEqual(specs.filter((s) => s.live).map((s) => s.attribute));
    expect(valueIn('ATTRIBUTES')).toContain('scenario');
    expect(valueIn('LIVE')).toContain('balance');
  });
});
