import { create } from 'zustand';
import type { Accounting } from '../core/accounting';
import type { RunConfig } from '../core/config';
import type { Trace } from '../core/trace';
import { createEngineSlice, type EngineSlice } from './engineSlice';
import { createPlaybackSlice, type PlaybackSlice } from './playbackSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSettingsSlice, type SettingsSlice } from './settingsSlice';
import { createExplorerSlice, type ExplorerSlice } from './explorerSlice';
import { createTrialsSlice, type TrialsSlice } from './trialsSlice';
import { createReplaySlice, type ReplaySlice } from './replaySlice';
import { createStepSlice, type StepSlice } from './stepSlice';
import { createCompareSlice, type CompareSlice } from './compareSlice';

/** The one store: the only bridge between the runtime (workers) and the UI. */
export interface LabState
  extends
    SettingsSlice,
    EngineSlice,
    RunSlice,
    PlaybackSlice,
    TrialsSlice,
    ExplorerSlice,
    StepSlice,
    CompareSlice,
    ReplaySlice {
  config: RunConfig;
  trace: Trace | null;
  accounting: Accounting | null;
}

export const useLab = create<LabState>()((...a) => ({
  trace: null,
  accounting: null,
  ...createSettingsSlice(...a),
  ...createEngineSlice(...a),
  ...createRunSlice(...a),
  ...createPlaybackSlice(...a),
  ...createTrialsSlice(...a),
  ...createExplorerSlice(...a),
  ...createStepSlice(...a),
  ...createCompareSlice(...a),
  ...createReplaySlice(...a),
}));
