import { PRESETS, type RunConfig } from '../core/config';

/**
 * The largest run a host page may start without the reader's click (race-lab:run): the blog
 * preset's size, the embed's own, which takes well under a second. Each of workers,
 * increments and work must be at most this; a larger run starts only from the reader's Run.
 */
export const HOST_RUN_CAP = {
  workers: PRESETS.blog.workers,
  increments: PRESETS.blog.increments,
  work: PRESETS.blog.work,
} as const;

const fmt = (n: number) => n.toLocaleString('en');
const sizeOf = (c: Pick<RunConfig, 'workers' | 'increments' | 'work'>) =>
  `${fmt(c.workers)} × ${fmt(c.increments)} increments, work ${fmt(c.work)}`;

/** Why a host may not start `config` by itself, for the reader; null when it may. */
export function hostRunRefusal(config: RunConfig): string | null {
  const cap = HOST_RUN_CAP;
  if (
    config.workers <= cap.workers &&
    config.increments <= cap.increments &&
    config.work <= cap.work
  )
    return null;
  return (
    `The page around this lab asked for a run of ${sizeOf(config)}: larger than a page may ` +
    `start without you (${sizeOf(cap)}). Press Run to start it.`
  );
}
