import type { KeyboardEvent } from 'react';
import { useLab } from '../store/labStore';
import type { ZoomActions } from './useZoom';

/** The keys the timeline answers to, as its root announces them in aria-keyshortcuts. */
export const TIMELINE_SHORTCUTS = 'Space ArrowLeft ArrowRight Home End + - 0';

/**
 * The timeline's keyboard map: Space plays or pauses, arrows step (Shift: by ten), Home and
 * End seek to either end, + and - zoom at the current access, 0 shows everything.
 */
export function useTimelineKeys(
  length: number,
  zoom: Pick<ZoomActions, 'reset'>,
  zoomAtCurrent: (factor: number) => void,
): (e: KeyboardEvent<HTMLElement>) => void {
  return (e) => {
    const s = useLab.getState();
    const step = e.shiftKey ? 10 : 1;
    switch (e.key) {
      case ' ':
        s.togglePlay();
        break;
      case 'ArrowRight':
        s.stepBy(step);
        break;
      case 'ArrowLeft':
        s.stepBy(-step);
        break;
      case 'Home':
        s.seek(0);
        break;
      case 'End':
        s.seek(length - 1);
        break;
      case '+':
      case '=':
        zoomAtCurrent(2);
        break;
      case '-':
        zoomAtCurrent(0.5);
        break;
      case '0':
        zoom.reset();
        break;
      default:
        return;
    }
    e.preventDefault();
  };
}
