import type { Accounting } from './accountingTypes';
import type { Trace } from './trace';

/** How a replay compared with the run it replayed, in words for the page. */
export interface ReplayCheck {
  matches: boolean;
  text: string;
}

/**
 * Say whether a replay reproduced the recorded run: same final, same count lost, same
 * findings. `exact` is false when the recorded order could only be partly rebuilt.
 */
export function compareReplay(
  recorded: { trace: Trace; accounting: Accounting },
  replayed: { trace: Trace; accounting: Accounting },
  engine: 'workers' | 'simulated',
  exact: boolean,
): ReplayCheck {
  // Order stamps of a free run can swap near-simultaneous accesses, so compare findings as a
  // set (who erased how many), not by position.
  const key = ({ findings }: Accounting) =>
    Array.from(findings.index, (_, k) => `${findings.thread[k]}:${findings.erased[k]}`)
      .sort()
      .join();
  const was = recorded.accounting;
  const now = replayed.accounting;
  const final = replayed.trace.final;
  const matches = recorded.trace.final === final && was.lost === now.lost && key(was) === key(now);
  if (matches) {
    const steps = (replayed.trace.schedule?.length ?? 0).toLocaleString('en');
    const where = engine === 'workers' ? 'real workers' : 'the simulated engine';
    const found = `${now.lost} lost and ${now.findings.length} findings`;
    return {
      matches,
      text: `Replayed ${steps} steps on ${where}: final ${final}, ${found}, as recorded.`,
    };
  }
  const partly = exact ? '' : ' The recorded order could not be fully reconstructed.';
  return {
    matches,
    text: `The replay differs: final ${final} (recorded ${recorded.trace.final}), ${now.lost} lost (recorded ${was.lost}).${partly}`,
  };
}
