import { lazy, Suspense } from 'react';
import { useLab } from '../store/labStore';
import { selectPage } from '../store/selectors';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { CodePanel } from './CodePanel';
import { Controls } from './Controls';
import { DebugReadout } from './DebugReadout';
import { EmbedApp } from './embed/EmbedApp';
import { Findings } from './Findings';
import { IsolationNotice, Notices } from './Notices';
import { ResultPanel } from './ResultPanel';
import { SharePanel } from './share/SharePanel';
import { TraceFiles } from './TraceFiles';

// Panels the first view does not show load on demand, to keep the first visit's script small.
const StepPanel = lazy(() => import('./step/StepPanel').then((m) => ({ default: m.StepPanel })));
const Challenges = lazy(() => import('./step/Challenges').then((m) => ({ default: m.Challenges })));
const ExplorerPanel = lazy(() =>
  import('./explorer/ExplorerPanel').then((m) => ({ default: m.ExplorerPanel })),
);

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
          {page.mode === 'step' && (
            <Suspense fallback={null}>
              <StepPanel />
              <Challenges />
            </Suspense>
          )}
          <TraceFiles />
          <SharePanel />
        </div>
        <div className="stage">
          <ResultPanel />
          <TimelinePanel />
          <CodePanel />
          <Findings />
          {page.view === 'explore' && (
            <Suspense fallback={null}>
              <ExplorerPanel />
            </Suspense>
          )}
        </div>
      </main>
      {page.debug && <DebugReadout />}
    </div>
  );
}
