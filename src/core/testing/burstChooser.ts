import { seededRandom } from '../random';
import type { Chooser } from '../simulation';

/**
 * A chooser that lets one leaf run alone for a burst of up to `longest` steps, as a real
 * scheduler does, so some reads go stale across hundreds of writes: the stretches a
 * search of the history must step over. Repeatable for a seed.
 */
export const burstChooser = (seed: number, longest: number): Chooser => {
  const random = seededRandom(seed);
  let current = -1;
  let left = 0;
  return (enabled) => {
    if (left <= 0 || !enabled.includes(current)) {
      current = enabled[Math.floor(random() * enabled.length)]!;
      left = 1 + Math.floor(random() * longest);
    }
    left--;
    return current;
  };
};
