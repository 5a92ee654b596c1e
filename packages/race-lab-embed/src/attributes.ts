// The one table of an embed's settings: each is a prop of RaceLab, an attribute of <race-lab>
// and the URL parameter of the attribute's name. The element, the component and the app's
// Share dialog read it, and the app's build writes its lists into the app's embed.js
// (src/embed/embedScript.ts), whose <race-lab> so takes the same attributes.

/** How one setting is written and whether a running frame takes it. */
export interface SettingSpec {
  /** The attribute and URL parameter. */
  attribute: string;
  /** A running frame takes a change through race-lab:set; otherwise the frame opens anew. */
  live: boolean;
  /** A number: written `{2}` rather than `"2"` in a React snippet. */
  numeric: boolean;
}

const live = (attribute: string, numeric = false): SettingSpec => ({
  attribute,
  live: true,
  numeric,
});
const opening = (attribute: string): SettingSpec => ({ attribute, live: false, numeric: false });

/**
 * Every setting, in the order URLs write them. Those that are not live decide what the frame
 * opens with (a schedule, a challenge, a trace file, the background), so changing them loads
 * the frame again.
 */
export const SETTING_SPECS = {
  preset: live('preset'),
  workers: live('workers', true),
  increments: live('increments', true),
  strategy: live('strategy'),
  work: live('work', true),
  scenario: live('scenario'),
  balance: live('balance', true),
  view: live('view'),
  mode: live('mode'),
  schedule: opening('schedule'),
  seed: live('seed', true),
  engine: live('engine'),
  theme: live('theme'),
  trace: live('trace'),
  challenge: opening('challenge'),
  traceUrl: opening('trace-url'),
  background: opening('background'),
} as const satisfies Record<string, SettingSpec>;

export type SpecName = keyof typeof SETTING_SPECS;
