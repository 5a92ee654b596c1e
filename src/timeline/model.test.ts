import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from '../core/config';
import { accountRun } from '../core/scenarioBooks';
import { replayChooser, simulate } from '../core/simulation';
import { timelineModel } from './model';

const racy: RunConfig = { ...presetConfig('custom', 'racy'), workers: 2, increments: 2 };

describe("the value chart's ideal line", () => {
  it("is the bank's debits had none been lost, on the debits-made axis of its line", () => {
    const bank: RunConfig = { ...racy, scenario: 'bank', balance: 2 };
    // Both read 2 and write 1 (a debit erased); worker 1 pays again; worker 2 is refused.
    const trace = simulate(bank, replayChooser([1, 2, 1, 2, 1, 1, 2]));
    const model = timelineModel(trace, accountRun(trace));
    const last = trace.events.length - 1;
    expect(model.counterAt(last)).toBe(2 - trace.final); // 2 debits made: balance 0
    expect(model.idealAt?.(last)).toBe(3); // 3 payments: 3 debits had none been lost
  });

  it('is not drawn for a claim, whose writes are owner ids, not counts', () => {
    const claim: RunConfig = { ...racy, workers: 3, increments: 1, scenario: 'claim' };
    const trace = simulate(claim, replayChooser([1, 2, 3, 1, 2, 3]));
    expect(timelineModel(trace, accountRun(trace)).idealAt).toBeNull();
    const counter = simulate(racy, replayChooser([1, 2, 1, 2, 1, 2, 1, 2]));
    expect(timelineModel(counter, accountRun(counter)).idealAt).not.toBeNull();
  });
});
