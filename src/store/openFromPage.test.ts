import { beforeEach, describe, expect, it, vi } from 'vitest';
import { racyTrace } from '../core/testing/traceFixtures';
import { serializeTrace } from '../core/traceFile';
import { useLab } from './labStore';
import { openFromPage, openTraceUrl, type TraceUrlDeps } from './openFromPage';

// No Worker in Node: the trace worker's own job runs in-process instead.
vi.mock('./traceReading', async (real) => {
  const { processInput } = await import('../workers/traceJob');
  const { adoptModelColumns } = await import('../timeline/prebuilt');
  return {
    ...(await real<typeof import('./traceReading')>()),
    readTrace: async (input: Parameters<typeof processInput>[0]) => {
      const answer = await processInput(input, () => undefined);
      if (!answer.ok) throw new Error(answer.message);
      const { trace, accounting, columns } = answer.processed;
      adoptModelColumns(trace, accounting, columns);
      return { trace, accounting };
    },
    stopReading: () => undefined,
  };
});

const BASE = 'https://lab.example/race/?embed=1';

/** A server holding `files` (path → text) at lab.example; records what was asked. */
function server(files: Record<string, string>) {
  const asked: string[] = [];
  const deps: TraceUrlDeps = {
    base: BASE,
    fetch: async (url) => {
      asked.push(url);
      const text = files[new URL(url).pathname];
      return {
        ok: text !== undefined,
        status: text === undefined ? 404 : 200,
        blob: async () => new Blob([text ?? '']),
      };
    },
  };
  return { deps, asked };
}

const noticeTexts = () => useLab.getState().notices.map((n) => n.text);

describe('openTraceUrl', () => {
  beforeEach(() => useLab.setState({ notices: [], trace: null, result: null, status: 'idle' }));

  it('opens and plays a trace file from the app origin, relative to the page', async () => {
    const trace = racyTrace();
    const { deps, asked } = server({ '/race/runs/a.json': serializeTrace(trace) });
    await openTraceUrl('runs/a.json', deps);
    expect(asked).toEqual(['https://lab.example/race/runs/a.json']);
    expect(noticeTexts()).toEqual([]);
    expect(useLab.getState().trace?.events.length).toBe(trace.events.length);
    expect(useLab.getState().result?.engine).toBe('imported');
    expect(useLab.getState().playback.playing).toBe(true);
  });

  it('asks nothing of another origin, and says why', async () => {
    const { deps, asked } = server({});
    await openTraceUrl('https://elsewhere.example/a.json', deps);
    expect(asked).toEqual([]);
    expect(noticeTexts()).toEqual([
      'Could not open trace-url https://elsewhere.example/a.json: a trace must be on the same origin as Race Lab.',
    ]);
  });

  it('names a missing file or a broken one, and shows nothing', async () => {
    const { deps } = server({ '/bad.json': '{"format":"nope"}' });
    await openTraceUrl('/missing.json', deps);
    await openTraceUrl('/bad.json', deps);
    const [missing, bad] = noticeTexts();
    expect(missing).toContain('the server answered 404');
    expect(bad).toContain('Could not open /bad.json: Not a Race Lab trace');
    expect(useLab.getState().trace).toBeNull();
  });
});

describe('openFromPage', () => {
  it('loads a challenge’s own run in step mode', () => {
    useLab.getState().setPage({ challenge: 'lock-each' });
    openFromPage();
    const { config, page } = useLab.getState();
    expect(page.mode).toBe('step');
    expect(config).toMatchObject({ workers: 2, increments: 3, strategy: 'lock-each' });
  });
});
