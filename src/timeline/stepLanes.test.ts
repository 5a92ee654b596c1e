import { describe, expect, it } from 'vitest';
import type { ThreadInfo } from '../core/threads';
import type { StepSession } from '../store/stepSlice';
import { laneSteps, stepLeaves } from './stepLanes';

const threads: ThreadInfo[] = [
  { id: 0, name: 'main', role: 'main', parent: null },
  { id: 1, name: 'func3', role: 'supervisor', parent: 0 },
  { id: 2, name: 'func1', role: 'leaf', parent: 1 },
  { id: 3, name: 'func2', role: 'leaf', parent: 1 },
];

const session = (change: Partial<StepSession> = {}): StepSession => ({
  threads,
  enabled: [2, 3],
  reasons: [null, null, null, null],
  nextOps: [null, null, 'read', 'write'],
  schedule: [],
  engine: 'simulated',
  busy: false,
  finished: false,
  ...change,
});

describe('laneSteps', () => {
  it('lists only leaf workers, numbered as their keys', () => {
    const steps = laneSteps(session());
    expect([...steps.keys()]).toEqual([2, 3]);
    expect(stepLeaves(session())).toEqual([2, 3]);
    expect(steps.get(2)).toMatchObject({ can: true, key: 1 });
    expect(steps.get(3)).toMatchObject({ can: true, key: 2 });
  });

  it('says what a click does: step that worker, with its next access and key', () => {
    expect(laneSteps(session()).get(2)?.title).toBe('Click to step func1: read (key 1)');
    expect(laneSteps(session()).get(3)?.title).toBe('Click to step func2: write (key 2)');
  });

  it('says why a blocked or finished worker cannot move', () => {
    const steps = laneSteps(
      session({
        enabled: [3],
        reasons: [null, null, 'waiting for the lock held by func2', null],
      }),
    );
    expect(steps.get(2)).toMatchObject({ can: false });
    expect(steps.get(2)?.title).toBe('func1 cannot move: waiting for the lock held by func2');
    const done = laneSteps(session({ enabled: [], reasons: [null, null, 'finished', 'finished'] }));
    expect(done.get(3)?.title).toBe('func2 cannot move: finished');
  });

  it('steps nothing while a step is under way', () => {
    const steps = laneSteps(session({ busy: true, enabled: [] }));
    expect([...steps.values()].every((s) => !s.can)).toBe(true);
    expect(steps.get(2)?.title).toBe('func1: a step is under way');
  });

  it('gives no key past the ninth worker', () => {
    const many = Array.from({ length: 11 }, (_, id): ThreadInfo => ({
      id,
      name: id === 0 ? 'main' : `worker ${id}`,
      role: id === 0 ? 'main' : 'leaf',
      parent: id === 0 ? null : 0,
    }));
    const steps = laneSteps(session({ threads: many, enabled: [10], reasons: [], nextOps: [] }));
    expect(steps.get(9)?.key).toBe(9);
    expect(steps.get(10)).toMatchObject({ key: null, can: true, title: 'Click to step worker 10' });
  });
});
