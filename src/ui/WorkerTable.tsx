import { scenarioOf } from '../core/scenarios';
import { capitalized } from '../core/scenarioTypes';
import { threadLabel } from '../core/threads';
import { useLab } from '../store/labStore';
import { selectAccounting, selectTrace } from '../store/selectors';
import type { RunResult } from '../store/runSlice';
import { ScrollBox } from './ScrollBox';

/** Per worker: attempts made, CAS retries, and (when traced) whose updates were lost. */
export function WorkerTable({ result }: { result: RunResult }) {
  const trace = useLab(selectTrace);
  const accounting = useLab(selectAccounting);
  const leaves = result.tallies.filter((t) => t.done > 0 || t.retries > 0);
  if (leaves.length === 0) return null;
  const loss = new Map(accounting?.perThread.map((p) => [p.thread, p]));
  // What a lost update loses here: increments, debits or claims.
  const { unit, attempt } = scenarioOf(result.outcome);
  const units = `${unit}s`;
  return (
    <ScrollBox label="Per worker">
      <table className="workers">
        <caption>Per worker</caption>
        <thead>
          <tr>
            <th scope="col">Worker</th>
            <th scope="col">{capitalized(attempt)}s done</th>
            <th scope="col">CAS retries</th>
            {accounting && <th scope="col">Its {units} lost</th>}
            {accounting && <th scope="col">{capitalized(units)} it erased</th>}
          </tr>
        </thead>
        <tbody>
          {leaves.map((t) => (
            <tr key={t.thread}>
              <th scope="row">
                {trace ? threadLabel(trace.threads, t.thread) : `worker ${t.thread}`}
              </th>
              <td>{t.done.toLocaleString('en')}</td>
              <td>{t.retries.toLocaleString('en')}</td>
              {accounting && (
                <td>{(loss.get(t.thread)?.lostAsVictim ?? 0).toLocaleString('en')}</td>
              )}
              {accounting && (
                <td>{(loss.get(t.thread)?.erasedAsClobberer ?? 0).toLocaleString('en')}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
