import type { StoreApi } from 'zustand';
import type { Trace } from '../core/trace';
import type { PlaybackSlice } from '../store/playbackSlice';

/** Longest frame gap counted: after a hidden tab or a long task, playback resumes, not leaps. */
export const MAX_FRAME_GAP_MS = 100;

/** Playback position (fractional accesses) after `dtMs` at `speed` accesses per second. */
export const advance = (position: number, speed: number, dtMs: number): number =>
  position + (speed * Math.max(0, Math.min(dtMs, MAX_FRAME_GAP_MS))) / 1000;

export interface FrameScheduler {
  request(callback: (time: number) => void): number;
  cancel(id: number): void;
}

const animationFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (id) => cancelAnimationFrame(id),
};

type PlaybackStore = Pick<
  StoreApi<PlaybackSlice & { trace: Trace | null }>,
  'getState' | 'subscribe'
>;

/**
 * The animation clock: while the store says playing, each animation frame moves `current`
 * on by speed × elapsed time, through store actions only, and pauses on the last access.
 * It runs outside React; whatever shows `current` subscribes to the store. Returns a stop
 * function.
 */
export function startPlaybackClock(
  store: PlaybackStore,
  frames: FrameScheduler = animationFrames,
): () => void {
  let pending: number | null = null;
  let lastTime: number | null = null;
  let position = 0;
  // What this clock last set; anything else means a person moved the position meanwhile.
  let lastSet = -1;

  const tick = (time: number) => {
    pending = null;
    const s = store.getState();
    const length = s.trace?.events.length ?? 0;
    if (!s.playback.playing || length === 0) {
      lastTime = null;
      return;
    }
    if (s.playback.current !== lastSet) position = s.playback.current;
    if (lastTime !== null) position = advance(position, s.playback.speed, time - lastTime);
    lastTime = time;
    const index = Math.min(Math.floor(position), length - 1);
    lastSet = index;
    if (index !== s.playback.current) s.setCurrent(index);
    if (index >= length - 1) {
      s.pause();
      return;
    }
    pending = frames.request(tick);
  };

  const start = () => {
    if (pending !== null) return;
    lastTime = null;
    pending = frames.request(tick);
  };

  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playback.playing && !prev.playback.playing) start();
  });
  if (store.getState().playback.playing) start();
  return () => {
    unsubscribe();
    if (pending !== null) frames.cancel(pending);
    pending = null;
  };
}
