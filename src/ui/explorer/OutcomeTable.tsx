import type { ScenarioId } from '../../core/scenarioTypes';

const fmt = (n: number) => n.toLocaleString('en');

/**
 * Reachable outcomes of a scenario that counts successes: for the bank a table of final
 * balance by payments made, for a claim the winner counts.
 */
export function OutcomeTable({
  scenario,
  outcomes,
}: {
  scenario: ScenarioId | undefined;
  outcomes: readonly string[];
}) {
  if (scenario !== 'bank') {
    return (
      <p className="outcome-list" data-testid="outcome-table">
        Winners a run can end with: <strong>{outcomes.join(', ')}</strong>.
      </p>
    );
  }
  const pairs = outcomes.map((o) => o.split(':').map(Number) as [number, number]);
  const balances = [...new Set(pairs.map(([b]) => b))].sort((a, b) => a - b);
  const paid = [...new Set(pairs.map(([, p]) => p))].sort((a, b) => a - b);
  const reached = new Set(outcomes);
  return (
    <table className="outcome-table" data-testid="outcome-table">
      <caption>Final balance by payments made: ✓ where some interleaving ends there</caption>
      <thead>
        <tr>
          <th scope="col">Balance \ paid</th>
          {paid.map((p) => (
            <th key={p} scope="col">
              {fmt(p)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {balances.map((b) => (
          <tr key={b}>
            <th scope="row">{fmt(b)}</th>
            {paid.map((p) => (
              <td key={p}>{reached.has(`${b}:${p}`) ? '✓' : ''}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
