import { useLab } from '../store/labStore';
import { selectLiveWorkers } from '../store/selectors';

/** Shown with `debug=1`: figures for checking the engine leaks nothing. */
export function DebugReadout() {
  const live = useLab(selectLiveWorkers);
  return (
    <aside className="debug" data-testid="debug" data-live-workers={live}>
      Live workers: {live}
    </aside>
  );
}
