import { describe, expect, it, vi } from 'vitest';
import { TraceProcessingError } from '../runtime/traceClient';
import type { TraceProgress } from '../workers/traceApi';
import { useLab } from './labStore';

const reader = vi.hoisted(() => ({
  onProgress: (() => undefined) as (p: TraceProgress) => void,
  fail: (() => undefined) as (e: Error) => void,
}));

// The trace worker's side: a reading that reports progress and ends when the test says so.
vi.mock('./traceReading', async (real) => ({
  ...(await real<typeof import('./traceReading')>()),
  readTrace: (_input: unknown, onProgress: (p: TraceProgress) => void) =>
    new Promise((_, reject) => {
      reader.onProgress = onProgress;
      reader.fail = reject;
    }),
  stopReading: () => reader.fail(new TraceProcessingError('stopped', 'stopped')),
}));

// Catches progress that arrives after the reading ended (a message already on its way when the
// worker was stopped) putting "Reading the trace" back on screen.
describe('reading progress', () => {
  it('shows progress while reading, and none that arrives after a stop', async () => {
    const opening = useLab.getState().openTrace(new File(['{}'], 'a.json'));
    const progress: TraceProgress = { step: 'reading', accesses: 10, fraction: 0.5 };
    reader.onProgress(progress);
    expect(useLab.getState().reading).toEqual(progress);
    useLab.getState().stop();
    await opening;
    expect(useLab.getState().status).toBe('idle');
    expect(useLab.getState().reading).toBeNull();
    reader.onProgress({ ...progress, fraction: 0.85 });
    expect(useLab.getState().reading).toBeNull();
  });
});
