import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { Comparison } from '../store/compareSlice';
import type { RunResult, RunStatus } from '../store/runSlice';
import { createSettingsSlice, type SettingsSlice } from '../store/settingsSlice';
import { startHostBridge, type BridgeDeps } from './hostBridge';

// The browser's store module starts engines; the bridge here gets a store of its own.
vi.mock('../store/labStore', () => ({ useLab: null }));

type State = SettingsSlice & {
  status: RunStatus;
  result: RunResult | null;
  error: string | null;
  comparison: Comparison;
  run(): Promise<void>;
  stop(): void;
  runComparison(): Promise<void>;
  stopComparison(): void;
};

const result = (final: number, engine: RunResult['engine'] = 'workers'): RunResult => ({
  expected: 400,
  final,
  lost: 400 - final,
  elapsedMs: 3,
  strategy: 'racy',
  preset: 'blog',
  engine,
  seed: null,
  workersIsolated: true,
  books: 'balanced',
  tallies: [],
  outcome: { scenario: 'counter', final, expected: 400, lost: 400 - final },
});

function setup(frameId: string | null = null) {
  const store = createStore<State>()((...a) => ({
    ...createSettingsSlice(...a),
    status: 'idle',
    result: null,
    error: null,
    comparison: { status: 'idle', left: null, right: null, error: null },
    run: vi.fn(async () => undefined),
    stop: vi.fn(),
    runComparison: vi.fn(async () => undefined),
    stopComparison: vi.fn(),
  }));
  let listener: ((event: MessageEvent) => void) | null = null;
  let reportHeight: (height: number) => void = () => undefined;
  const host = { postMessage: vi.fn() };
  const stopWatching = vi.fn();
  const deps: BridgeDeps = {
    store,
    self: {
      addEventListener: (_type: string, l: (event: MessageEvent) => void) => (listener = l),
      removeEventListener: () => (listener = null),
    } as unknown as BridgeDeps['self'],
    host,
    watchHeight: (onHeight) => {
      reportHeight = onHeight;
      return stopWatching;
    },
    frameId,
  };
  const stop = startHostBridge(deps);
  const send = (data: unknown, source: unknown = host) =>
    listener?.({ data, source, origin: 'https://blog.example' } as MessageEvent);
  const sent = () => host.postMessage.mock.calls.map(([message]) => message as unknown);
  return { store, host, send, sent, stop, stopWatching, height: (h: number) => reportHeight(h) };
}

describe('host bridge', () => {
  it('says it is ready once, to any origin, with the protocol version and settings', () => {
    const { host } = setup();
    expect(host.postMessage.mock.calls).toEqual([
      [expect.objectContaining({ type: 'race-lab:ready', version: 3, result: null }), '*'],
    ]);
    const [[ready]] = host.postMessage.mock.calls as [[{ settings: object }]];
    expect(ready.settings).toMatchObject({ preset: 'blog', strategy: 'racy', view: 'run' });
    expect(ready).not.toHaveProperty('frame');
  });

  it('answers hello with the current settings and the last result, naming its frame', () => {
    const { store, send, sent } = setup('race-lab-2');
    store.setState({ status: 'done', result: result(391) });
    send({ type: 'race-lab:set', atomic: true });
    send({ type: 'race-lab:hello' });
    const ready = sent().filter((m) => (m as { type: string }).type === 'race-lab:ready');
    expect(ready).toHaveLength(2);
    expect(ready[1]).toMatchObject({
      frame: 'race-lab-2',
      settings: { strategy: 'atomic' },
      result: { type: 'race-lab:result', final: 391 },
    });
    for (const m of sent()) expect(m).toHaveProperty('frame', 'race-lab-2');
  });

  it('stops a run, and runs and stops both sides in the compare view', () => {
    const { store, send, sent } = setup();
    send({ type: 'race-lab:stop' });
    expect(store.getState().stop).toHaveBeenCalledTimes(1);
    send({ type: 'race-lab:set', view: 'compare' });
    send({ type: 'race-lab:run' });
    send({ type: 'race-lab:stop' });
    const state = store.getState();
    expect(state.run).not.toHaveBeenCalled();
    expect(state.runComparison).toHaveBeenCalledTimes(1);
    expect(state.stopComparison).toHaveBeenCalledTimes(1);

    const left = { ...result(380), strategy: 'racy' as const };
    store.setState({ comparison: { status: 'running', left, right: null, error: null } });
    const right = { ...result(400), strategy: 'atomic' as const };
    store.setState({ comparison: { status: 'done', left, right, error: null } });
    const results = sent().filter((m) => (m as { type: string }).type === 'race-lab:result');
    expect(results).toEqual([
      expect.objectContaining({ side: 'left', final: 380, strategy: 'racy' }),
      expect.objectContaining({ side: 'right', final: 400, strategy: 'atomic' }),
    ]);
  });

  it('tells the host about a failed run and about refused settings', () => {
    const { store, send, sent } = setup();
    store.setState({ status: 'error', error: 'worker crashed' });
    send({ type: 'race-lab:set', workers: 99 });
    const errors = sent().filter((m) => (m as { type: string }).type === 'race-lab:error');
    expect(errors).toEqual([
      { type: 'race-lab:error', message: 'The run failed: worker crashed' },
      expect.objectContaining({ message: expect.stringContaining('workers=99') }),
    ]);
  });

  it('starts a run when the parent asks, and only the parent', () => {
    const { store, send } = setup();
    send({ type: 'race-lab:run' }, { postMessage: () => undefined });
    expect(store.getState().run).not.toHaveBeenCalled();
    send({ type: 'race-lab:run' });
    expect(store.getState().run).toHaveBeenCalledTimes(1);
  });

  // Catches: a host starting the largest run (16 × 10,000,000) with no click from the reader.
  it('starts only runs within the embed preset on its own; a larger one waits for Run', () => {
    const { store, send } = setup();
    store.getState().setIncrements(101);
    send({ type: 'race-lab:run' });
    send({ type: 'race-lab:run' });
    expect(store.getState().run).not.toHaveBeenCalled();
    const notices = store.getState().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('4 × 101 increments, work 1,000');
    expect(notices[0]!.text).toContain('(4 × 100 increments, work 1,000). Press Run');
    // The reader's own Run clears the request.
    store.setState({ status: 'running' });
    expect(store.getState().notices).toEqual([]);

    for (const change of [{ workers: 5 }, { work: 1001 }, { increments: 10_000_000 }]) {
      store.setState({ status: 'idle' });
      store.getState().setPreset('blog');
      send({ type: 'race-lab:set', ...change });
      send({ type: 'race-lab:run' });
      expect(store.getState().run, JSON.stringify(change)).not.toHaveBeenCalled();
    }
    store.getState().setPreset('blog');
    send({ type: 'race-lab:run' });
    expect(store.getState().run).toHaveBeenCalledTimes(1);
  });

  it('reports each finished run, not stops, failures or imported traces', () => {
    const { store, sent } = setup();
    store.setState({ status: 'running' });
    store.setState({ status: 'done', result: result(391) });
    store.setState({ status: 'running' });
    store.setState({ status: 'stopped' });
    store.setState({ status: 'error' });
    store.setState({ status: 'done', result: result(400, 'imported') });
    store.setState({ status: 'done', result: result(388) });
    const finals = sent()
      .filter((m) => (m as { type: string }).type === 'race-lab:result')
      .map((m) => (m as { final: number }).final);
    expect(finals).toEqual([391, 388]);
  });

  it('applies good settings as the controls would, and alerts about bad ones', () => {
    const { store, send } = setup();
    send({ type: 'race-lab:set', preset: 'pair', atomic: true, workers: 99, theme: 'dark' });
    const state = store.getState();
    expect(state.config).toMatchObject({ preset: 'pair', workers: 2, strategy: 'atomic' });
    expect(state.page.theme).toBe('dark');
    expect(state.notices).toEqual([expect.objectContaining({ source: 'embed' })]);
    expect(state.notices[0]!.text).toContain('workers=99');

    // The next set replaces the notice about the last one.
    send({ type: 'race-lab:set', workers: 3, strategy: 'lock', atomic: true });
    expect(store.getState().config).toMatchObject({
      preset: 'custom',
      workers: 3,
      strategy: 'lock',
    });
    expect(store.getState().notices).toEqual([]);
  });

  it('keeps notices from other sources', () => {
    const { store, send } = setup();
    store.getState().addNotices('url', ['Ignored workers="x": must be a number.']);
    send({ type: 'race-lab:set', work: -1 });
    expect(store.getState().notices.map((n) => n.source)).toEqual(['url', 'embed']);
  });

  it('ignores malformed messages without throwing', () => {
    const { store, send, sent } = setup();
    const before = store.getState();
    for (const data of [null, 'race-lab:run', { type: 42 }, { type: 'race-lab:height' }, []]) {
      expect(() => send(data)).not.toThrow();
    }
    expect(store.getState().config).toBe(before.config);
    expect(store.getState().notices).toEqual([]);
    expect(store.getState().run).not.toHaveBeenCalled();
    expect(sent()).toHaveLength(1);
  });

  it('posts the height when it changes, rounded up', () => {
    const { sent, height } = setup();
    height(0);
    height(300.2);
    height(300.9);
    height(420);
    expect(sent().slice(1)).toEqual([
      { type: 'race-lab:height', height: 301 },
      { type: 'race-lab:height', height: 420 },
    ]);
  });

  it('stops listening, reporting and watching when stopped', () => {
    const { store, send, sent, stop, stopWatching } = setup();
    stop();
    send({ type: 'race-lab:run' });
    store.setState({ status: 'done', result: result(390) });
    expect(store.getState().run).not.toHaveBeenCalled();
    expect(sent()).toHaveLength(1);
    expect(stopWatching).toHaveBeenCalled();
  });
});
