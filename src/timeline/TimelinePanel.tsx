import { useDeferredValue, useEffect, useRef, type JSX } from 'react';
import { useLab } from '../store/labStore';
import {
  selectAccounting,
  selectResult,
  selectRunning,
  selectStepping,
  selectTrace,
} from '../store/selectors';
import { onDemand } from '../shared/onDemand';
import { startPlaybackClock } from './clock';
import { paletteFor, useDarkScheme, useElementWidth } from './hooks';
import { UnrecordedHint } from './UnrecordedHint';
import './timeline.css';
import './timelineMarks.css';

// The drawn timeline (and the d3 it draws with) loads once there is a trace to draw; the first
// view only shows the hint. Run starts loading it, so it is usually ready when the run ends.
const drawing = <p className="tl-hint">Drawing the timeline…</p>;
const view = onDemand(() => import('./TimelineView').then((m) => m.TimelineView), drawing);
const TimelineView = view.Component;

/**
 * The animated timeline of the last run: every shared access on its thread's lane, the
 * counter against the ideal above, and the lost updates marked. Reads the store only.
 */
export function TimelinePanel(): JSX.Element {
  const latest = useLab(selectTrace);
  const latestAccounting = useLab(selectAccounting);
  // In step mode the lanes are where the user picks the next worker, even before any access.
  const stepping = useLab(selectStepping) !== null;
  // A new trace's view mounts in a render of its own, after the commit that shows the run's
  // results: each stays a short task. Step mode shows every step at once.
  const deferred = useDeferredValue(latest);
  const deferredAccounting = useDeferredValue(latestAccounting);
  const trace = stepping ? latest : deferred;
  const accounting = stepping ? latestAccounting : deferredAccounting;
  const pending =
    trace !== latest && (latest?.events.length ?? 0) > 0 && (trace?.events.length ?? 0) === 0;
  const running = useLab(selectRunning);
  const hasResult = useLab(selectResult) !== null;
  const dark = useDarkScheme();
  // Measured while the hint shows, so a trace's first render already knows its width.
  const bodyRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!running) return;
    // Only a head start: if it fails, rendering the view tries again and reports the error.
    view.preload().catch(() => undefined);
    // The canvas's colours, read while the run goes on: read by the first paint, they would
    // force a layout of the view just mounted.
    const body = bodyRef.current;
    const timer = setTimeout(() => body && paletteFor(body, dark));
    return () => clearTimeout(timer);
  }, [running, dark]);
  const width = useElementWidth(bodyRef);
  // The animation clock runs outside React for as long as the panel is on the page.
  useEffect(() => startPlaybackClock(useLab), []);
  return (
    <section className="panel tl-panel" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <div ref={bodyRef} className="tl-body">
        {pending ? (
          drawing
        ) : !trace || (trace.events.length === 0 && !stepping) ? (
          <UnrecordedHint emptyTrace={trace !== null} ran={hasResult} />
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
