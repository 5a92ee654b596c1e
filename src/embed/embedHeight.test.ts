import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRESET_IDS, presetConfig } from '../core/config';
import { buildThreads } from '../core/threads';
import { embedHeight, HEIGHT_BANDS, laneHeight } from './embedHeight';

const embedJs = readFileSync(new URL('../../public/embed.js', import.meta.url), 'utf8');

describe('the height an embed reserves', () => {
  it('is the same table in embed.js, so the host reserves what the frame asks for', () => {
    const table = /var HEIGHT_BANDS = (\[[\s\S]*?\]);/.exec(embedJs)?.[1];
    expect(table).toBeDefined();
    const bands = JSON.parse(table!.replace('Infinity', '1e999').replace(/,(\s*\])/g, '$1'));
    expect(bands).toEqual(HEIGHT_BANDS);
    expect(embedJs).toContain(`threads > 10 ? ${laneHeight(11)} : ${laneHeight(10)}`);
  });

  it('counts the lanes embed.js counts', () => {
    const presetThreads = /var PRESET_THREADS = (\{[^}]*\})/.exec(embedJs)?.[1];
    const counts = JSON.parse(presetThreads!.replace(/(\w+):/g, '"$1":')) as Record<string, number>;
    // Every preset, the scenarios' too: a missing one would reserve the blog's seven lanes.
    expect(counts).toEqual(
      Object.fromEntries(PRESET_IDS.map((id) => [id, buildThreads(presetConfig(id)).length])),
    );
  });

  it('is taller on narrow frames and with more lanes', () => {
    expect(embedHeight(320, 7)).toBeGreaterThan(embedHeight(700, 7));
    expect(embedHeight(700, 7)).toBeGreaterThanOrEqual(embedHeight(1280, 7));
    expect(embedHeight(700, 9)).toBe(embedHeight(700, 7) + 2 * laneHeight(9));
  });
});
