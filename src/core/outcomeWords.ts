import type { ScenarioOutcome } from './scenarioTypes';

const fmt = (n: number) => n.toLocaleString('en');

/** A claim's ending in a sentence: how many believe they won, and who owns the cell. */
export function claimEnding(o: ScenarioOutcome): string {
  const owner = `worker ${fmt(o.owner ?? 0)} owns it`;
  return o.winners === 1
    ? `Exactly one worker won; ${owner}.`
    : `${fmt(o.winners ?? 0)} workers believe they won; ${owner}.`;
}
