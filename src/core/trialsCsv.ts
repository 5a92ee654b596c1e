import type { RunConfig } from './config';
import type { TrialSeries } from './trialStats';

export const TRIALS_CSV_HEADER = [
  'strategy',
  'preset',
  'workers',
  'increments',
  'work',
  'trial',
  'final',
  'expected',
  'lost',
  'elapsed_ms',
] as const;

/**
 * One CSV row per run (strategy, config, trial number from 1, final, expected, lost, elapsed
 * ms), series after series; lines end in CRLF as RFC 4180 asks. Every field is an id or a
 * number, so none needs quoting.
 */
export function trialsToCsv(
  config: Pick<RunConfig, 'preset' | 'workers' | 'increments' | 'work'>,
  series: readonly TrialSeries[],
): string {
  const lines = [TRIALS_CSV_HEADER.join(',')];
  for (const s of series) {
    s.finals.forEach((final, i) => {
      const elapsed = s.elapsedMs[i];
      lines.push(
        [
          s.strategy,
          config.preset,
          config.workers,
          config.increments,
          config.work,
          i + 1,
          final,
          s.expected,
          s.expected - final,
          elapsed === undefined ? '' : Number(elapsed.toFixed(3)),
        ].join(','),
      );
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}
