import { memo, useEffect, useRef } from 'react';
import { useLab } from '../store/labStore';
import { PLAYBACK_SPEEDS } from '../store/playbackSlice';
import type { XMode } from './layout';
import { selectPlaying, selectSpeed } from './selectors';
import type { ZoomActions } from './useZoom';

const fmt = (n: number) => n.toLocaleString('en');

interface ControlsProps {
  length: number;
  xMode: XMode;
  hasWall: boolean;
  setXMode(mode: XMode): void;
  zoom: ZoomActions;
  zoomAtCurrent(factor: number): void;
}

/**
 * Playback and view controls. Only play/pause and speed re-render this; the position slider
 * and readout follow `current` through a store subscription.
 */
export const Controls = memo(function Controls({
  length,
  xMode,
  hasWall,
  setXMode,
  zoom,
  zoomAtCurrent,
}: ControlsProps) {
  const playing = useLab(selectPlaying);
  const speed = useLab(selectSpeed);
  const rangeRef = useRef<HTMLInputElement>(null);
  const readoutRef = useRef<HTMLOutputElement>(null);

  useEffect(() => {
    const show = (i: number) => {
      if (rangeRef.current) rangeRef.current.value = String(i);
      if (readoutRef.current) {
        readoutRef.current.textContent =
          length === 0 ? 'No accesses yet' : `#${fmt(i)} of ${fmt(length)}`;
      }
    };
    show(useLab.getState().playback.current);
    return useLab.subscribe((s, prev) => {
      if (s.playback.current !== prev.playback.current) show(s.playback.current);
    });
  }, [length]);

  // Actions are read at call time: they never change, and reading the store in render would.
  const act = () => useLab.getState();
  // Step mode shows the lanes before the first access: nothing to play or move through yet.
  const empty = length === 0;
  return (
    <div className="tl-controls" role="group" aria-label="Playback">
      <button type="button" className="tl-play" disabled={empty} onClick={() => act().togglePlay()}>
        <span aria-hidden="true">{playing ? '❚❚' : '▶'}</span> {playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        aria-label="Step back"
        title="Step back (←)"
        disabled={empty}
        onClick={() => act().stepBy(-1)}
      >
        <span aria-hidden="true">◀︎▏</span>
      </button>
      <button
        type="button"
        aria-label="Step forward"
        title="Step forward (→)"
        disabled={empty}
        onClick={() => act().stepBy(1)}
      >
        <span aria-hidden="true">▕▶︎</span>
      </button>
      <label className="tl-speed">
        Speed
        <select value={speed} onChange={(e) => act().setSpeed(Number(e.target.value))}>
          {PLAYBACK_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {fmt(s)}/s
            </option>
          ))}
        </select>
      </label>
      <input
        ref={rangeRef}
        className="tl-position"
        type="range"
        aria-label="Position"
        min={0}
        max={Math.max(0, length - 1)}
        step={1}
        defaultValue={0}
        disabled={empty}
        onChange={(e) => act().seek(Number(e.target.value))}
      />
      <output ref={readoutRef} className="tl-readout" aria-label="Access shown" />
      <span className="tl-view-controls">
        <label
          title={
            hasWall
              ? undefined
              : 'This run did not record wall time (Record every access: On, with wall time)'
          }
        >
          <input
            type="checkbox"
            checked={xMode === 'wall'}
            disabled={!hasWall}
            onChange={(e) => {
              setXMode(e.target.checked ? 'wall' : 'order');
              // Order and time scales do not share positions: start the new one whole.
              zoom.reset();
            }}
          />
          Wall time
        </label>
        <button
          type="button"
          aria-label="Zoom in"
          title="Zoom in (+)"
          onClick={() => zoomAtCurrent(2)}
        >
          +
        </button>
        <button
          type="button"
          aria-label="Zoom out"
          title="Zoom out (−)"
          onClick={() => zoomAtCurrent(0.5)}
        >
          −
        </button>
        <button type="button" title="Show every access (0)" onClick={() => zoom.reset()}>
          Fit all
        </button>
      </span>
    </div>
  );
});
