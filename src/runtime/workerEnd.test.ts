import { describe, expect, it, vi } from 'vitest';
import { watchWorkerEnd } from './workerEnd';

class FakeWorker extends EventTarget {
  terminated = 0;
  terminate(): void {
    this.terminated += 1;
  }
  break(message?: string): Event {
    const e = Object.assign(new Event('error', { cancelable: true }), { message });
    this.dispatchEvent(e);
    return e;
  }
}

const failed = (why: string) => new Error(`broke: ${why}`);
const never = () => new Promise<number>(() => undefined);

describe('watchWorkerEnd', () => {
  it('passes an answer through while the worker lives', async () => {
    const w = watchWorkerEnd(new FakeWorker(), failed, () => undefined);
    await expect(w.race(Promise.resolve(7))).resolves.toBe(7);
  });

  // Catches an end that forgets to terminate, to tell the owner, or to reject what is pending.
  it('an end terminates the worker, tells the owner first, and rejects the pending call', async () => {
    const worker = new FakeWorker();
    const order: string[] = [];
    const w = watchWorkerEnd(worker, failed, () => order.push('owner'));
    const pending = w.race(never()).catch((e: Error) => (order.push('rejected'), e.message));
    w.end(new Error('stopped'));
    await expect(pending).resolves.toBe('stopped');
    expect(worker.terminated).toBe(1);
    expect(order).toEqual(['owner', 'rejected']);
  });

  // Catches a second end terminating again or calling the owner back twice.
  it('ends once', () => {
    const worker = new FakeWorker();
    const onEnd = vi.fn();
    const w = watchWorkerEnd(worker, failed, onEnd);
    w.end(new Error('a'));
    w.end(new Error('b'));
    worker.break();
    expect(worker.terminated).toBe(1);
    expect(onEnd).toHaveBeenCalledTimes(1);
  });

  // Catches a script error that is left to surface on the page or that hangs the caller.
  it('a script error rejects the pending call with the failure, named, and is handled', async () => {
    const worker = new FakeWorker();
    const w = watchWorkerEnd(worker, failed, () => undefined);
    const pending = w.race(never());
    const e = worker.break();
    expect(e.defaultPrevented).toBe(true);
    await expect(pending).rejects.toThrow('broke: its script did not load');
    expect(worker.terminated).toBe(1);
  });

  it('a script error keeps its own message', async () => {
    const worker = new FakeWorker();
    const w = watchWorkerEnd(worker, failed, () => undefined);
    const pending = w.race(never());
    worker.break('out of memory');
    await expect(pending).rejects.toThrow('broke: out of memory');
  });

  // Catches an end with nobody waiting surfacing as an unhandled rejection.
  it('an end with nothing pending rejects nobody', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    watchWorkerEnd(new FakeWorker(), failed, () => undefined).end(new Error('idle'));
    await new Promise((r) => setTimeout(r, 0));
    process.off('unhandledRejection', unhandled);
    expect(unhandled).not.toHaveBeenCalled();
  });
});
