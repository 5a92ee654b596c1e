import { describeFinding } from '../core/describe';
import { findingList } from '../core/findingTable';
import { scenarioOf } from '../core/scenarios';
import { useLab } from '../store/labStore';
import { selectAccounting, selectTrace } from '../store/selectors';

const SHOWN = 50;

/** The lost updates in words, TSan-style: who wrote over whom. */
export function Findings() {
  const trace = useLab(selectTrace);
  const accounting = useLab(selectAccounting);
  if (!trace || !accounting) return null;
  const { findings, longestStaleWindow, problems } = accounting;
  return (
    <section
      className="panel findings"
      aria-labelledby="findings-heading"
      data-testid="findings"
      data-count={findings.length}
    >
      <h2 id="findings-heading">What was lost</h2>
      {problems.length > 0 && (
        <ul className="problems">
          {problems.map((p) => (
            <li key={p} role="alert">
              {p}
            </li>
          ))}
        </ul>
      )}
      {findings.length === 0 ? (
        <p>No write erased another: every {scenarioOf(trace.config).unit} survived.</p>
      ) : (
        // Focusable, so a keyboard can scroll a long list.
        <ol className="finding-list" aria-labelledby="findings-heading" tabIndex={0}>
          {findingList(findings, accounting.history.index, trace.events, SHOWN).map((f) => (
            <li key={f.index} data-testid="finding" data-thread={f.thread} data-erased={f.erased}>
              {describeFinding(trace, accounting, f)}
            </li>
          ))}
        </ol>
      )}
      {findings.length > SHOWN && (
        <p className="field-hint">
          …and {(findings.length - SHOWN).toLocaleString('en')} more (download the trace for all).
        </p>
      )}
      {longestStaleWindow && (
        <p className="field-hint">
          Longest stale window: {longestStaleWindow.writesBetween.toLocaleString('en')} writes by
          others came between a read and the write built on it.
        </p>
      )}
    </section>
  );
}
