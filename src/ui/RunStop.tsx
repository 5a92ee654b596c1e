import { useLab } from '../store/labStore';
import { selectRunning } from '../store/selectors';

/**
 * Run and Stop. Each is marked aria-disabled, not disabled, while it cannot act: a disabled
 * button drops keyboard focus, and a reader who pressed Run with Enter would be left on the
 * page's body for the rest of the run, and again when it ends.
 */
export function RunButton() {
  const running = useLab(selectRunning);
  return (
    <button
      type="button"
      className="primary"
      aria-disabled={running}
      onClick={() => {
        if (!running) void useLab.getState().run();
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
