import type { Op } from '../core/ops';
import { threadLabel } from '../core/threads';
import type { StepSession } from '../store/stepSlice';

/** What a lane does when clicked in step mode, and what its tooltip says. */
export interface LaneStep {
  thread: number;
  /** Clicking the lane steps its worker now. */
  can: boolean;
  /** The number key that steps the same worker (1–9), or null past nine. */
  key: number | null;
  title: string;
}

/** Words for a worker's next access. */
export const OP_WORDS: Readonly<Record<Op, string>> = {
  read: 'read',
  write: 'write',
  add: 'atomic add',
  cas: 'compare-and-swap',
  lock: 'take the lock',
  unlock: 'release the lock',
};

/** The workers the user can step, in the order of their number keys. */
export const stepLeaves = (session: StepSession): number[] =>
  session.threads.filter((t) => t.role === 'leaf').map((t) => t.id);

/**
 * Per leaf worker of a step session, whether a click on its lane steps it and why not. Only
 * leaves do the accesses; a lane of a parent thread is not listed and does nothing.
 */
export function laneSteps(session: StepSession): Map<number, LaneStep> {
  const steps = new Map<number, LaneStep>();
  stepLeaves(session).forEach((thread, i) => {
    const label = threadLabel(session.threads, thread);
    const key = i < 9 ? i + 1 : null;
    const op = session.nextOps[thread];
    const can = !session.busy && session.enabled.includes(thread);
    const reason = session.reasons[thread];
    let title: string;
    if (can) {
      const next = op ? `: ${OP_WORDS[op]}` : '';
      title = `Click to step ${label}${next}${key === null ? '' : ` (key ${key})`}`;
    } else if (session.busy) {
      title = `${label}: a step is under way`;
    } else {
      title = `${label} cannot move: ${reason ?? 'nothing left to do'}`;
    }
    steps.set(thread, { thread, can, key, title });
  });
  return steps;
}
