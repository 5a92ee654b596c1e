import { useLab } from '../store/labStore';
import { selectPage } from '../store/selectors';
import { TimelinePanel } from '../timeline/TimelinePanel';
import { CodePanel } from './CodePanel';
import { Controls } from './Controls';
import { DebugReadout } from './DebugReadout';
import { ExplorerPanel } from './explorer/ExplorerPanel';
import { Findings } from './Findings';
import { IsolationNotice, Notices } from './Notices';
import { ResultPanel } from './ResultPanel';
import { TraceFiles } from './TraceFiles';

export function App() {
  const page = useLab(selectPage);
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
          <TraceFiles />
        </div>
        <div className="stage">
          <ResultPanel />
          <TimelinePanel />
          <CodePanel />
          <Findings />
          {page.view === 'explore' && <ExplorerPanel />}
        </div>
      </main>
      {page.debug && <DebugReadout />}
    </div>
  );
}
