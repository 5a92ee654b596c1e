import type { Scenario, ScenarioId, ScenarioSetup } from '../scenarioTypes';
import type { Strategy, StrategyId } from '../strategyTypes';
import { BANK } from './bank';
import { CLAIM } from './claim';
import { COUNTER } from './counter';

export { defaultBalance } from './bank';

/** Every scenario, by id: the one definition all engines use. */
export const SCENARIOS: Readonly<Record<ScenarioId, Scenario>> = {
  counter: COUNTER,
  bank: BANK,
  claim: CLAIM,
};

/** What a run config names: its scenario (counter when absent) and strategy. */
export interface ScenarioChoice extends ScenarioSetup {
  scenario?: ScenarioId;
  strategy: StrategyId;
}

/** The scenario a config runs. */
export const scenarioOf = (c: { scenario?: ScenarioId }): Scenario =>
  SCENARIOS[c.scenario ?? 'counter'];

/** The strategy definition a config runs, in its scenario. */
export const strategyOf = (c: Pick<ScenarioChoice, 'scenario' | 'strategy'>): Strategy =>
  scenarioOf(c).strategies[c.strategy];

/** Attempts each worker of a config makes. */
export const attemptsOf = (c: ScenarioChoice): number => scenarioOf(c).attempts(c);

/** The shared cell's value before a config's run starts. */
export const initialOf = (c: ScenarioChoice): number => scenarioOf(c).initial(c);
