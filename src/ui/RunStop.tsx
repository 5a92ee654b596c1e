import { useLab } from '../store/labStore';
import { selectRunBusy, selectRunning } from '../store/selectors';

/**
 * Run and Stop. Each is marked aria-disabled, not disabled, while it cannot act: a disabled
 * button drops keyboard focus, and a reader who pressed Run with Enter would be left on the
 * page's body for the rest of the run, and again when it ends.
 */
export function RunButton() {
  // While a finished run's trace is still being read, Run starts over (dropping the reading).
  const busy = useLab(selectRunBusy);
  return (
    <button
      type="button"
      className="primary"
      aria-disabled={busy}
      onClick={() => {
        if (!busy) void useLab.getState().run();
      }}
    >
      Run
    </button>
  );
}

export function StopButton() {
  const running = useLab(selectRunning);
  return (
    <button
      type="button"
      aria-disabled={!running}
      onClick={() => {
        if (running) useLab.getState().stop();
      }}
    >
      Stop
    </button>
  );
}
