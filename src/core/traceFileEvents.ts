import { FLAG } from './layout';
import { cellOfOp, OPS, opCode } from './ops';
import { allocEvents, withoutIndexTicks, type TraceEvents } from './trace';

const CAS = opCode('cas');
/** Ops that always say what they replaced; a cas does only when it succeeded. */
const WRITES: ReadonlySet<string> = new Set(['write', 'add']);
const OP_CODES: ReadonlyMap<string, number> = new Map(OPS.map((op, code) => [op, code]));
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const INT32_WORDS = 'a whole number within 32-bit range';

const isInt32 = (x: unknown): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= INT32_MIN && x <= INT32_MAX;

const isNonNegative = (x: unknown): x is number =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0;

/** "missing; expected …" when the field is absent, "expected …" when it has the wrong shape. */
const expecting = (value: unknown, what: string): string =>
  value === undefined ? `missing; expected ${what}` : `expected ${what}`;

export type EventsResult = { ok: true; events: TraceEvents } | { ok: false; message: string };

/**
 * Check the `events` of a parsed file and fill trace columns in one pass. `withCells`: each
 * event names its cell (version 2), which must be the one its op touches. Hand-written
 * instead of zod: on 2,000,000 events a zod schema per event took about 1.1 s against
 * 0.2–0.3 s for this loop (Node 20), and it builds a second copy of every event besides.
 */
export function readEvents(
  list: readonly unknown[],
  threadCount: number,
  withCells: boolean,
): EventsResult {
  const n = list.length;
  const out = allocEvents(n, false, 'index');
  const ticks = new Float64Array(n);
  let wall: Float64Array | null = null;
  let sorted = true;
  let i = 0;
  // The path is spelled out only on failure: building it per event costs more than the checks.
  const fail = (field: string, message: string): EventsResult => ({
    ok: false,
    message: `events[${i}]${field === '' ? '' : `.${field}`}: ${message}`,
  });
  for (; i < n; i++) {
    const item = list[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) {
      return fail('', 'expected an object');
    }
    const ev = item as Record<string, unknown>;
    const { tick, thread, op, value, replaced, ok } = ev;
    if (!isNonNegative(tick)) return fail('tick', expecting(tick, 'a non-negative number'));
    if (typeof thread !== 'number' || !Number.isInteger(thread) || thread < 0) {
      return fail('thread', expecting(thread, 'a thread id'));
    }
    if (thread >= threadCount) {
      return fail('thread', `no thread has id ${thread} (the file lists 0 to ${threadCount - 1})`);
    }
    const code = typeof op === 'string' ? OP_CODES.get(op) : undefined;
    if (code === undefined) return fail('op', expecting(op, `one of ${OPS.join(', ')}`));
    if (!isInt32(value)) return fail('value', expecting(value, INT32_WORDS));
    if (replaced !== undefined && !isInt32(replaced)) {
      return fail('replaced', `expected ${INT32_WORDS}`);
    }
    if (ok !== undefined && typeof ok !== 'boolean') return fail('ok', 'expected true or false');
    if (withCells && ev.cell !== cellOfOp(code)) return fail('cell', cellProblem(ev.cell, code));
    const problem = replacedProblem(op as string, replaced !== undefined, ok);
    if (problem) return fail(problem[0], problem[1]);
    if (ev.wall !== undefined) {
      if (!isNonNegative(ev.wall)) {
        return fail('wall', 'expected a non-negative number of milliseconds');
      }
      wall ??= new Float64Array(n).fill(-1);
      wall[i] = ev.wall;
    }
    ticks[i] = tick;
    out.thread[i] = thread;
    out.op[i] = code;
    out.value[i] = value;
    if (replaced !== undefined) {
      out.replaced[i] = replaced;
      // A cas that replaced a value is a successful one: the recorder writes them together.
      out.flags[i] = FLAG.hasReplaced | (code === CAS ? FLAG.casOk : 0);
    }
    if (i > 0 && tick < ticks[i - 1]!) sorted = false;
  }
  out.wall = wall;
  out.tick = withoutIndexTicks(ticks);
  return { ok: true, events: sorted ? out : sortByTick(out, ticks) };
}

/** Why an event's `cell` is wrong for its op (code): the lock's ops touch 1, the rest 0. */
function cellProblem(cell: unknown, code: number): string {
  const want = cellOfOp(code);
  const where = want === 1 ? 'the lock' : "the scenario's shared cell";
  if (cell === undefined) return `missing; expected ${want} (a ${OPS[code]} touches ${where})`;
  return `expected ${want}: a ${OPS[code]} touches ${where}`;
}

/** Which ops carry `replaced`, as RecordingMemory writes them: [field, problem], or null. */
function replacedProblem(op: string, hasReplaced: boolean, ok: unknown): [string, string] | null {
  if (op === 'cas') {
    if (ok === true && !hasReplaced) {
      return ['replaced', 'missing; a successful cas says what it replaced'];
    }
    if (ok === false && hasReplaced) return ['replaced', 'a failed cas replaces nothing'];
    return null;
  }
  if (ok !== undefined) return ['ok', `only a cas has ok, not a ${op}`];
  if (WRITES.has(op) && !hasReplaced) return ['replaced', `missing; a ${op} says what it replaced`];
  if (!WRITES.has(op) && hasReplaced) return ['replaced', `a ${op} replaces nothing`];
  return null;
}

/** The same events ordered by tick; equal ticks keep file order, as eventsFromList does. */
function sortByTick(e: TraceEvents, ticks: Float64Array): TraceEvents {
  const order = Array.from({ length: e.length }, (_, i) => i);
  order.sort((a, b) => ticks[a]! - ticks[b]! || a - b);
  const out = allocEvents(e.length, e.wall !== null, 'index');
  const sortedTicks = new Float64Array(e.length);
  order.forEach((from, to) => {
    sortedTicks[to] = ticks[from]!;
    out.thread[to] = e.thread[from]!;
    out.op[to] = e.op[from]!;
    out.value[to] = e.value[from]!;
    out.replaced[to] = e.replaced[from]!;
    out.flags[to] = e.flags[from]!;
    if (out.wall) out.wall[to] = e.wall![from]!;
  });
  return { ...out, tick: withoutIndexTicks(sortedTicks) };
}
