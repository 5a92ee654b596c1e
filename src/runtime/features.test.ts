import { describe, expect, it, vi } from 'vitest';
import {
  detectEngineSupport,
  SUPPORT_TEXT,
  type FeatureEnv,
  type ProbeAnswer,
  type ProbeWorker,
} from './features';

type Behaviour = (cell: Int32Array) => Partial<ProbeAnswer> | 'error' | 'silent' | 'copy';

/** A stand-in module worker that does what `behave` says with the cell it is sent. */
function fakeWorker(behave: Behaviour) {
  const listeners = new Map<string, ((e: never) => void)[]>();
  const emit = (type: string, e: unknown) => listeners.get(type)?.forEach((l) => l(e as never));
  const worker = {
    terminated: false,
    addEventListener: (type: string, l: (e: never) => void) =>
      listeners.set(type, [...(listeners.get(type) ?? []), l]),
    postMessage: (cell: Int32Array) => {
      const answer = behave(cell);
      queueMicrotask(() => {
        if (answer === 'error') emit('error', { message: 'Failed to load module script' });
        else if (answer === 'copy')
          emit('message', { data: { isolated: true, nestedWorkers: true } });
        else if (answer !== 'silent') {
          Atomics.store(cell, 0, 1);
          emit('message', { data: answer });
        }
      });
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

const ok: Behaviour = () => ({ isolated: true, nestedWorkers: true });

/** An isolated browser with everything; `change` takes parts away. */
function env(change: Partial<FeatureEnv> = {}, behave: Behaviour = ok) {
  const worker = fakeWorker(behave);
  const startProbe = vi.fn(() => worker as unknown as ProbeWorker);
  const e: FeatureEnv = {
    crossOriginIsolated: true,
    isSecureContext: true,
    framed: false,
    SharedArrayBuffer,
    Atomics,
    Worker: class {},
    startProbe,
    probeTimeoutMs: 50,
    ...change,
  };
  return { env: e, worker, startProbe };
}

describe('engine support', () => {
  it('chooses real workers when everything is there and the probe writes shared memory', async () => {
    const { env: e, worker } = env();
    expect(await detectEngineSupport(e)).toEqual({ engine: 'workers' });
    expect(worker.terminated).toBe(true);
  });

  it.each([
    ['no-workers', { Worker: undefined }],
    ['not-isolated', { crossOriginIsolated: false }],
    ['not-isolated', { crossOriginIsolated: undefined }],
    ['framed-not-isolated', { crossOriginIsolated: false, framed: true }],
    ['insecure', { crossOriginIsolated: false, isSecureContext: false }],
    // WebKitGTK: isolated, yet no SharedArrayBuffer constructor.
    ['no-shared-array-buffer', { SharedArrayBuffer: undefined }],
    [
      'shared-array-buffer-broken',
      {
        SharedArrayBuffer: function () {
          throw new Error('disabled');
        },
      },
    ],
    ['no-atomics', { Atomics: undefined }],
    [
      'no-atomics',
      { Atomics: { ...Object.fromEntries(['load', 'store'].map((k) => [k, () => 0])) } },
    ],
  ] as const)('says %s without starting a worker', async (reason, change) => {
    const { env: e, startProbe } = env(change as Partial<FeatureEnv>);
    const support = await detectEngineSupport(e);
    expect(support).toMatchObject({ engine: 'simulated', reason });
    if (support.engine === 'simulated') expect(support.text).toContain(SUPPORT_TEXT[reason]);
    expect(startProbe).not.toHaveBeenCalled();
  });

  it('reads WebKit\u2019s case in words', async () => {
    const support = await detectEngineSupport(env({ SharedArrayBuffer: undefined }).env);
    expect(support).toMatchObject({ text: 'this browser gave the page no SharedArrayBuffer' });
  });

  it.each([
    ['worker-failed', (() => 'error') as Behaviour, 'Failed to load module script'],
    ['worker-timeout', (() => 'silent') as Behaviour, 'none within 0.05 s'],
    ['no-shared-transfer', (() => 'copy') as Behaviour, ''],
    ['worker-not-isolated', (() => ({ isolated: false, nestedWorkers: true })) as Behaviour, ''],
    ['no-nested-workers', (() => ({ isolated: true, nestedWorkers: false })) as Behaviour, ''],
  ] as const)(
    'falls back with %s when the probe worker says so',
    async (reason, behave, detail) => {
      const { env: e, worker } = env({}, behave);
      const support = await detectEngineSupport(e);
      expect(support).toMatchObject({ engine: 'simulated', reason });
      if (support.engine === 'simulated') expect(support.text).toContain(detail);
      expect(worker.terminated).toBe(true);
    },
  );

  it('falls back when shared memory cannot be posted to a worker', async () => {
    const { env: e, worker } = env();
    worker.postMessage = () => {
      throw new Error('DataCloneError');
    };
    expect(await detectEngineSupport(e)).toMatchObject({ reason: 'no-shared-transfer' });
  });

  it('falls back when the worker cannot even be constructed', async () => {
    const { env: e } = env();
    e.startProbe = () => {
      throw new Error('module workers unsupported');
    };
    expect(await detectEngineSupport(e)).toMatchObject({
      reason: 'worker-failed',
      text: expect.stringContaining('module workers unsupported'),
    });
  });
});
