import { expose } from 'comlink';
import { exploreOutcomes, witnessSchedule } from '../core/explorer';
import type { ExplorerWorkerApi } from './explorerApi';

const api: ExplorerWorkerApi = {
  explore: (config) => exploreOutcomes(config),
  witness: (config, final) => witnessSchedule(config, final),
};

expose(api);
