import type { RunConfig } from './config';
import { COUNTER, HOLDER, LEAF_BASE, LeafCodec, StateMemory } from './explorerState';
import { StateTable } from './stateTable';
import { mayMove } from './scheduler';
import { attemptsOf, initialOf, scenarioOf, strategyOf } from './scenarios';
import { newThreadState, type Strategy } from './strategies';
import { buildThreads, leafIds } from './threads';

/** What the explorer found: every final value some schedule can end at. */
export interface Exploration {
  /** Reachable final values, ascending; when incomplete, those found before the search stopped. */
  finals: number[];
  /**
   * Reachable outcomes in the scenario's terms, sorted numerically part by part: the final for
   * a counter, `balance:paid` for the bank, the winner count for a claim.
   */
  outcomes: string[];
  /** Distinct states visited. */
  states: number;
  /** Whether every reachable state was visited, so `finals` is the whole answer. */
  complete: boolean;
  /** Why the search stopped early, in plain words. */
  message?: string;
}

export const DEFAULT_STATE_BUDGET = 2_000_000;
/**
 * Int32 words the visited states may take (96 MB): the default budget fits up to 5 leaves of
 * any size; more leaves make each state wider, so fewer fit.
 */
const MAX_STATE_WORDS = 24_000_000;

interface Search {
  table: StateTable;
  complete: boolean;
  limit: number;
  /** The state that satisfied `stopAt`, if the search stopped there. */
  hit: number;
}

type OnFinal = (counter: number, won: number) => boolean;

/**
 * Depth-first search over interleavings, visiting each distinct state once. `onFinal` hears
 * each end state's cell and successes; returning true stops the search at that state.
 */
function search(config: RunConfig, budget: number, onFinal: OnFinal): Search {
  const scenario = scenarioOf(config);
  const strategy = strategyOf(config);
  const leaves = leafIds(buildThreads(config)).length;
  const n = attemptsOf(config);
  const codec = new LeafCodec(scenario.largestRead(config, leaves), n);
  // Successes in all, after the leaves, where the scenario counts them.
  const WINS = LEAF_BASE + codec.words * leaves;
  const width = WINS + (scenario.countsWins ? 1 : 0);
  const limit = Math.min(budget, Math.floor(MAX_STATE_WORDS / width));
  const table = new StateTable(width);
  const bound = scenario.fixedLength ? lowerBound(strategy, leaves, n) : 0;
  if (bound > limit) return { table, complete: false, limit, hit: -1 };
  const cur = new Int32Array(width);
  const next = new Int32Array(width);
  const t = newThreadState();
  const mem = new StateMemory();
  cur[COUNTER] = initialOf(config);
  const stack = [table.intern(cur, -1, 0)];
  while (stack.length > 0) {
    const index = stack.pop()!;
    table.read(index, cur);
    let finished = 0;
    for (let leaf = 0; leaf < leaves; leaf++) {
      const at = codec.at(leaf);
      const progress = codec.progress(cur, at);
      t.done = progress >> 3;
      if (t.done >= n) {
        finished++;
        continue;
      }
      t.pc = progress & 7;
      t.reg = codec.reg(cur, at);
      if (!mayMove(strategy.ops[t.pc], cur[HOLDER]! > 0)) continue;
      mem.counter = cur[COUNTER]!;
      mem.holder = cur[HOLDER]! - 1;
      mem.mover = leaf;
      t.me = leaf + 1;
      t.won = 0;
      strategy.step(t, mem);
      next.set(cur);
      next[COUNTER] = mem.counter;
      next[HOLDER] = mem.holder + 1;
      if (t.won > 0) next[WINS] = next[WINS]! + t.won;
      // A finished leaf's register, or one about to be replaced by a read, cannot matter:
      // forgetting it merges states that differ only there.
      const reg = t.done >= n || strategy.ops[t.pc] === 'read' ? 0 : t.reg;
      codec.put(next, at, t.done * 8 + t.pc, reg);
      const child = table.intern(next, index, leaf);
      if (child < 0) continue;
      if (table.size > limit) return { table, complete: false, limit, hit: -1 };
      stack.push(child);
    }
    if (finished === leaves && onFinal(cur[COUNTER]!, width > WINS ? cur[WINS]! : 0))
      return { table, complete: true, limit, hit: index };
  }
  return { table, complete: true, limit, hit: -1 };
}

/**
 * States the search must visit at least, known without searching: without a lock every mix of
 * the leaves' progress is reachable; with one, at least one leaf after another.
 */
function lowerBound(strategy: Strategy, leaves: number, n: number): number {
  const perLeaf = n * strategy.ops.length + 1;
  return strategy.ops.includes('lock') ? leaves * (perLeaf - 1) + 1 : perLeaf ** leaves;
}

/** Numeric order, part by part. */
function byParts(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

const tooMany = (limit: number): string =>
  `Too many states (over ${limit.toLocaleString('en')}): try fewer workers or increments.`;

/** Every final value some interleaving of `config`'s leaves can end at, by exhaustive search. */
export function exploreOutcomes(config: RunConfig, budget = DEFAULT_STATE_BUDGET): Exploration {
  const scenario = scenarioOf(config);
  const finals = new Set<number>();
  const keys = new Map<string, number[]>();
  const { table, complete, limit } = search(config, budget, (counter, won) => {
    finals.add(counter);
    const key = scenario.outcomeKey(counter, won);
    keys.set(key.join(':'), key);
    return false;
  });
  const result: Exploration = {
    finals: [...finals].sort((a, b) => a - b),
    outcomes: [...keys.values()].sort(byParts).map((k) => k.join(':')),
    states: table.size,
    complete,
  };
  if (!complete) result.message = tooMany(limit);
  return result;
}

/**
 * A schedule (leaf thread ids, one per shared access) that ends at `final`, or null when no
 * schedule does (or the budget ran out first). Found by walking back from the end state.
 */
export function witnessSchedule(
  config: RunConfig,
  final: number,
  budget = DEFAULT_STATE_BUDGET,
): number[] | null {
  const { table, hit } = search(config, budget, (counter) => counter === final);
  if (hit < 0) return null;
  const ids = leafIds(buildThreads(config));
  const schedule: number[] = [];
  for (let at = hit; table.parent(at) >= 0; at = table.parent(at)) {
    schedule.push(ids[table.mover(at)]!);
  }
  return schedule.reverse();
}
