import type { PageParams } from '../core/pageParams';
import { WorkerEngine } from '../runtime/engine';
import { stopExplorer } from '../runtime/explorerClient';
import type { EngineSupport } from '../runtime/features';
import { SimulatedEngine } from '../runtime/simulatedEngine';

let engine: WorkerEngine | null = null;
/** The page's one worker engine, created on first use. */
export const getEngine = (): WorkerEngine => (engine ??= new WorkerEngine());
/**
 * End every worker the page holds, nested ones included: a run, step mode, the explorer.
 * For a page that is going away (closed, navigated from, or its embed removed mid-run); a
 * later run starts new workers.
 */
export function releaseWorkers(): void {
  engine?.dispose();
  stopExplorer();
}
/** The page's one simulated engine. */
export const simulated = new SimulatedEngine();

/** Whether runs go to the simulated engine: asked for, or real workers cannot run here. */
export const usesSimulation = (page: PageParams, support: EngineSupport): boolean =>
  page.engine === 'simulated' || support.engine !== 'workers';

/** A seed for a run that was not given one: shown with the result so the run can be repeated. */
export const freshSeed = (): number => Math.floor(Math.random() * 2 ** 31);
