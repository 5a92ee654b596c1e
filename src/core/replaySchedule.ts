import { ArrayMemory } from './arrayMemory';
import { FLAG } from './layout';
import { opCode } from './ops';
import { RecordingMemory } from './recording';
import { Simulation } from './simulation';
import { strategyOf } from './scenarios';
import { type Strategy, type ThreadState } from './strategies';
import { leafIds } from './threads';
import { tickAt, type Trace, type TraceEvents } from './trace';

const READ = opCode('read');
const LOCK = opCode('lock');
const UNLOCK = opCode('unlock');

/** What one access leaves in a trace, the counter after it, and whether it ends its leaf. */
interface Prediction {
  op: number;
  value: number;
  replaced: number;
  flags: number;
  after: number;
  finishes: boolean;
}

/** What a leaf in state `t` would record if it moved now with the counter at `counter`. */
function predict(strategy: Strategy, t: ThreadState, counter: number, increments: number) {
  const p: Prediction = { op: -1, value: 0, replaced: 0, flags: 0, after: 0, finishes: false };
  const sink = {
    record(op: number, value: number, replaced: number, flags: number) {
      Object.assign(p, { op, value, replaced, flags });
    },
  };
  // A lock step is only offered while the lock is free, so a fresh memory's free lock is right.
  const mem = new ArrayMemory(counter);
  const next = { ...t };
  strategy.step(next, new RecordingMemory(mem, sink));
  p.after = mem.counter;
  p.finishes = next.done >= increments;
  return p;
}

const sameAccess = (p: Prediction, e: TraceEvents, i: number): boolean =>
  p.op === e.op[i] &&
  p.value === e.value[i] &&
  p.flags === e.flags[i] &&
  (!(p.flags & FLAG.hasReplaced) || p.replaced === e.replaced[i]);

/**
 * Per supervisor, the leaf that finished last, where the trace tells: a supervisor reads right
 * after its last leaf finishes, and a leaf's last write-like access (under the lock, for the
 * lock strategies) leaves the counter at its value. So the one leaf whose last write left what
 * the supervisor read finished last. (In a free run the supervisor may read later still.)
 */
function lastToFinish(trace: Trace): Map<number, number> {
  const e = trace.events;
  const lastWrite = new Map<number, number>();
  const read = new Map<number, number>();
  for (let i = 0; i < e.length; i++) {
    const t = e.thread[i]!;
    if (e.flags[i]! & FLAG.hasReplaced) lastWrite.set(t, e.value[i]!);
    else if (e.op[i] === READ && trace.threads[t]?.role === 'supervisor' && !read.has(t)) {
      read.set(t, e.value[i]!);
    }
  }
  const last = new Map<number, number>();
  for (const [supervisor, value] of read) {
    const fits = trace.threads.filter(
      (c) => c.parent === supervisor && lastWrite.get(c.id) === value,
    );
    if (fits.length === 1) last.set(supervisor, fits[0]!.id);
  }
  return last;
}

/**
 * The schedule that reproduces a trace. A free run stamps each access just after making it,
 * so stamps of near-simultaneous accesses can disagree with the order memory saw them in, and
 * replaying plain stamp order could give other values. So the order is rebuilt with the
 * simulation: at each step, among the leaves whose next recorded access is exactly what they
 * would do now (same op, value, replaced value, outcome), the smallest stamp moves, with two
 * refinements: an access that leaves memory alone (a read, a failed swap, a write of the value
 * already there) goes first, since making it as early as it fits cannot spoil any other; and
 * the leaf that finished last under its supervisor (see lastToFinish) does not finish while
 * a sibling is still going. When nothing fits (a truncated or inconsistent trace), the smallest
 * stamp moves anyway and `exact` is false. Exact means every leaf access replays with its
 * recorded values, and so does the final; in a free run a supervisor may have read later than
 * a replay's supervisor does (right after its leaves).
 */
export function scheduleFromTrace(trace: Trace): { schedule: number[]; exact: boolean } {
  if (trace.schedule) return { schedule: [...trace.schedule], exact: true };
  const { config } = trace;
  const strategy = strategyOf(config);
  const sim = new Simulation(config);
  const e = trace.events;
  const queues = sim.threads.map((): number[] => []);
  const isLeaf = new Set(leafIds(sim.threads));
  for (let i = 0; i < e.length; i++) if (isLeaf.has(e.thread[i]!)) queues[e.thread[i]!]!.push(i);
  const next = queues.map(() => 0);
  const last = lastToFinish(trace);
  /** Whether `id` finishing now would come before a sibling the trace says finished first. */
  const early = (id: number): boolean => {
    const parent = sim.threads[id]!.parent!;
    if (last.get(parent) !== id) return false;
    return sim.threads.some((c) => c.parent === parent && c.id !== id && sim.nextOp(c.id) !== null);
  };
  let exact = !trace.truncated;
  while (!sim.done) {
    const enabled = sim.enabled();
    let pick = -1;
    let pickRank = Infinity;
    let pickTick = Infinity;
    let fallback = enabled[0]!;
    let fallbackTick = Infinity;
    for (const id of enabled) {
      const i = queues[id]![next[id]!];
      if (i === undefined) continue;
      const tick = tickAt(e, i);
      if (tick < fallbackTick) [fallback, fallbackTick] = [id, tick];
      const counter = sim.counter();
      const p = predict(strategy, sim.state(id), counter, config.increments);
      if (!sameAccess(p, e, i)) continue;
      const quiet = p.op !== LOCK && p.op !== UNLOCK && p.after === counter;
      const rank = p.finishes && early(id) ? 2 : quiet ? 0 : 1;
      if (rank < pickRank || (rank === pickRank && tick < pickTick)) {
        [pick, pickRank, pickTick] = [id, rank, tick];
      }
    }
    if (pick < 0) exact = false;
    const chosen = pick < 0 ? fallback : pick;
    next[chosen]!++;
    sim.step(chosen);
  }
  const allUsed = queues.every((q, id) => next[id]! >= q.length);
  return { schedule: [...sim.schedule], exact: exact && allUsed };
}
