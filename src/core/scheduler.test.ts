import { describe, expect, it } from 'vitest';
import { presetConfig } from './config';
import { PC_FINISHED, scheduledThread, Scheduler } from './scheduler';
import { STRATEGIES } from './strategies';
import { buildThreads } from './threads';
import { flatConfig as flat } from './testing/configs';

const lockOps = STRATEGIES.lock.ops;

describe('Scheduler', () => {
  it('holds every thread while a step is under way, and names the lock holder after it', () => {
    const s = new Scheduler(buildThreads(flat('lock', 2, 1)), lockOps, 1);
    expect(s.begin(1)).toBe('lock');
    expect(s.enabled()).toEqual([]);
    expect(s.blockedReason(2)).toBe('waiting for the step under way');
    s.end(1);
    expect(s.enabled()).toEqual([1]);
    expect(s.blockedReason(2)).toBe('waiting for the lock held by worker 1');
    expect(() => s.begin(2)).toThrow(
      'worker 2 cannot move: waiting for the lock held by worker 1.',
    );
    for (const pc of [2, 3]) {
      s.begin(1);
      s.end(pc);
    }
    s.begin(1); // unlock, and the leaf is done
    s.end(PC_FINISHED);
    expect(s.blockedReason(1)).toBe('finished');
    expect(s.enabled()).toEqual([2]);
    expect(s.schedule).toEqual([1, 1, 1, 1]);
  });

  it('makes each supervisor read due once its leaves finish, main last, and holds steps till then', () => {
    const threads = buildThreads(presetConfig('blog', 'atomic'));
    const s = new Scheduler(threads, STRATEGIES.atomic.ops, 1);
    for (const leaf of [2, 3]) {
      expect(s.dueRead()).toBeNull();
      s.begin(leaf);
      s.end(PC_FINISHED);
    }
    expect(s.dueRead()).toBe(1);
    // The step that finished func3's pair lasts until func3 has read.
    expect(s.enabled()).toEqual([]);
    expect(s.blockedReason(5)).toBe('waiting for the step under way');
    expect(() => s.read(4)).toThrow('No read of func4 is due.');
    s.read(1);
    expect(s.enabled()).toEqual([5, 6]);
    for (const leaf of [5, 6]) {
      s.begin(leaf);
      s.end(PC_FINISHED);
    }
    s.read(4);
    expect(s.settled).toBe(true);
    expect(s.dueRead()).toBe(0);
    expect(s.blockedReason(0)).toBe('waiting for every worker to finish');
    s.read(0);
    expect(s.done).toBe(true);
    expect(s.blockedReason(0)).toBe('finished');
  });

  it('words a schedule it cannot follow the same way for every engine', () => {
    const s = new Scheduler(buildThreads(flat('lock', 2, 1)), lockOps, 1);
    expect(scheduledThread(s, [1, 2], 0)).toBe(1);
    s.begin(1);
    s.end(1);
    expect(() => scheduledThread(s, [1, 2], 1)).toThrow(
      'Step 2 of the schedule names worker 2, which cannot move: waiting for the lock held by worker 1.',
    );
    expect(() => scheduledThread(s, [1, 2], 2)).toThrow(
      'The schedule ran out after 2 steps, before the run finished.',
    );
    expect(() => scheduledThread(s, [9], 0)).toThrow('names thread 9, which cannot move');
  });
});
