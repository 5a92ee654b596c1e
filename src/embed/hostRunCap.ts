import { PRESETS, type RunConfig } from '../core/config';
import { attemptsOf, scenarioOf } from '../core/scenarios';

/**
 * The largest run a host page may start without the reader's click (race-lab:run): the blog
 * preset's size, the embed's own, which takes well under a second. Each of workers, attempts
 * per worker (increments, withdrawals, the one claim) and work must be at most this; a larger
 * run starts only from the reader's Run.
 */
export const HOST_RUN_CAP = {
  workers: PRESETS.blog.workers,
  increments: PRESETS.blog.increments,
  work: PRESETS.blog.work,
} as const;

const fmt = (n: number) => n.toLocaleString('en');
const sizeOf = (workers: number, attempts: number, work: number, noun = 'increments') =>
  `${fmt(workers)} × ${fmt(attempts)} ${noun}, work ${fmt(work)}`;

/** Why a host may not start `config` by itself, for the reader; null when it may. */
export function hostRunRefusal(config: RunConfig): string | null {
  const cap = HOST_RUN_CAP;
  const attempts = attemptsOf(config);
  if (config.workers <= cap.workers && attempts <= cap.increments && config.work <= cap.work) {
    return null;
  }
  const { attempt } = scenarioOf(config);
  const noun = attempts === 1 ? attempt : `${attempt}s`;
  return (
    `The page around this lab asked for a run of ${sizeOf(config.workers, attempts, config.work, noun)}: ` +
    `larger than a page may start without you (${sizeOf(cap.workers, cap.increments, cap.work)}). ` +
    `Press Run to start it.`
  );
}
