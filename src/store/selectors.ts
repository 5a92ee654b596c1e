import type { LabState } from './labStore';

// Selectors are declared once here and shared, so components re-render only on what they show.
export const selectConfig = (s: LabState) => s.config;
export const selectStatus = (s: LabState) => s.status;
export const selectResult = (s: LabState) => s.result;
export const selectError = (s: LabState) => s.error;
export const selectNotices = (s: LabState) => s.notices;
export const selectLiveWorkers = (s: LabState) => s.liveWorkers;
export const selectTrace = (s: LabState) => s.trace;
export const selectAccounting = (s: LabState) => s.accounting;
export const selectRunning = (s: LabState) => s.status === 'running';
export const selectReading = (s: LabState) => s.reading;
/** Busy with workers: a run in flight, not just the reading of its trace (which Run replaces). */
export const selectRunBusy = (s: LabState) => s.status === 'running' && s.reading === null;
export const selectPage = (s: LabState) => s.page;
export const selectTheme = (s: LabState) => s.page.theme;
export const selectStepping = (s: LabState) => s.stepping;
export const selectReplayCheck = (s: LabState) => s.replayCheck;
export const selectComparison = (s: LabState) => s.comparison;
export const selectSupport = (s: LabState) => s.support;
