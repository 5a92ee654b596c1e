import type { RunConfig } from '../core/config';
import type { ExplorerSlice } from './explorerSlice';
import type { RunStatus } from './runSlice';
import type { TrialsSlice } from './trialsSlice';

/** The part of the lab's state the outcome explorer reads. */
type ExplorerView = TrialsSlice & ExplorerSlice & { config: RunConfig; status: RunStatus };

// Declared once here, so the explorer's components re-render only on what they show.
export const selectTrials = (s: ExplorerView) => s.trials;
export const selectTrialsRunning = (s: ExplorerView) => s.trials.status === 'running';
export const selectExplorer = (s: ExplorerView) => s.explorer;
/** Whether a single run (the Run button's) is going: trials wait for it. */
export const selectSingleRunGoing = (s: ExplorerView) => s.status === 'running';
export const selectRunConfig = (s: ExplorerView) => s.config;
