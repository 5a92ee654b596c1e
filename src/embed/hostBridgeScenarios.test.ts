import { describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { createSettingsSlice, type SettingsSlice } from '../store/settingsSlice';
import { BALANCE_OUTSIDE_BANK, startHostBridge, type BridgeDeps } from './hostBridge';

// The browser's store module starts engines; the bridge here gets a store of its own.
vi.mock('../store/labStore', () => ({ useLab: null }));

/** A bridge over a settings store; `send` is a message from the host, `sent` what it heard. */
function setup() {
  const store = createStore<SettingsSlice>()((...a) => ({
    ...createSettingsSlice(...a),
    status: 'idle',
    result: null,
    comparison: { status: 'idle', left: null, right: null, error: null },
    run: vi.fn(async () => undefined),
  }));
  let listener: ((event: MessageEvent) => void) | null = null;
  const host = { postMessage: vi.fn() };
  startHostBridge({
    store: store as unknown as BridgeDeps['store'],
    self: {
      addEventListener: (_type: string, l: (event: MessageEvent) => void) => (listener = l),
      removeEventListener: () => (listener = null),
    } as unknown as BridgeDeps['self'],
    host,
    watchHeight: () => () => undefined,
  });
  const send = (data: unknown) => listener?.({ data, source: host } as unknown as MessageEvent);
  const sent = () => host.postMessage.mock.calls.map(([message]) => message as unknown);
  return { store, send, sent };
}

describe('the host bridge and scenarios', () => {
  it('reports the scenario in race-lab:ready, and a balance only for the bank', () => {
    const { sent } = setup();
    expect(sent()[0]).toMatchObject({ settings: { scenario: 'counter', balance: null } });
  });

  // Catches: a scenario the run already plays reset to the default balance, a balance taken by
  // a run that has none, a ready message that hides the scenario.
  it('plays the scenario and balance a host sets, and refuses a balance outside the bank', () => {
    const { store, send, sent } = setup();
    send({ type: 'race-lab:set', preset: 'bank', scenario: 'bank' });
    expect(store.getState().config).toMatchObject({
      preset: 'bank',
      scenario: 'bank',
      balance: 2000,
    });
    send({ type: 'race-lab:set', balance: '3' });
    expect(store.getState().config).toMatchObject({ preset: 'bank', balance: 3 });
    send({ type: 'race-lab:hello' });
    const ready = sent().filter((m) => (m as { type: string }).type === 'race-lab:ready');
    expect(ready.at(-1)).toMatchObject({ settings: { scenario: 'bank', balance: 3 } });

    send({ type: 'race-lab:set', scenario: 'claim', balance: 5 });
    expect(store.getState().config.scenario).toBe('claim');
    expect(store.getState().config.balance).toBeUndefined();
    expect(store.getState().notices.map((n) => n.text)).toEqual([BALANCE_OUTSIDE_BANK]);
    expect(sent().at(-1)).toEqual({ type: 'race-lab:error', message: BALANCE_OUTSIDE_BANK });

    send({ type: 'race-lab:set', scenario: 'counter' });
    expect(store.getState().config.scenario).toBeUndefined();
    send({ type: 'race-lab:set', scenario: 'vault', balance: -1 });
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      expect.stringMatching(/^Ignored scenario="vault" from the host page: must be one of counter/),
      'Ignored balance=-1 from the host page: must be at least 0.',
    ]);
  });

  // Catches: a claim refused for increments it never makes, a bank's size told in increments.
  it('lets a host start runs by the attempts each worker makes', () => {
    const { store, send } = setup();
    const run = (store.getState() as unknown as { run: ReturnType<typeof vi.fn> }).run;
    send({ type: 'race-lab:set', workers: 2, increments: 1_000_000, scenario: 'claim' });
    send({ type: 'race-lab:run' });
    expect(run).toHaveBeenCalledTimes(1);
    send({ type: 'race-lab:set', preset: 'bank' });
    send({ type: 'race-lab:run' });
    expect(run).toHaveBeenCalledTimes(1);
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      expect.stringContaining('a run of 4 × 1,000 withdrawals, work 200'),
    ]);
  });
});
