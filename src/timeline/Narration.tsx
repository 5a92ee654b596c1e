import { memo, useState, useSyncExternalStore } from 'react';
import { narrateEvent } from '../core/describe';
import { useLab } from '../store/labStore';
import type { TimelineModel } from './model';

/** While playing, announce at most this often, so a screen reader is not flooded. */
const PLAYING_INTERVAL_MS = 1500;

/** The store's `current`, passed on at once when paused and at most every interval when playing. */
function throttledCurrent(interval: number) {
  let shown = useLab.getState().playback.current;
  let shownAt = 0;
  return {
    get: () => shown,
    subscribe(onChange: () => void) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const show = (i: number) => {
        shown = i;
        shownAt = performance.now();
        onChange();
      };
      const unsubscribe = useLab.subscribe((s) => {
        const { current, playing } = s.playback;
        if (current === shown) return;
        const wait = interval - (performance.now() - shownAt);
        if (!playing || wait <= 0) show(current);
        else
          timer ??= setTimeout(() => {
            timer = undefined;
            show(useLab.getState().playback.current);
          }, wait);
      });
      return () => {
        unsubscribe();
        clearTimeout(timer);
      };
    },
  };
}

/** The current access in words, in a polite live region. */
export const Narration = memo(function Narration({ model }: { model: TimelineModel }) {
  const [source] = useState(() => throttledCurrent(PLAYING_INTERVAL_MS));
  const index = useSyncExternalStore(source.subscribe, source.get);
  const { trace, accounting, length } = model;
  const i = Math.min(index, length - 1);
  const text = accounting && i >= 0 ? narrateEvent(trace, accounting, i) : '';
  return (
    <p className="tl-narration" data-testid="narration" aria-live="polite" aria-atomic="true">
      {/* Step mode shows the lanes before the first access. */}
      {i < 0 ? (
        'No access yet.'
      ) : (
        <>
          <span className="tl-narration-index">#{i.toLocaleString('en')}</span> {text}
        </>
      )}
    </p>
  );
});
