import type { RunConfig } from '../core/config';
import type { Exploration } from '../core/explorer';

/**
 * The one API of the explorer worker: exhaustive searches run there, so a search of millions
 * of states never blocks the page.
 */
export interface ExplorerWorkerApi {
  /** Every reachable final value of `config` (see exploreOutcomes). */
  explore(config: RunConfig): Exploration;
  /** A schedule of leaf thread ids that ends at `final`, or null (see witnessSchedule). */
  witness(config: RunConfig, final: number): number[] | null;
}
