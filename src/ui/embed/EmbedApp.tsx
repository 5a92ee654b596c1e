import { PRESETS, type RunConfig } from '../../core/config';
import { strategyOf } from '../../core/scenarios';
import { fullPageUrl } from '../../embed/snippets';
import { useLab } from '../../store/labStore';
import { selectConfig, selectPage, selectRunning } from '../../store/selectors';
import { TimelinePanel } from '../../timeline/TimelinePanel';
import { Notices } from '../Notices';
import { ResultPanel } from '../ResultPanel';
import { RunButton, StopButton } from '../RunStop';
import './embed.css';

/** What the next run does, in one line. */
const summary = (c: RunConfig): string =>
  `${PRESETS[c.preset].tree ? PRESETS[c.preset].label : `${c.workers} workers`} · ` +
  `${c.increments.toLocaleString('en')} increments each · ${strategyOf(c).label}`;

/**
 * The view for a blog post (embed=1): the switch, Run, the result and the timeline, compact.
 * Nothing runs, and no worker starts, until the reader presses Run.
 */
export function EmbedApp() {
  const config = useLab(selectConfig);
  const page = useLab(selectPage);
  const running = useLab(selectRunning);
  const { setAtomic } = useLab.getState();
  const atomic = config.strategy === 'atomic';
  return (
    <main className="embed">
      <header className="embed-header">
        <h1>Race Lab</h1>
        <a
          href={fullPageUrl(location.origin + location.pathname, config, page)}
          target="_blank"
          rel="noopener"
        >
          Open in Race Lab
        </a>
      </header>
      <Notices />
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
          Atomic increments
        </button>
        <span className="embed-buttons">
          <RunButton />
          <StopButton />
        </span>
        <small className="embed-summary">{summary(config)}</small>
      </section>
      <ResultPanel />
      <TimelinePanel />
    </main>
  );
}
