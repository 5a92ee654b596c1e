/**
 * Whether this browser can run real workers on shared memory, checked once from what it
 * actually offers (not guessed from one flag: WebKit reports `crossOriginIsolated === true`
 * and still gives the page no SharedArrayBuffer). When it cannot, the reason is in words.
 */

/** Why real workers are out; each code has one sentence for the reader (SUPPORT_TEXT). */
export type UnsupportedReason =
  | 'no-workers'
  | 'insecure'
  | 'not-isolated'
  | 'framed-not-isolated'
  | 'no-shared-array-buffer'
  | 'shared-array-buffer-broken'
  | 'no-atomics'
  | 'worker-failed'
  | 'worker-timeout'
  | 'worker-not-isolated'
  | 'no-shared-transfer'
  | 'no-nested-workers';

export type EngineSupport =
  { engine: 'workers' } | { engine: 'simulated'; reason: UnsupportedReason; text: string };

/** The probe's view of a module worker: just what it needs of `Worker`, so Node can fake it. */
export interface ProbeWorker {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: ErrorLike) => void): void;
  terminate(): void;
}
interface ErrorLike {
  message?: string;
  preventDefault?(): void;
}

/** What the probe worker answers after writing 1 into the cell it was sent. */
export interface ProbeAnswer {
  isolated: boolean;
  /** Whether the worker can start workers itself (supervisors need it). */
  nestedWorkers: boolean;
}

/** The page's globals that matter, injected so the decision is tested without a browser. */
export interface FeatureEnv {
  crossOriginIsolated?: boolean;
  isSecureContext?: boolean;
  /** The page runs inside a frame (an embed). */
  framed: boolean;
  SharedArrayBuffer?: unknown;
  Atomics?: unknown;
  Worker?: unknown;
  /** Start the probe module worker (see workers/probe.worker.ts). */
  startProbe: () => ProbeWorker;
  /** How long the probe worker may take to answer. */
  probeTimeoutMs?: number;
}

export const PROBE_TIMEOUT_MS = 10_000;

export const SUPPORT_TEXT: Record<UnsupportedReason, string> = {
  'no-workers': 'this browser cannot start Web Workers',
  insecure:
    'the page is not served over HTTPS (or from localhost), so the browser withholds shared memory',
  'not-isolated':
    'the page is not cross-origin isolated: the host sent no COOP/COEP headers (Cross-Origin-Opener-Policy and Cross-Origin-Embedder-Policy)',
  'framed-not-isolated':
    'the framed page is not cross-origin isolated: either its server sent no isolation headers, or this browser isolates a frame only when the page around it is isolated (it has no Document-Isolation-Policy)',
  'no-shared-array-buffer': 'this browser gave the page no SharedArrayBuffer',
  'shared-array-buffer-broken': 'this browser has a SharedArrayBuffer that cannot be created',
  'no-atomics': 'this browser has no Atomics to wait and wake on shared memory',
  'worker-failed': 'a module worker did not start here',
  'worker-timeout': 'a module worker did not answer',
  'worker-not-isolated':
    'workers are not cross-origin isolated: the worker scripts came without isolation headers',
  'no-shared-transfer': 'this browser cannot send shared memory to a worker',
  'no-nested-workers': 'workers in this browser cannot start workers of their own',
};

const ATOMICS_NEEDED = ['load', 'store', 'add', 'compareExchange', 'wait', 'notify'] as const;

const unsupported = (reason: UnsupportedReason, detail?: string): EngineSupport => ({
  engine: 'simulated',
  reason,
  text: detail ? `${SUPPORT_TEXT[reason]} (${detail})` : SUPPORT_TEXT[reason],
});

/** The checks that need no worker; null when all pass. */
export function checkGlobals(env: FeatureEnv): EngineSupport | null {
  if (typeof env.Worker !== 'function') return unsupported('no-workers');
  if (env.crossOriginIsolated !== true) {
    if (env.isSecureContext === false) return unsupported('insecure');
    return unsupported(env.framed ? 'framed-not-isolated' : 'not-isolated');
  }
  if (typeof env.SharedArrayBuffer !== 'function') return unsupported('no-shared-array-buffer');
  try {
    new (env.SharedArrayBuffer as typeof SharedArrayBuffer)(Int32Array.BYTES_PER_ELEMENT);
  } catch (error) {
    return unsupported('shared-array-buffer-broken', messageOf(error));
  }
  const atomics = env.Atomics as Record<string, unknown> | undefined;
  if (!atomics || ATOMICS_NEEDED.some((name) => typeof atomics[name] !== 'function')) {
    return unsupported('no-atomics');
  }
  return null;
}

/**
 * Start one module worker, send it a cell of shared memory, and check that it can write there
 * and is isolated itself. Always ends the worker; never rejects.
 */
export function probeModuleWorker(env: FeatureEnv): Promise<EngineSupport> {
  const timeoutMs = env.probeTimeoutMs ?? PROBE_TIMEOUT_MS;
  return new Promise((resolve) => {
    let worker: ProbeWorker | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const settle = (support: EngineSupport): void => {
      clearTimeout(timer);
      worker?.terminate();
      worker = null;
      resolve(support);
    };
    try {
      const Shared = env.SharedArrayBuffer as typeof SharedArrayBuffer;
      const cell = new Int32Array(new Shared(Int32Array.BYTES_PER_ELEMENT));
      const started = env.startProbe();
      worker = started;
      timer = setTimeout(
        () => settle(unsupported('worker-timeout', `none within ${timeoutMs / 1000} s`)),
        timeoutMs,
      );
      started.addEventListener('error', (e) => {
        e.preventDefault?.();
        settle(unsupported('worker-failed', e.message || 'its script did not load'));
      });
      started.addEventListener('messageerror', () => settle(unsupported('no-shared-transfer')));
      started.addEventListener('message', (e) => settle(judgeAnswer(e.data, cell)));
      try {
        started.postMessage(cell);
      } catch (error) {
        settle(unsupported('no-shared-transfer', messageOf(error)));
      }
    } catch (error) {
      settle(unsupported('worker-failed', messageOf(error)));
    }
  });
}

function judgeAnswer(data: unknown, cell: Int32Array): EngineSupport {
  const answer = data as Partial<ProbeAnswer> | null;
  if (!answer || answer.isolated !== true) return unsupported('worker-not-isolated');
  // The worker wrote 1 into its copy: seen here only if the memory really is shared.
  if (Atomics.load(cell, 0) !== 1) return unsupported('no-shared-transfer');
  if (answer.nestedWorkers !== true) return unsupported('no-nested-workers');
  return { engine: 'workers' };
}

/** Everything real workers need, checked in order: globals first, then one probe worker. */
export async function detectEngineSupport(env: FeatureEnv): Promise<EngineSupport> {
  return checkGlobals(env) ?? (await probeModuleWorker(env));
}

/** This page's globals, and the real probe worker. */
export function browserFeatures(): FeatureEnv {
  const g = globalThis as Partial<typeof globalThis>;
  return {
    crossOriginIsolated: g.crossOriginIsolated,
    isSecureContext: g.isSecureContext,
    framed: typeof window !== 'undefined' && window.parent !== window,
    SharedArrayBuffer: g.SharedArrayBuffer,
    Atomics: g.Atomics,
    Worker: g.Worker,
    startProbe: () =>
      new Worker(new URL('../workers/probe.worker.ts', import.meta.url), {
        type: 'module',
        name: 'feature probe',
      }),
  };
}

/** The answer when the checks that start no worker already decide it, else null. */
export const quickEngineSupport = (): EngineSupport | null => checkGlobals(browserFeatures());

let detected: Promise<EngineSupport> | null = null;
/** This page's answer, worked out on the first call and kept. */
export const engineSupport = (): Promise<EngineSupport> =>
  (detected ??= detectEngineSupport(browserFeatures()));

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
