import { describe, expect, it } from 'vitest';
import { presetConfig } from './config';
import { trialsToCsv } from './trialsCsv';
import { summarizeFinals, type TrialSeries } from './trialStats';

const config = { ...presetConfig('custom'), workers: 2, increments: 3 };

describe('trialsToCsv', () => {
  it('writes one row per run, series after series, with what was lost', () => {
    const series: TrialSeries[] = [
      { strategy: 'racy', expected: 6, finals: [6, 4], elapsedMs: [0.5, 1.23456] },
      { strategy: 'atomic', expected: 6, finals: [6], elapsedMs: [2] },
    ];
    expect(trialsToCsv(config, series).split('\r\n')).toEqual([
      'strategy,preset,workers,increments,work,trial,final,expected,lost,elapsed_ms',
      'racy,custom,2,3,0,1,6,6,0,0.5',
      'racy,custom,2,3,0,2,4,6,2,1.235',
      'atomic,custom,2,3,0,1,6,6,0,2',
      '',
    ]);
  });

  it('is only the header when nothing ran', () => {
    expect(trialsToCsv(config, [])).toBe(
      'strategy,preset,workers,increments,work,trial,final,expected,lost,elapsed_ms\r\n',
    );
  });
});

describe('summarizeFinals', () => {
  it('counts the runs that lost updates and gives mean, min and max', () => {
    expect(summarizeFinals([6, 4, 6, 3], 6)).toEqual({
      runs: 4,
      lostRuns: 2,
      lostShare: 0.5,
      mean: 4.75,
      min: 3,
      max: 6,
    });
  });

  it('has no mean or extremes for no runs', () => {
    const s = summarizeFinals([], 6);
    expect(s).toMatchObject({ runs: 0, lostRuns: 0, lostShare: 0 });
    expect([s.mean, s.min, s.max].every(Number.isNaN)).toBe(true);
  });
});
