import { useEffect, useRef, type JSX } from 'react';
import { useLab } from '../store/labStore';
import { selectAccounting, selectStepping, selectTrace } from '../store/selectors';
import { startPlaybackClock } from './clock';
import { useElementWidth } from './hooks';
import { TimelineView } from './TimelineView';
import './timeline.css';

/**
 * The animated timeline of the last run: every shared access on its thread's lane, the
 * counter against the ideal above, and the lost updates marked. Reads the store only.
 */
export function TimelinePanel(): JSX.Element {
  const trace = useLab(selectTrace);
  const accounting = useLab(selectAccounting);
  // In step mode the lanes are where the user picks the next worker, even before any access.
  const stepping = useLab(selectStepping) !== null;
  // Measured while the hint shows, so a trace's first render already knows its width.
  const bodyRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(bodyRef);
  // The animation clock runs outside React for as long as the panel is on the page.
  useEffect(() => startPlaybackClock(useLab), []);
  return (
    <section className="panel tl-panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <div ref={bodyRef} className="tl-body">
        {!trace ? (
          <p className="tl-hint">
            Press Run: every read and write of the shared counter will appear here, one lane per
            thread, with each lost update marked.
          </p>
        ) : trace.events.length === 0 && !stepping ? (
          <p className="tl-hint">This run recorded no accesses: turn recording on to see them.</p>
        ) : (
          <TimelineView key={traceKey(trace)} trace={trace} accounting={accounting} width={width} />
        )}
      </div>
    </section>
  );
}

// A new trace gets a fresh view (zoom, mode, measurements); the same trace keeps its own.
const keys = new WeakMap<object, number>();
let nextKey = 0;
function traceKey(trace: object): number {
  let key = keys.get(trace);
  if (key === undefined) keys.set(trace, (key = ++nextKey));
  return key;
}
