import type { StateCreator } from 'zustand';
import {
  DEFAULT_CONFIG,
  presetConfig,
  type PresetId,
  type RunConfig,
  type TraceSetting,
} from '../core/config';
import type { ScenarioId } from '../core/scenarioTypes';
import type { StrategyId } from '../core/strategies';
import { DEFAULT_PAGE_PARAMS, type PageParams } from '../core/pageParams';
import { notices, type Notice } from './messages';

export interface SettingsSlice {
  config: RunConfig;
  /** How the page is shown: mode, view, engine, seed, embed, theme. */
  page: PageParams;
  notices: Notice[];
  /** Replace the config wholesale (URL load, imported trace), with notices about refused input. */
  loadConfig(config: RunConfig, refused?: readonly string[]): void;
  setPage(change: Partial<PageParams>): void;
  setPreset(preset: PresetId): void;
  setStrategy(strategy: StrategyId): void;
  /** Play another scenario with the same numbers (the bank from its default balance). */
  setScenario(scenario: ScenarioId): void;
  /** The bank's opening balance; nothing in the other scenarios, which have none. */
  setBalance(balance: number): void;
  /** The Atomic increments switch: racy ↔ atomic. */
  setAtomic(on: boolean): void;
  setWorkers(workers: number): void;
  setIncrements(increments: number): void;
  setWork(work: number): void;
  setTrace(trace: TraceSetting): void;
  addNotices(source: Notice['source'], texts: readonly string[]): void;
  dismissNotice(id: number): void;
}

export const createSettingsSlice: StateCreator<SettingsSlice, [], [], SettingsSlice> = (set) => {
  const patch = (change: (c: RunConfig) => Partial<RunConfig>) =>
    set((s) => ({ config: { ...s.config, ...change(s.config) } }));
  // Own numbers turn a preset into a custom run that starts from the preset's values.
  const custom = (c: RunConfig): Partial<RunConfig> => ({ preset: 'custom', work: c.work });
  return {
    config: DEFAULT_CONFIG,
    page: DEFAULT_PAGE_PARAMS,
    notices: [],
    loadConfig: (config, refused = []) =>
      set((s) => ({
        config,
        notices: [...s.notices.filter((n) => n.source !== 'url'), ...notices('url', refused)],
      })),
    setPage: (change) => set((s) => ({ page: { ...s.page, ...change } })),
    setPreset: (preset) =>
      set((s) =>
        preset === 'custom'
          ? { config: { ...s.config, preset } }
          : { config: { ...presetConfig(preset, s.config.strategy), trace: s.config.trace } },
      ),
    setStrategy: (strategy) => patch(() => ({ strategy })),
    setScenario: (scenario) =>
      set((s) => {
        const base: RunConfig = { ...s.config, ...custom(s.config) };
        delete base.scenario;
        delete base.balance;
        return { config: scenario === 'counter' ? base : { ...base, scenario } };
      }),
    setBalance: (balance) =>
      set((s) => (s.config.scenario === 'bank' ? { config: { ...s.config, balance } } : {})),
    setAtomic: (on) => patch(() => ({ strategy: on ? 'atomic' : 'racy' })),
    setWorkers: (workers) => patch((c) => ({ ...custom(c), workers })),
    setIncrements: (increments) => patch((c) => ({ ...custom(c), increments })),
    setWork: (work) => patch(() => ({ work })),
    setTrace: (trace) => patch(() => ({ trace })),
    addNotices: (source, texts) =>
      set((s) => ({ notices: [...s.notices, ...notices(source, texts)] })),
    dismissNotice: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  };
};
