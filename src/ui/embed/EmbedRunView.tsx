import { PRESETS, type RunConfig } from '../../core/config';
import { initialOf, scenarioOf, strategyOf } from '../../core/scenarios';
import { useLab } from '../../store/labStore';
import { selectConfig, selectRunning } from '../../store/selectors';
import { TimelinePanel } from '../../timeline/TimelinePanel';
import { ResultPanel } from '../ResultPanel';
import { RunButton, StopButton } from '../RunStop';

const fmt = (n: number) => n.toLocaleString('en');

/** What each worker does, in the run's scenario. */
const attempts = (c: RunConfig): string =>
  c.scenario === 'claim'
    ? 'one claim each'
    : c.scenario === 'bank'
      ? `${fmt(c.increments)} withdrawals each from ${fmt(initialOf(c))}`
      : `${fmt(c.increments)} increments each`;

/** What the next run does, in one line. */
const summary = (c: RunConfig): string =>
  `${PRESETS[c.preset].tree ? PRESETS[c.preset].label : `${c.workers} workers`} · ` +
  `${attempts(c)} · ${strategyOf(c).label}`;

/** The run view: the switch, Run, the result and the timeline. */
export function EmbedRunView() {
  const config = useLab(selectConfig);
  const running = useLab(selectRunning);
  const { setAtomic } = useLab.getState();
  const atomic = config.strategy === 'atomic';
  return (
    <>
      <section className="embed-controls" aria-label="Settings">
        <button
          type="button"
          role="switch"
          aria-checked={atomic}
          className="switch"
          disabled={running}
          onClick={() => setAtomic(!atomic)}
        >
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          Atomic {scenarioOf(config).unit}s
        </button>
        <span className="embed-buttons">
          <RunButton />
          <StopButton />
        </span>
        <small className="embed-summary">{summary(config)}</small>
      </section>
      <ResultPanel />
      <TimelinePanel />
    </>
  );
}
