import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTING_SPECS } from '../../packages/race-lab-embed/src/attributes';
import { PROTOCOL_VERSION as PACKAGE_VERSION } from '../../packages/race-lab-embed/src/messages';
import { RUN_PARAM_SCHEMAS } from '../core/config';
import { PAGE_PARAM_SCHEMAS } from '../core/pageParams';
import { PROTOCOL_VERSION, SET_FIELD_SCHEMAS } from './hostMessages';

const embedJs = readFileSync(new URL('../../public/embed.js', import.meta.url), 'utf8');

/** One of embed.js's string lists, `var NAME = [ 'a', 'b' ];`. */
function listIn(name: string): string[] {
  const text = new RegExp(`var ${name} = \\[([^\\]]*)\\]`).exec(embedJs)?.[1];
  expect(text, name).toBeDefined();
  return [...text!.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
}

const specs = Object.values(SETTING_SPECS);

// Catches: an attribute added to the package's table (or to embed.js) and not to the other, so
// `<race-lab scenario="bank">` works with one script and is dropped by the other.
describe('the attributes of <race-lab>', () => {
  it('are the same in embed.js as in the race-lab-embed package, live ones too', () => {
    expect(listIn('ATTRIBUTES')).toEqual(specs.map((s) => s.attribute));
    expect(listIn('LIVE')).toEqual(specs.filter((s) => s.live).map((s) => s.attribute));
  });

  it('are each a URL parameter the app reads', () => {
    const params = [...Object.keys(RUN_PARAM_SCHEMAS), ...Object.keys(PAGE_PARAM_SCHEMAS)].map(
      (name) => (name === 'traceUrl' ? 'trace-url' : name),
    );
    for (const { attribute } of specs) expect(params).toContain(attribute);
  });

  it('that are live are each a field race-lab:set takes', () => {
    for (const { attribute } of specs.filter((s) => s.live)) {
      expect(Object.keys(SET_FIELD_SCHEMAS)).toContain(attribute);
    }
  });

  it('speak the protocol version the app speaks', () => {
    expect(PACKAGE_VERSION).toBe(PROTOCOL_VERSION);
  });
});
