import { useEffect } from 'react';
import { threadLabel } from '../../core/threads';
import { useLab } from '../../store/labStore';
import { selectPage, selectStepping } from '../../store/selectors';
import { scheduleFromPage } from '../../store/urlSchedule';
import { OP_WORDS, stepLeaves } from '../../timeline/stepLanes';

let opened = false;

/** Open step mode once per page load when the URL asks for it, replaying its schedule. */
function useOpenFromUrl() {
  useEffect(() => {
    if (opened) return;
    opened = true;
    const { page, addNotices, startStepping } = useLab.getState();
    const asked = scheduleFromPage(page);
    if (asked && 'message' in asked) addNotices('url', [asked.message]);
    void startStepping(asked && 'schedule' in asked ? asked.schedule : []);
  }, []);
}

/** Keys 1–9 step the matching worker, unless the user is typing somewhere. */
function useStepKeys(leaves: readonly number[]) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (e.ctrlKey || e.metaKey || e.altKey || target?.closest('input, select, textarea')) return;
      const n = Number(e.key);
      if (!Number.isInteger(n) || n < 1 || n > 9 || n > leaves.length) return;
      e.preventDefault();
      void useLab.getState().stepThread(leaves[n - 1]!);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [leaves]);
}

/** You are the scheduler: pick which worker makes its next shared access. */
export function StepPanel() {
  const stepping = useLab(selectStepping);
  const page = useLab(selectPage);
  const { stepThread, undoStep, leaveStepMode, startStepping } = useLab.getState();
  useOpenFromUrl();
  const leaves = stepping ? stepLeaves(stepping) : [];
  useStepKeys(leaves);
  return (
    <section className="panel step-panel" aria-labelledby="step-heading" data-testid="step-panel">
      <h2 id="step-heading">Step mode: you are the scheduler</h2>
      <p className="field-hint">
        Choose which worker makes its next shared access: press its button or its number key, or
        click its lane in the timeline. Make two workers read the same value, then let both write.
      </p>
      {!stepping && (
        <button type="button" className="primary" onClick={() => void startStepping([])}>
          Start stepping
        </button>
      )}
      {stepping && (
        <>
          <ol className="step-workers" data-busy={stepping.busy}>
            {leaves.map((id, i) => {
              const reason = stepping.reasons[id];
              const op = stepping.nextOps[id];
              const can = stepping.enabled.includes(id);
              return (
                <li key={id}>
                  <button
                    type="button"
                    data-testid="step-thread"
                    data-thread={id}
                    aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                    disabled={!can}
                    onClick={() => void stepThread(id)}
                  >
                    <kbd>{i + 1}</kbd> {threadLabel(stepping.threads, id)}
                    {op && <span className="step-op"> · next: {OP_WORDS[op]}</span>}
                  </button>
                  {reason && !stepping.busy && <small className="field-hint"> {reason}</small>}
                </li>
              );
            })}
          </ol>
          <p
            className="step-status"
            aria-live="polite"
            data-testid="step-status"
            data-steps={stepping.schedule.length}
            data-busy={stepping.busy}
            data-engine={stepping.engine}
          >
            {stepping.schedule.length} steps taken
            {stepping.finished && ': every worker has finished'} ·{' '}
            {stepping.engine === 'workers' ? 'real workers behind gates' : 'simulated engine'}
          </p>
          <div className="run-buttons">
            <button
              type="button"
              onClick={() => void undoStep()}
              disabled={stepping.busy || stepping.schedule.length === 0}
            >
              Undo
            </button>
            <button type="button" onClick={() => void startStepping([])} disabled={stepping.busy}>
              Start over
            </button>
          </div>
        </>
      )}
      {page.mode === 'step' && (
        <button type="button" className="link-button" onClick={leaveStepMode}>
          Leave step mode
        </button>
      )}
    </section>
  );
}
