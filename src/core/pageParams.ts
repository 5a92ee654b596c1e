import { z } from './zod';
import { CHALLENGES } from './challenges';
import { parseParam } from './config';
import { SCHEDULE_PATTERN } from './schedule';

/** How the page is shown, as opposed to what a run does (see config.ts). */
export interface PageParams {
  mode: 'run' | 'step';
  /** `compare` runs racy and atomic side by side (an embed's view). */
  view: 'run' | 'explore' | 'compare';
  engine: 'auto' | 'workers' | 'simulated';
  seed: number | null;
  /** The compact schedule text, decoded by the step/replay engines. */
  schedule: string | null;
  embed: boolean;
  /** One step-mode challenge to play, by id. */
  challenge: string | null;
  /** A Race Lab trace file on this origin to open (URL parameter `trace-url`). */
  traceUrl: string | null;
  theme: 'auto' | 'light' | 'dark';
  /** An embed on its post's own colours (transparent) or on its own (opaque). */
  background: 'opaque' | 'transparent';
  debug: boolean;
  /** Test hook, honoured only with `debug`: this worker throws halfway through each run. */
  fail: number | null;
}

export const DEFAULT_PAGE_PARAMS: PageParams = {
  mode: 'run',
  view: 'run',
  engine: 'auto',
  seed: null,
  schedule: null,
  embed: false,
  challenge: null,
  traceUrl: null,
  theme: 'auto',
  background: 'opaque',
  debug: false,
  fail: null,
};

export const PAGE_PARAM_SCHEMAS = {
  mode: z.enum(['run', 'step'], { error: 'must be run or step' }),
  view: z.enum(['run', 'explore', 'compare'], { error: 'must be run, explore or compare' }),
  engine: z.enum(['auto', 'workers', 'simulated'], { error: 'must be auto, workers or simulated' }),
  seed: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be at least 0' })
    .max(2 ** 31 - 1, { error: 'must be at most 2,147,483,647' }),
  schedule: z
    .string()
    .max(20_000, { error: 'is too long' })
    .regex(SCHEDULE_PATTERN, { error: 'is not thread letters, each with an optional count' }),
  embed: z.enum(['0', '1'], { error: 'must be 0 or 1' }).transform((v) => v === '1'),
  challenge: z.enum(
    CHALLENGES.map((c) => c.id),
    { error: `must be one of ${CHALLENGES.map((c) => c.id).join(', ')}` },
  ),
  // A path or URL; that it is on the app's own origin is checked where it is fetched.
  traceUrl: z
    .string()
    .min(1, { error: 'is empty' })
    .regex(/^[^\s"'<>\\]*$/, { error: 'is not a URL' }),
  theme: z.enum(['auto', 'light', 'dark'], { error: 'must be auto, light or dark' }),
  background: z.enum(['opaque', 'transparent'], { error: 'must be opaque or transparent' }),
  debug: z.enum(['0', '1'], { error: 'must be 0 or 1' }).transform((v) => v === '1'),
  fail: z.coerce
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(1, { error: 'must be at least 1' })
    .max(63, { error: 'must be at most 63' }),
} as const;

/** URL names that differ from the field names. */
const URL_NAMES: Partial<Record<keyof PageParams, string>> = { traceUrl: 'trace-url' };
const urlName = (field: string): string => URL_NAMES[field as keyof PageParams] ?? field;

/** Read the page parameters; invalid ones fall back to their defaults with a message each. */
export function parsePageParams(params: URLSearchParams): { page: PageParams; messages: string[] } {
  const messages: string[] = [];
  const page: PageParams = { ...DEFAULT_PAGE_PARAMS };
  const out = page as unknown as Record<string, unknown>;
  for (const [name, schema] of Object.entries(PAGE_PARAM_SCHEMAS)) {
    const raw = params.get(urlName(name));
    if (raw === null) continue;
    const parsed =
      name === 'schedule'
        ? parseSchedule(raw)
        : parseParam(urlName(name), raw, schema as z.ZodType<unknown>);
    if (parsed.ok) out[name] = parsed.value;
    else messages.push(parsed.message);
  }
  return { page, messages };
}

/** The schedule is longer than any other parameter, so it skips parseParam's length cap. */
function parseSchedule(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const result = PAGE_PARAM_SCHEMAS.schedule.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    message: `Ignored schedule: ${result.error.issues[0]?.message ?? 'is not valid'}.`,
  };
}

/** Write the page parameters that differ from the defaults into `params` (others kept). */
export function pageToParams(page: PageParams, params = new URLSearchParams()): URLSearchParams {
  for (const key of Object.keys(PAGE_PARAM_SCHEMAS) as (keyof PageParams)[]) {
    params.delete(urlName(key));
    const value = page[key];
    if (value === DEFAULT_PAGE_PARAMS[key] || value === null) continue;
    params.set(urlName(key), typeof value === 'boolean' ? (value ? '1' : '0') : String(value));
  }
  return params;
}
