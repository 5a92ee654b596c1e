import { describe, expect, it } from 'vitest';
import { presetConfig, type RunConfig } from './config';
import { describeFinding } from './describe';
import { findingAt } from './findingTable';
import { accountRun } from './scenarioBooks';
import { replayChooser, simulate } from './simulation';
import { parseTraceFile, serializeTrace } from './traceFile';

const bank: RunConfig = {
  ...presetConfig('custom', 'racy'),
  workers: 2,
  increments: 2,
  scenario: 'bank',
  balance: 2,
};

describe('bank traces', () => {
  // Both read 2 and write 1 (one debit erased), then worker 1 pays again; worker 2 is refused.
  const trace = simulate(bank, replayChooser([1, 2, 1, 2, 1, 1, 2]));

  it('are accounted as mirrored debits: the erased one is found, and the books balance', () => {
    const acc = accountRun(trace)!;
    expect(acc.balanced).toBe(true);
    // Paid 3 from 2, ending at 0: expected −1, so one debit was lost.
    expect(acc.lost).toBe(1);
    expect(acc.findings.length).toBe(1);
    const finding = findingAt(acc.findings, acc.history.index, trace.events, 0);
    expect(finding.thread).toBe(2);
    expect(finding.victims).toEqual([1]);
    // In the bank's words, with the balances as written.
    expect(describeFinding(trace, acc, finding)).toBe(
      "worker 2 wrote 1 over worker 1's 1: worker 1's debit was lost.",
    );
  });

  it('keep their scenario and balance through a file; an old counter file stays a counter', () => {
    const back = parseTraceFile(serializeTrace(trace));
    expect(back.ok && back.trace.config).toMatchObject({ scenario: 'bank', balance: 2 });
    const counter = simulate(
      { ...bank, scenario: undefined, balance: undefined },
      replayChooser([1, 1, 2, 2, 1, 1, 2, 2]),
    );
    const file = JSON.parse(serializeTrace(counter)) as { config: Record<string, unknown> };
    delete file.config.scenario;
    delete file.config.balance;
    const old = parseTraceFile(JSON.stringify(file));
    expect(old.ok && old.trace.config.scenario).toBeUndefined();
  });

  it('a claim is accounted as claims, through a file too', () => {
    const claim = simulate(
      { ...bank, scenario: 'claim', balance: undefined },
      replayChooser([1, 2, 1, 2]),
    );
    expect(accountRun(claim)).toMatchObject({ won: 2, lost: 1, balanced: true });
    const file = JSON.parse(serializeTrace(claim)) as { summary: unknown };
    expect(file.summary).toEqual({ events: claim.events.length, lost: 1, balanced: true });
  });
});
