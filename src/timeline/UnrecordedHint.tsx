import {
  accessesPerIncrement,
  LIMITS,
  traceEnabled,
  traceWindowed,
  type RunConfig,
} from '../core/config';
import { MAX_TRACE_EVENTS } from '../core/layout';
import { scenarioOf } from '../core/scenarios';
import { useLab } from '../store/labStore';
import { selectConfig, selectRunning } from '../store/selectors';

const fmt = (n: number) => n.toLocaleString('en');

/** Accesses a run of `config` makes when nothing contends (cas retries add a few). */
const accessesOf = (config: RunConfig) =>
  config.workers * config.increments * accessesPerIncrement(config);

/**
 * What the timeline panel says when it has nothing to draw: what Run will show; for a run too
 * large to record whole, which part of it will be; for a run with recording off, that nothing
 * is drawn, with "Record and run" when the trace buffer can hold the run.
 */
export function UnrecordedHint({ emptyTrace, ran }: { emptyTrace: boolean; ran: boolean }) {
  const config = useLab(selectConfig);
  const running = useLab(selectRunning);
  const accesses = accessesOf(config);
  if (traceWindowed(config)) {
    return (
      <p className="tl-hint">
        This run makes {fmt(accesses)} accesses, more than the {fmt(LIMITS.traceAutoEvents)}{' '}
        recorded whole: only its first {fmt(LIMITS.traceWindowEvents)} will appear here.
      </p>
    );
  }
  if (traceEnabled(config)) {
    return emptyTrace ? (
      <p className="tl-hint">This run recorded no accesses: turn recording on to see them.</p>
    ) : (
      <p className="tl-hint">
        Press Run: every read and write of the {scenarioOf(config).cell} will appear here, one lane
        per thread, with each lost update marked.
      </p>
    );
  }
  const feasible = accesses <= MAX_TRACE_EVENTS;
  const record = () => {
    const { setTrace, run } = useLab.getState();
    setTrace('on');
    void run();
  };
  return (
    <div className="tl-hint tl-unrecorded">
      <p>
        {ran ? 'This run was not recorded' : 'This run will not be recorded'}: recording is off, so
        no timeline is drawn.
        {!feasible &&
          ` Its ${fmt(accesses)} accesses are more than the ${fmt(MAX_TRACE_EVENTS)} a recording holds: use fewer increments to record it.`}
      </p>
      {feasible && (
        <button type="button" disabled={running} onClick={record}>
          Record and run
        </button>
      )}
    </div>
  );
}
