import { useLab } from '../store/labStore';
import { selectReplayCheck, selectStatus, selectTrace } from '../store/selectors';

/** Replay the shown run with its order of accesses enforced, and say whether it matched. */
export function ReplayRow() {
  const trace = useLab(selectTrace);
  const status = useLab(selectStatus);
  const check = useLab(selectReplayCheck);
  const replay = useLab((s) => s.replay);
  if (!trace || trace.truncated) return null;
  return (
    <div className="replay">
      <button type="button" disabled={status === 'running'} onClick={() => void replay()}>
        Replay
      </button>
      {check && (
        <p
          className="replay-check"
          role="status"
          data-testid="replay-check"
          data-matches={check.matches}
        >
          {check.text}
        </p>
      )}
    </div>
  );
}
