import { accessesPerIncrement, LIMITS, traceEnabled, type RunConfig } from '../core/config';
import { MAX_TRACE_EVENTS } from '../core/layout';
import { useLab } from '../store/labStore';
import { selectConfig, selectRunning } from '../store/selectors';

const fmt = (n: number) => n.toLocaleString('en');

/** Accesses a run of `config` makes when nothing contends (cas retries add a few). */
const accessesOf = (config: RunConfig) =>
  config.workers * config.increments * accessesPerIncrement(config.strategy);

/**
 * What the timeline panel says when it has nothing to draw: what Run will show, or, for a run
 * too large to record by default, that it records nothing, with "Record and run" when the
 * trace buffer can hold it.
 */
export function UnrecordedHint({ emptyTrace, ran }: { emptyTrace: boolean; ran: boolean }) {
  const config = useLab(selectConfig);
  const running = useLab(selectRunning);
  if (traceEnabled(config)) {
    return emptyTrace ? (
      <p className="tl-hint">This run recorded no accesses: turn recording on to see them.</p>
    ) : (
      <p className="tl-hint">
        Press Run: every read and write of the shared counter will appear here, one lane per thread,
        with each lost update marked.
      </p>
    );
  }
  const accesses = accessesOf(config);
  const feasible = accesses <= MAX_TRACE_EVENTS;
  const record = () => {
    const { setTrace, run } = useLab.getState();
    setTrace('on');
    void run();
  };
  return (
    <div className="tl-hint tl-unrecorded">
      <p>
        {ran ? 'This run was not recorded' : 'This run will not be recorded'}: its {fmt(accesses)}{' '}
        accesses are more than the {fmt(LIMITS.traceAutoEvents)} recorded automatically, so no
        timeline is drawn.
        {!feasible && ` Recording holds at most ${fmt(MAX_TRACE_EVENTS)}: use fewer increments.`}
      </p>
      {feasible && (
        <button type="button" disabled={running} onClick={record}>
          Record and run
        </button>
      )}
    </div>
  );
}
