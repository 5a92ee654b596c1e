import type { LabState } from '../store/labStore';

// Declared once, so each component re-renders only when the one thing it shows changes.
export const selectCurrent = (s: LabState) => s.playback.current;
export const selectPlaying = (s: LabState) => s.playback.playing;
export const selectSpeed = (s: LabState) => s.playback.speed;
