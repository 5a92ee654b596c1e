import { z } from './zod';
import { RUN_PARAM_SCHEMAS } from './config';
import { MAX_THREADS, MAX_TRACE_EVENTS } from './layout';
import type { ThreadRole } from './threads';

export const TRACE_FORMAT = 'race-lab-trace';
/** The version this page writes: 2 gives every event the cell it touched. */
export const TRACE_VERSION = 2;
/** Versions this page reads: version 1 files (no cell per event) still open. */
export const TRACE_VERSIONS_READ = [1, 2] as const;
/** The versions read, in words for messages: "versions 1 and 2". */
export const VERSIONS_READ_TEXT = `versions ${TRACE_VERSIONS_READ.join(' and ')}`;

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
/** Longer thread names are never written by the page and only cost memory to keep. */
const MAX_NAME_LENGTH = 200;

/** "missing; expected …" when the field is absent, "expected …" when it has the wrong type. */
const expecting = (what: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? `missing; expected ${what}` : `expected ${what}`;

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: expecting(what) })
    .int({ error: `expected ${what}` })
    .min(min, { error: `expected ${what}` })
    .max(max, { error: `expected ${what}` });

const int32 = wholeNumber('a whole number within 32-bit range', INT32_MIN, INT32_MAX);
const threadId = wholeNumber(`a thread id (0 to ${MAX_THREADS - 1})`, 0, MAX_THREADS - 1);

/** A JSON number checked by the same rules as the URL parameter of the same name. */
const urlNumber = (
  rule: (typeof RUN_PARAM_SCHEMAS)['workers' | 'increments' | 'work' | 'balance'],
) =>
  // The URL rule takes any input (it coerces text); here it only ever sees numbers.
  z.number({ error: expecting('a number') }).pipe(rule as z.ZodType<number, number>);

/** The run config: exactly the rules of the URL parameters (config.ts), on JSON values. */
const configSchema = z.object(
  {
    preset: RUN_PARAM_SCHEMAS.preset,
    workers: urlNumber(RUN_PARAM_SCHEMAS.workers),
    increments: urlNumber(RUN_PARAM_SCHEMAS.increments),
    strategy: RUN_PARAM_SCHEMAS.strategy,
    work: urlNumber(RUN_PARAM_SCHEMAS.work),
    trace: RUN_PARAM_SCHEMAS.trace,
    // Absent in files from before scenarios: those are counter runs.
    scenario: RUN_PARAM_SCHEMAS.scenario.optional(),
    balance: urlNumber(RUN_PARAM_SCHEMAS.balance).optional(),
  },
  { error: expecting('an object') },
);

const ROLES = {
  main: 'main',
  supervisor: 'supervisor',
  leaf: 'leaf',
} as const satisfies Record<ThreadRole, ThreadRole>;

const threadSchema = z.object(
  {
    id: threadId,
    name: z
      .string({ error: expecting('a string') })
      .max(MAX_NAME_LENGTH, { error: `expected at most ${MAX_NAME_LENGTH} characters` }),
    parent: threadId.nullable(),
    role: z.enum(ROLES, { error: 'expected one of main, supervisor, leaf' }).optional(),
  },
  { error: expecting('an object') },
);

/**
 * Only "is an array, not too long": the elements of `events` and `schedule` can number in the
 * millions, and zod took about five times as long as a plain loop over them (1.1 s for two
 * million events). The events are checked in traceFileEvents.ts, the schedule in
 * traceFileChecks.ts, with the same style of messages.
 */
const bigArray = (what: string) =>
  z
    .custom<unknown[]>((value) => Array.isArray(value), { error: expecting(`an array of ${what}`) })
    .refine((list) => list.length <= MAX_TRACE_EVENTS, {
      error: `expected at most ${MAX_TRACE_EVENTS.toLocaleString('en')} ${what}`,
    });

/**
 * Everything in a trace file (version 1 or 2) except the elements of `events` and `schedule`. Fields
 * not named here (generator, createdAt, summary, anything newer) are accepted and dropped.
 */
export const TRACE_FILE_SCHEMA = z.object({
  format: z.literal(TRACE_FORMAT),
  version: z.literal(TRACE_VERSIONS_READ),
  config: configSchema,
  // The length is checked before the elements, so a huge list fails once, not per element.
  threads: z
    .array(z.unknown(), { error: expecting('an array of threads') })
    .min(1, { error: 'expected at least the main thread' })
    .max(MAX_THREADS, { error: `expected at most ${MAX_THREADS} threads` })
    .pipe(z.array(threadSchema)),
  expected: int32,
  final: int32,
  truncated: z.boolean({ error: expecting('true or false') }),
  schedule: bigArray('thread ids').optional(),
  events: bigArray('events'),
});

export type TraceFileEnvelope = z.infer<typeof TRACE_FILE_SCHEMA>;

/** A zod issue path as written in messages: `threads[2].parent`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Check the envelope; the first problem becomes one plain message. */
export function parseEnvelope(
  data: unknown,
): { ok: true; value: TraceFileEnvelope } | { ok: false; message: string } {
  const result = TRACE_FILE_SCHEMA.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (!issue) return { ok: false, message: 'The file is not a valid trace.' };
  const where = formatPath(issue.path);
  return { ok: false, message: where === '' ? issue.message : `${where}: ${issue.message}` };
}
