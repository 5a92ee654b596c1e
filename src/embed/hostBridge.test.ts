import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { RunResult, RunStatus } from '../store/runSlice';
import { createSettingsSlice, type SettingsSlice } from '../store/settingsSlice';
import { startHostBridge, type BridgeDeps } from './hostBridge';

// The browser's store module starts engines; the bridge here gets a store of its own.
vi.mock('../store/labStore', () => ({ useLab: null }));

type State = SettingsSlice & {
  status: RunStatus;
  result: RunResult | null;
  run(): Promise<void>;
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

function setup() {
  const store = createStore<State>()((...a) => ({
    ...createSettingsSlice(...a),
    status: 'idle',
    result: null,
    run: vi.fn(async () => undefined),
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
  };
  const stop = startHostBridge(deps);
  const send = (data: unknown, source: unknown = host) =>
    listener?.({ data, source, origin: 'https://blog.example' } as MessageEvent);
  const sent = () => host.postMessage.mock.calls.map(([message]) => message as unknown);
  return { store, host, send, sent, stop, stopWatching, height: (h: number) => reportHeight(h) };
}

describe('host bridge', () => {
  it('says it is ready once, to any origin', () => {
    const { host } = setup();
    expect(host.postMessage.mock.calls).toEqual([[{ type: 'race-lab:ready' }, '*']]);
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
