import { useLab } from '../store/labStore';
import { selectPage } from '../store/selectors';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { CodePanel } from './CodePanel';
import { Controls } from './Controls';
import { DebugReadout } from './DebugReadout';
import { EmbedApp } from './embed/EmbedApp';
import { Findings } from './Findings';
import { IsolationNotice, Notices } from './Notices';
import { onDemand } from '../shared/onDemand';
import { ResultPanel } from './ResultPanel';
import { SharePanel } from './share/SharePanel';
import { TraceFiles } from './TraceFiles';

// Panels the first view does not show load on demand, to keep the first visit's script small.
const StepPanel = onDemand(() => import('./step/StepPanel').then((m) => m.StepPanel)).Component;
const Challenges = onDemand(() => import('./step/Challenges').then((m) => m.Challenges)).Component;
const ExplorerPanel = onDemand(() =>
  import('./explorer/ExplorerPanel').then((m) => m.ExplorerPanel),
).Component;
const ComparePanel = onDemand(() =>
  import('./compare/ComparePanel').then((m) => m.ComparePanel),
).Component;

export function App() {
  const page = useLab(selectPage);
  if (page.embed) return <EmbedApp />;
  return (
    <div className="app">
      <header className="app-header">
        <h1>Race Lab</h1>
        <p className="tagline">
          Workers add 1 to a shared counter, again and again. Expect the total. Watch increments get
          lost.
        </p>
      </header>
      <IsolationNotice />
      <Notices />
      <main className="app-main">
        <div className="side">
          <Controls />
          {page.mode === 'step' && <StepPanel />}
          {page.mode === 'step' && <Challenges />}
          <TraceFiles />
          <SharePanel />
        </div>
        <div className="stage">
          <ResultPanel />
          <TimelinePanel />
          <CodePanel />
          <Findings />
          {page.view === 'explore' && <ExplorerPanel />}
          {page.view === 'compare' && <ComparePanel />}
        </div>
      </main>
      {page.debug && <DebugReadout />}
    </div>
  );
}
