import { describe, expect, it } from 'vitest';
import { SETTING_SPECS } from '../../packages/race-lab-embed/src/attributes';
import { PROTOCOL_VERSION as PACKAGE_VERSION } from '../../packages/race-lab-embed/src/messages';
import { RUN_PARAM_SCHEMAS } from '../core/config';
import { PAGE_PARAM_SCHEMAS } from '../core/pageParams';
import { PROTOCOL_VERSION, SET_FIELD_SCHEMAS } from './hostMessages';

const specs = Object.values(SETTING_SPECS);

// Catches: an attribute the app does not read, or a live one race-lab:set refuses.
describe('the attributes of <race-lab>', () => {
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
