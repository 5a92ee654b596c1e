import { useSyncExternalStore } from 'react';
import { buildThreads } from '../../core/threads';
import { embedHeight } from '../../embed/embedHeight';
import { fullPageUrl } from '../../embed/snippets';
import { embedView, type EmbedView } from '../../embed/views';
import { useLab } from '../../store/labStore';
import { selectConfig, selectPage } from '../../store/selectors';
import { TimelinePanel } from '../../timeline/TimelinePanel';
import { Notices } from '../Notices';
import { onDemand } from '../../shared/onDemand';
import { ResultPanel } from '../ResultPanel';
import { EmbedChallenge } from './EmbedChallenge';
import { EmbedRunView } from './EmbedRunView';
import { WheelHint } from './WheelHint';
import './embed.css';

// Views other than the run view load when asked for: most embeds never need them.
const StepPanel = onDemand(() => import('../step/StepPanel').then((m) => m.StepPanel)).Component;
const ExplorerPanel = onDemand(() =>
  import('../explorer/ExplorerPanel').then((m) => m.ExplorerPanel),
).Component;
const ComparePanel = onDemand(() =>
  import('../compare/ComparePanel').then((m) => m.ComparePanel),
).Component;

function ViewBody({ view }: { view: EmbedView }) {
  switch (view) {
    case 'challenge':
      return (
        <>
          <EmbedChallenge />
          <StepPanel />
          <ResultPanel />
          <TimelinePanel />
        </>
      );
    case 'step':
      return (
        <>
          <StepPanel />
          <ResultPanel />
          <TimelinePanel />
        </>
      );
    case 'explore':
      return <ExplorerPanel />;
    case 'compare':
      return <ComparePanel />;
    default:
      return <EmbedRunView />;
  }
}

const onResize = (notify: () => void) => {
  window.addEventListener('resize', notify);
  return () => window.removeEventListener('resize', notify);
};
/** The frame's width: the host sized it, so it is the width the embed lays out in. */
const useFrameWidth = () => useSyncExternalStore(onResize, () => window.innerWidth);

/**
 * The view for a blog post (embed=1), compact: the run view (the switch, Run, the result and
 * the timeline), step mode, one challenge, the explorer or the racy/atomic comparison.
 * Nothing runs, and no worker starts, until the reader asks.
 */
export function EmbedApp() {
  const config = useLab(selectConfig);
  const page = useLab(selectPage);
  const { view } = embedView(page);
  const width = useFrameWidth();
  // The run view is already as tall as after a run (the height embed.js reserved): a reader's
  // Run fills the frame instead of growing it, so nothing on the host's page moves.
  const minHeight = view === 'run' ? embedHeight(width, buildThreads(config).length) : undefined;
  return (
    <main className="embed" data-view={view} data-wheel-zoom="modifier" style={{ minHeight }}>
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
      <ViewBody view={view} />
      <WheelHint />
    </main>
  );
}
