import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocFindings, type FindingTable } from './findingTable';
import { victimCounts } from './victims';

/** The plain count: visit every range, each write counted once, never by its own thread. */
function visitEveryRange(
  thread: Uint8Array,
  ids: readonly number[],
  findings: FindingTable,
  history: Int32Array,
): number[] {
  const victims = ids.map(() => 0);
  const counted = new Set<number>();
  for (let k = 0; k < findings.length; k++) {
    for (let p = findings.from[k]!; p < findings.to[k]!; p++) {
      const w = history[p]!;
      const t = thread[w]!;
      if (counted.has(w) || t >= ids.length || ids[t] === findings.thread[k]) continue;
      counted.add(w);
      victims[t]!++;
    }
  }
  return victims;
}

const ranges = fc.array(
  fc.record({ a: fc.nat(40), b: fc.nat(40), clobberer: fc.integer({ min: 0, max: 3 }) }),
  { maxLength: 12 },
);

// Catches: a write erased only by its own thread's ranges counted as a victim, a write under
// overlapping ranges counted more than once, and ranges taken as closed at their end.
describe('victimCounts', () => {
  it('counts each write erased by another thread once, as visiting every range does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 40, maxLength: 40 }),
        ranges,
        (owners, list) => {
          const thread = Uint8Array.from(owners);
          const history = Int32Array.from(owners.keys());
          const findings = allocFindings(list.length);
          list.forEach(({ a, b, clobberer }, k) => {
            findings.from[k] = Math.min(a, b);
            findings.to[k] = Math.max(a, b);
            findings.thread[k] = clobberer;
          });
          const ids = [0, 1, 2, 3];
          expect(Array.from(victimCounts(thread, ids, findings, history))).toEqual(
            visitEveryRange(thread, ids, findings, history),
          );
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
});
