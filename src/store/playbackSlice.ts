import type { StateCreator } from 'zustand';
import type { Trace } from '../core/trace';

/** Accesses per second the timeline can play at; the default is slow enough to follow. */
export const PLAYBACK_SPEEDS = [1, 5, 20, 100, 1_000, 10_000, 100_000] as const;
export const DEFAULT_SPEED = 20;

export interface Playback {
  /** Index of the access being shown. */
  current: number;
  playing: boolean;
  /** Accesses per second. */
  speed: number;
}

export interface PlaybackSlice {
  playback: Playback;
  /** Show access `i` (clamped to the trace); playing continues from there. */
  setCurrent(i: number): void;
  /** Show access `i` and stop playing: scrubbing, Home/End, a click on a marker. */
  seek(i: number): void;
  /** Start playing; from the start again when already at the last access. */
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Move by `delta` accesses and stop playing. */
  stepBy(delta: number): void;
  setSpeed(s: number): void;
  /** Back to the first access, stopped: a new trace arrived. */
  resetPlayback(): void;
}

const lengthOf = (trace: Trace | null) => trace?.events.length ?? 0;

const clampIndex = (i: number, trace: Trace | null) =>
  Math.max(0, Math.min(Math.floor(i), lengthOf(trace) - 1));

export const createPlaybackSlice: StateCreator<
  PlaybackSlice & { trace: Trace | null },
  [],
  [],
  PlaybackSlice
> = (set, get) => {
  const update = (change: Partial<Playback>) =>
    set((s) => ({ playback: { ...s.playback, ...change } }));
  return {
    playback: { current: 0, playing: false, speed: DEFAULT_SPEED },
    setCurrent: (i) => update({ current: clampIndex(i, get().trace) }),
    seek: (i) => update({ current: clampIndex(i, get().trace), playing: false }),
    play: () => {
      const { trace, playback } = get();
      const length = lengthOf(trace);
      if (length < 2) return;
      update({ playing: true, current: playback.current >= length - 1 ? 0 : playback.current });
    },
    pause: () => update({ playing: false }),
    togglePlay: () => (get().playback.playing ? get().pause() : get().play()),
    stepBy: (d) =>
      update({ playing: false, current: clampIndex(get().playback.current + d, get().trace) }),
    setSpeed: (speed) => {
      if (Number.isFinite(speed) && speed > 0) update({ speed });
    },
    resetPlayback: () => update({ current: 0, playing: false }),
  };
};
