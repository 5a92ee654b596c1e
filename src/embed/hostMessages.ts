import { z } from '../core/zod';
import { RUN_PARAM_SCHEMAS, type PresetId, type TraceSetting } from '../core/config';
import { PAGE_PARAM_SCHEMAS, type PageParams } from '../core/pageParams';
import type { ScenarioId } from '../core/scenarioTypes';
import type { StrategyId } from '../core/strategies';

// The messages between an embedded Race Lab and the page that frames it (docs/embedding.md).
// Each version only adds to the one before: new fields, new messages; nothing removed or
// renamed. Version 3 adds the scenario (and the bank's balance) to ready, result and set.

/** The protocol version the embed speaks, sent in race-lab:ready. */
export const PROTOCOL_VERSION = 3;

/** What race-lab:ready reports of the settings: the URL parameters' names and values. */
export interface ReadySettings {
  preset: PresetId;
  workers: number;
  increments: number;
  strategy: StrategyId;
  work: number;
  trace: TraceSetting;
  scenario: ScenarioId;
  /** The bank's opening balance; null in the other scenarios. */
  balance: number | null;
  view: PageParams['view'];
  mode: PageParams['mode'];
  engine: PageParams['engine'];
  seed: number | null;
  theme: PageParams['theme'];
  challenge: string | null;
}

/** Sent when the embed listens for commands, and again in answer to race-lab:hello. */
export interface ReadyMessage {
  type: 'race-lab:ready';
  version: number;
  settings: ReadySettings;
  /** The last finished run's result message, or null before any. */
  result: ResultMessage | null;
}

/** Sent after every run that finished (not stopped, not failed). */
export interface ResultMessage {
  type: 'race-lab:result';
  expected: number;
  final: number;
  lost: number;
  strategy: StrategyId;
  engine: 'workers' | 'simulated';
  scenario: ScenarioId;
  /** bank: payments made, and whether the balance ended below zero. */
  paid?: number;
  overdrawn?: boolean;
  /** claim: workers that believe they won, and the id the owner cell holds. */
  winners?: number;
  owner?: number;
  /** In the compare view: the side that ran (`left` racy, `right` atomic). */
  side?: 'left' | 'right';
}

/** Sent when a run fails, or when the host's settings were refused. */
export interface ErrorMessage {
  type: 'race-lab:error';
  /** In words for the reader. */
  message: string;
}

/** Sent whenever the embed's content height changes, so the host can size the frame. */
export interface HeightMessage {
  type: 'race-lab:height';
  /** CSS pixels, rounded up. */
  height: number;
}

/** Everything the embed posts to its host. */
export type OutgoingMessage = ReadyMessage | ResultMessage | ErrorMessage | HeightMessage;

/** Settings a host may change with race-lab:set; absent fields are left as they are. */
export interface HostSettings {
  preset?: PresetId;
  workers?: number;
  increments?: number;
  strategy?: StrategyId;
  work?: number;
  scenario?: ScenarioId;
  /** The bank's opening balance (only the bank scenario has one). */
  balance?: number;
  /** The Atomic increments switch: true is the atomic strategy, false the racy one. */
  atomic?: boolean;
  theme?: PageParams['theme'];
  trace?: TraceSetting;
  view?: PageParams['view'];
  mode?: PageParams['mode'];
  engine?: PageParams['engine'];
  seed?: number;
}

/** A command from the host, validated. */
export type HostCommand =
  | { type: 'run' }
  | { type: 'stop' }
  /** Ask for race-lab:ready again: a host whose script loaded late. */
  | { type: 'hello' }
  /** `refused` says, in words for the reader, which fields were ignored and why. */
  | { type: 'set'; settings: HostSettings; refused: string[] };

/** A number in a message may be a JSON number or, like in the URL, a string of digits. */
const numeric = (rule: z.ZodType<number>) =>
  z
    .union([z.number(), z.string().max(64)], { error: 'must be a number' })
    // The URL's rule takes anything (it coerces); here it only ever sees numbers and strings.
    .pipe(rule as z.ZodType<number, string | number>);

const R = RUN_PARAM_SCHEMAS;

/** One schema per race-lab:set field: the URL's own rules, so both refuse the same values. */
export const SET_FIELD_SCHEMAS = {
  preset: R.preset,
  workers: numeric(R.workers),
  increments: numeric(R.increments),
  strategy: R.strategy,
  work: numeric(R.work),
  scenario: R.scenario,
  balance: numeric(R.balance),
  atomic: z.boolean({ error: 'must be true or false' }),
  theme: PAGE_PARAM_SCHEMAS.theme,
  trace: R.trace,
  view: PAGE_PARAM_SCHEMAS.view,
  mode: PAGE_PARAM_SCHEMAS.mode,
  engine: PAGE_PARAM_SCHEMAS.engine,
  seed: numeric(PAGE_PARAM_SCHEMAS.seed),
} as const;

const SET_FIELDS = Object.keys(SET_FIELD_SCHEMAS) as (keyof HostSettings)[];

/** Unknown field names named in a notice, at most; a host could send thousands. */
const MAX_NAMED_UNKNOWN = 5;

const COMMANDS = {
  'race-lab:run': 'run',
  'race-lab:stop': 'stop',
  'race-lab:hello': 'hello',
} as const;
const envelope = z.object({
  type: z.enum(['race-lab:run', 'race-lab:stop', 'race-lab:hello', 'race-lab:set']),
});
const record = z.record(z.string(), z.unknown());

/** A value as a notice shows it: short, and never markup. */
const shown = (value: unknown): string => {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 24 ? `${text.slice(0, 24)}…` : text;
};

/**
 * Read a message from the host. Anything that is not a Race Lab command gives null (ignored
 * without a word); a race-lab:set keeps its valid fields and lists the refused ones.
 */
export function parseHostMessage(data: unknown): HostCommand | null {
  const head = envelope.safeParse(data);
  if (!head.success) return null;
  if (head.data.type !== 'race-lab:set') return { type: COMMANDS[head.data.type] };
  const parsed = record.safeParse(data);
  if (!parsed.success) return null;
  const fields = parsed.data;
  const settings: Record<string, unknown> = {};
  const refused: string[] = [];
  for (const name of SET_FIELDS) {
    if (!(name in fields)) continue;
    const result = SET_FIELD_SCHEMAS[name].safeParse(fields[name]);
    if (result.success) settings[name] = result.data;
    else {
      const reason = result.error.issues[0]?.message ?? 'is not valid';
      refused.push(`Ignored ${name}=${shown(fields[name])} from the host page: ${reason}.`);
    }
  }
  const unknown = Object.keys(fields).filter(
    (k) => k !== 'type' && !(SET_FIELDS as string[]).includes(k),
  );
  if (unknown.length > 0) {
    const named = unknown.slice(0, MAX_NAMED_UNKNOWN).map((k) => shown(k));
    const more = unknown.length - named.length;
    refused.push(
      `Ignored unknown settings from the host page: ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
    );
  }
  return { type: 'set', settings: settings as HostSettings, refused };
}
