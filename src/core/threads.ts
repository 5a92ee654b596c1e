import { PRESETS, type RunConfig } from './config';

export type ThreadRole = 'main' | 'supervisor' | 'leaf';

/** One participant of a run: the main thread, a supervisor worker or an incrementing leaf. */
export interface ThreadInfo {
  id: number;
  name: string;
  parent: number | null;
  role: ThreadRole;
}

/** What one leaf did in a run: increments made and failed compare-and-swaps. */
export interface ThreadTally {
  thread: number;
  done: number;
  retries: number;
  /** Attempts that succeeded where the scenario tells them apart (payments, claims won). */
  won?: number;
}

/**
 * The threads of a run, ids in depth-first order. The blog's tree is the post's processes:
 * main starts func3 and func4; each starts func1 and func2. Flat presets hang every worker
 * under main.
 */
export function buildThreads(config: Pick<RunConfig, 'preset' | 'workers'>): ThreadInfo[] {
  const threads: ThreadInfo[] = [{ id: 0, name: 'main', parent: null, role: 'main' }];
  if (PRESETS[config.preset].tree) {
    for (const supervisor of ['func3', 'func4']) {
      const parent = threads.length;
      threads.push({ id: parent, name: supervisor, parent: 0, role: 'supervisor' });
      for (const leaf of ['func1', 'func2']) {
        threads.push({ id: threads.length, name: leaf, parent, role: 'leaf' });
      }
    }
    return threads;
  }
  for (let i = 1; i <= config.workers; i++) {
    threads.push({ id: i, name: `worker ${i}`, parent: 0, role: 'leaf' });
  }
  return threads;
}

/** Ids of the incrementing threads, in order (step mode's keys 1–9 follow it). */
export const leafIds = (threads: readonly ThreadInfo[]): number[] =>
  threads.filter((t) => t.role === 'leaf').map((t) => t.id);

/** A name that tells threads apart where the tree repeats one ("func3›func1"). */
export function threadLabel(threads: readonly ThreadInfo[], id: number): string {
  const t = threads[id];
  if (!t) return `thread ${id}`;
  const twins = threads.filter((o) => o.name === t.name).length;
  if (twins < 2 || t.parent === null) return t.name;
  return `${threads[t.parent]?.name ?? '?'}›${t.name}`;
}
