import type { RunConfig } from '../core/config';
import type { PageParams } from '../core/pageParams';
import { initialOf } from '../core/scenarios';
import type { ScenarioOutcome } from '../core/scenarioTypes';
import type { StrategyId } from '../core/strategies';
import {
  PROTOCOL_VERSION,
  type ErrorMessage,
  type HeightMessage,
  type ReadyMessage,
  type ResultMessage,
} from './hostMessages';

// The messages the embed posts to its host, made from the app's state (docs/embedding.md).

/** What a host hears of a finished run; null for results that did not come from a run here. */
export function resultMessage(result: {
  expected: number;
  final: number;
  lost: number;
  strategy: StrategyId;
  engine: 'workers' | 'simulated' | 'imported';
  outcome: ScenarioOutcome;
}): ResultMessage | null {
  if (result.engine === 'imported') return null;
  const { expected, final, lost, strategy, engine } = result;
  const { scenario, paid, overdrawn, winners, owner } = result.outcome;
  const message: ResultMessage = {
    type: 'race-lab:result',
    expected,
    final,
    lost,
    strategy,
    engine,
    scenario,
  };
  // Only the fields the scenario has: a counter's result reads as it always did.
  const extra = { paid, overdrawn, winners, owner };
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined) Object.assign(message, { [key]: value });
  }
  return message;
}

/** The height message for a content height in CSS pixels. */
export const heightMessage = (height: number): HeightMessage => ({
  type: 'race-lab:height',
  height: Math.ceil(height),
});

/** The race-lab:ready message for these settings and last result. */
export function readyMessage(
  config: RunConfig,
  page: PageParams,
  result: ResultMessage | null,
): ReadyMessage {
  const { preset, workers, increments, strategy, work, trace } = config;
  const { view, mode, engine, seed, theme, challenge } = page;
  const scenario = config.scenario ?? 'counter';
  return {
    type: 'race-lab:ready',
    version: PROTOCOL_VERSION,
    settings: {
      preset,
      workers,
      increments,
      strategy,
      work,
      trace,
      scenario,
      balance: scenario === 'bank' ? initialOf(config) : null,
      view,
      mode,
      engine,
      seed,
      theme,
      challenge,
    },
    result,
  };
}

/** The error message for `text`. */
export const errorMessage = (text: string): ErrorMessage => ({
  type: 'race-lab:error',
  message: text,
});
