import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { presetConfig } from '../core/config';
import { randomChooser, simulate } from '../core/simulation';
import type { Trace } from '../core/trace';
import { createPlaybackSlice, type PlaybackSlice } from '../store/playbackSlice';
import { advance, MAX_FRAME_GAP_MS, startPlaybackClock, type FrameScheduler } from './clock';

type State = PlaybackSlice & { trace: Trace | null };

const trace = simulate({ ...presetConfig('custom'), workers: 2, increments: 50 }, randomChooser(2));

function setup() {
  const store = createStore<State>()((...a) => ({ trace, ...createPlaybackSlice(...a) }));
  const queue = new Map<number, (t: number) => void>();
  let next = 1;
  const frames: FrameScheduler = {
    request: (cb) => {
      queue.set(next, cb);
      return next++;
    },
    cancel: (id) => queue.delete(id),
  };
  /** Run the frame callbacks waiting at time `t`. */
  const frame = (t: number) => {
    const due = [...queue.values()];
    queue.clear();
    for (const cb of due) cb(t);
  };
  const stop = startPlaybackClock(store, frames);
  return { store, frame, stop, waiting: () => queue.size };
}

describe('advance', () => {
  it('moves speed × time, and caps a long gap', () => {
    expect(advance(10, 20, 500)).toBe(10 + 20 * (MAX_FRAME_GAP_MS / 1000));
    expect(advance(10, 20, 50)).toBe(11);
    expect(advance(3, 100, -5)).toBe(3);
  });
});

describe('startPlaybackClock', () => {
  it('does nothing until played', () => {
    const { waiting } = setup();
    expect(waiting()).toBe(0);
  });

  it('advances current by speed × elapsed frames while playing', () => {
    const { store, frame } = setup();
    store.getState().setSpeed(100);
    store.getState().play();
    frame(0);
    expect(store.getState().playback.current).toBe(0);
    frame(16);
    frame(32);
    frame(50);
    // 50 ms at 100 accesses/s: 5 accesses.
    expect(store.getState().playback.current).toBe(5);
  });

  it('stops on the last access and pauses', () => {
    const { store, frame, waiting } = setup();
    store.getState().setSpeed(100_000);
    store.getState().play();
    for (let t = 0; t <= 100 && waiting() > 0; t += 16) frame(t);
    const s = store.getState();
    expect(s.playback.current).toBe(trace.events.length - 1);
    expect(s.playback.playing).toBe(false);
    expect(waiting()).toBe(0);
  });

  it('continues from where a person moved the position', () => {
    const { store, frame } = setup();
    store.getState().setSpeed(100);
    store.getState().play();
    frame(0);
    frame(20);
    store.getState().setCurrent(150);
    frame(40);
    expect(store.getState().playback.current).toBe(152);
  });

  it('stops scheduling frames when paused and when stopped', () => {
    const { store, frame, waiting, stop } = setup();
    store.getState().play();
    frame(0);
    store.getState().pause();
    frame(16);
    expect(waiting()).toBe(0);
    store.getState().play();
    expect(waiting()).toBe(1);
    stop();
    expect(waiting()).toBe(0);
  });
});

describe('playback slice', () => {
  it('clamps, steps and restarts from the top at the end', () => {
    const { store } = setup();
    const s = () => store.getState();
    s().stepBy(-3);
    expect(s().playback.current).toBe(0);
    s().seek(1e9);
    expect(s().playback.current).toBe(trace.events.length - 1);
    s().play();
    expect(s().playback).toMatchObject({ current: 0, playing: true });
    s().stepBy(2);
    expect(s().playback).toMatchObject({ current: 2, playing: false });
    s().togglePlay();
    expect(s().playback.playing).toBe(true);
    s().setSpeed(-1);
    expect(s().playback.speed).toBe(20);
    s().resetPlayback();
    expect(s().playback).toMatchObject({ current: 0, playing: false });
  });
});
