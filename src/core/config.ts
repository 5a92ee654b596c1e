import { z } from './zod';
import { SCENARIO_IDS, type ScenarioId } from './scenarioTypes';
import { SCENARIOS, scenarioOf, strategyOf } from './scenarios';
import { STRATEGY_IDS, type StrategyId } from './strategies';

export const PRESET_IDS = ['blog', 'pair', 'quad', 'bank', 'claim', 'custom'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const LIMITS = {
  workers: { min: 1, max: 16 },
  increments: { min: 1, max: 10_000_000 },
  work: { min: 0, max: 100_000 },
  balance: { min: 0, max: 1_000_000 },
  /** Every access is recorded by default up to this many. */
  traceAutoEvents: 10_000_000,
  /** A larger run records by default only its first this many accesses (a bounded window). */
  traceWindowEvents: 1_000_000,
} as const;

export interface Preset {
  id: PresetId;
  label: string;
  /** Leaves (workers that increment). */
  workers: number;
  increments: number;
  /** Default busy work between read and write. */
  work: number;
  /** The post's process tree (main › func3/func4 › func1/func2) rather than flat workers. */
  tree: boolean;
  /** The scenario it plays (counter when absent) and the bank's opening balance. */
  scenario?: ScenarioId;
  balance?: number;
}

export const PRESETS: Readonly<Record<PresetId, Preset>> = {
  blog: {
    id: 'blog',
    label: "The blog's program",
    workers: 4,
    increments: 100,
    work: 1000,
    tree: true,
  },
  pair: {
    id: 'pair',
    label: '2 workers × 1,000,000',
    workers: 2,
    increments: 1_000_000,
    work: 0,
    tree: false,
  },
  quad: {
    id: 'quad',
    label: '4 workers × 1,000,000',
    workers: 4,
    increments: 1_000_000,
    work: 0,
    tree: false,
  },
  bank: {
    id: 'bank',
    label: 'Bank: 4 × 1,000 withdrawals from 2,000',
    workers: 4,
    increments: 1000,
    work: 200,
    tree: false,
    scenario: 'bank',
    balance: 2000,
  },
  claim: {
    id: 'claim',
    label: 'Claim: 4 workers',
    workers: 4,
    increments: 1,
    work: 200,
    tree: false,
    scenario: 'claim',
  },
  custom: { id: 'custom', label: 'Custom', workers: 4, increments: 100_000, work: 0, tree: false },
};

/** Whether a run records every access: `wall` records each access's wall time too. */
export type TraceSetting = 'auto' | 'on' | 'wall' | 'off';

/** Everything that decides what a run does. */
export interface RunConfig {
  preset: PresetId;
  workers: number;
  increments: number;
  strategy: StrategyId;
  work: number;
  trace: TraceSetting;
  /** The lesson the run plays out; absent: the counter. */
  scenario?: ScenarioId;
  /** The bank's opening balance; absent: half of all withdrawals attempted. */
  balance?: number;
}

/** A run config with the preset's own numbers. */
export function presetConfig(id: PresetId, strategy: StrategyId = 'racy'): RunConfig {
  const p = PRESETS[id];
  const config: RunConfig = {
    preset: id,
    workers: p.workers,
    increments: p.increments,
    strategy,
    work: p.work,
    trace: 'auto',
  };
  if (p.scenario) config.scenario = p.scenario;
  if (p.balance !== undefined) config.balance = p.balance;
  return config;
}

export const DEFAULT_CONFIG: RunConfig = presetConfig('blog');

/** Shared accesses per attempt of a config's strategy when nothing contends (cas retries add more). */
export const accessesPerIncrement = (c: Pick<RunConfig, 'scenario' | 'strategy'>): number =>
  strategyOf(c).ops.length;

/** Whether a run with this config records its trace (all of it, or a window: traceWindowed). */
export function traceEnabled(config: RunConfig): boolean {
  return config.trace !== 'off';
}

/**
 * Whether the run records only a bounded window of its accesses (the first
 * LIMITS.traceWindowEvents): by default, when it makes more than LIMITS.traceAutoEvents.
 */
export function traceWindowed(config: RunConfig): boolean {
  const events = config.workers * config.increments * accessesPerIncrement(config);
  return config.trace === 'auto' && events > LIMITS.traceAutoEvents;
}

/**
 * Whether a traced run on real workers also records each access's wall time: a clock read per
 * access, so only when asked for. (A simulated run has no time to record.)
 */
export const wallTimeEnabled = (config: RunConfig): boolean => config.trace === 'wall';

/** The total a run must reach when no increment is lost. */
export const expectedTotal = (config: RunConfig): number => config.workers * config.increments;

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be at least ${min.toLocaleString('en')}` })
    .max(max, { error: `must be at most ${max.toLocaleString('en')}` });

/** One schema per URL parameter, so a bad one is reported and replaced on its own. */
export const RUN_PARAM_SCHEMAS = {
  preset: z.enum(PRESET_IDS, { error: `must be one of ${PRESET_IDS.join(', ')}` }),
  workers: wholeNumber(LIMITS.workers.min, LIMITS.workers.max),
  increments: wholeNumber(LIMITS.increments.min, LIMITS.increments.max),
  strategy: z.enum(STRATEGY_IDS, { error: `must be one of ${STRATEGY_IDS.join(', ')}` }),
  work: wholeNumber(LIMITS.work.min, LIMITS.work.max),
  trace: z.enum(['auto', 'on', 'wall', 'off'], { error: 'must be auto, on, wall or off' }),
  scenario: z.enum(SCENARIO_IDS, { error: `must be one of ${SCENARIO_IDS.join(', ')}` }),
  balance: wholeNumber(LIMITS.balance.min, LIMITS.balance.max),
} as const;

/** Validate one value against a schema; the message names the parameter and the rule. */
export function parseParam<T>(
  name: string,
  raw: string,
  schema: z.ZodType<T>,
): { ok: true; value: T } | { ok: false; message: string } {
  // A digit string longer than this is never valid and only costs time to coerce.
  if (raw.length > 64) return { ok: false, message: `Ignored ${name}: the value is too long.` };
  const result = schema.safeParse(raw.trim() === '' ? undefined : raw);
  if (result.success) return { ok: true, value: result.data };
  const reason = result.error.issues[0]?.message ?? 'is not valid';
  const shown = JSON.stringify(raw.slice(0, 24));
  return { ok: false, message: `Ignored ${name}=${shown}: ${reason}.` };
}

/** Read the run config from URL parameters; invalid values fall back with a message each. */
export function parseRunConfig(params: URLSearchParams): { config: RunConfig; messages: string[] } {
  const messages: string[] = [];
  const read = <T>(name: keyof typeof RUN_PARAM_SCHEMAS, schema: z.ZodType<T>): T | undefined => {
    const raw = params.get(name);
    if (raw === null) return undefined;
    const parsed = parseParam(name, raw, schema);
    if (parsed.ok) return parsed.value;
    messages.push(parsed.message);
    return undefined;
  };
  const S = RUN_PARAM_SCHEMAS;
  const workers = read('workers', S.workers);
  const increments = read('increments', S.increments);
  let preset = read('preset', S.preset) ?? 'blog';
  // Numbers of one's own make a custom run, whatever preset was named.
  if (params.has('workers') || params.has('increments')) preset = 'custom';
  const base = presetConfig(preset, read('strategy', S.strategy) ?? 'racy');
  const config: RunConfig = {
    ...base,
    workers: preset === 'custom' ? (workers ?? base.workers) : base.workers,
    increments: preset === 'custom' ? (increments ?? base.increments) : base.increments,
    work: read('work', S.work) ?? base.work,
    trace: read('trace', S.trace) ?? 'auto',
  };
  const scenario = read('scenario', S.scenario) ?? base.scenario ?? 'counter';
  const balance = read('balance', S.balance);
  delete config.scenario;
  delete config.balance;
  if (scenario !== 'counter') config.scenario = scenario;
  if (scenario === 'bank') {
    const opening = balance ?? (base.scenario === 'bank' ? base.balance : undefined);
    if (opening !== undefined) config.balance = opening;
  } else if (balance !== undefined) {
    messages.push('Ignored balance: only the bank scenario has a balance.');
  }
  const fixed = SCENARIOS[scenario].fixedAttempts;
  if (fixed && params.has('increments')) {
    messages.push(`Ignored increments: in the ${scenario} scenario ${fixed}.`);
  }
  return { config, messages };
}

/** The URL parameters that reproduce `config`, leaving out what equals the defaults. */
export function runConfigToParams(
  config: RunConfig,
  params = new URLSearchParams(),
): URLSearchParams {
  const preset = PRESETS[config.preset];
  for (const key of Object.keys(RUN_PARAM_SCHEMAS)) params.delete(key);
  if (config.preset !== 'blog' && config.preset !== 'custom') params.set('preset', config.preset);
  if (config.preset === 'custom') {
    params.set('workers', String(config.workers));
    // Where increments set no attempts (a claim), naming them would earn a notice.
    if (!scenarioOf(config).fixedAttempts) params.set('increments', String(config.increments));
  }
  if (config.strategy !== 'racy') params.set('strategy', config.strategy);
  if (config.work !== preset.work) params.set('work', String(config.work));
  if (config.trace !== 'auto') params.set('trace', config.trace);
  const scenario = config.scenario ?? 'counter';
  if (scenario !== (preset.scenario ?? 'counter')) params.set('scenario', scenario);
  if (config.balance !== undefined && config.balance !== preset.balance) {
    params.set('balance', String(config.balance));
  }
  return params;
}
