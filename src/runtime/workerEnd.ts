/** The part of a Worker this helper needs; a plain EventTarget stands in for one in tests. */
export interface EndableWorker {
  terminate(): void;
  addEventListener(type: 'error', listener: (e: Event & { message?: string }) => void): void;
}

/** How a kept worker's calls are cut short: by `end`, or by the worker breaking. */
export interface WorkerEnd<E extends Error> {
  /** Settles `call` with the first of its answer and the worker's end. */
  race<T>(call: Promise<T>): Promise<T>;
  /** Terminate the worker; every call in flight rejects with `error`. Later ends are ignored. */
  end(error: E): void;
}

/**
 * Watch a kept worker so its calls can be abandoned: a stop from outside or a script error
 * terminates it and rejects whatever is pending. `failed` names the error for a broken worker;
 * `onEnd` runs once, before the rejection, so the owner can forget the worker.
 */
export function watchWorkerEnd<E extends Error>(
  worker: EndableWorker,
  failed: (why: string) => E,
  onEnd: () => void,
): WorkerEnd<E> {
  let reject: (error: E) => void = () => undefined;
  const ended = new Promise<never>((_, r) => (reject = r));
  // Only raced while a call is pending; an end with nobody waiting must not surface.
  ended.catch(() => undefined);
  let over = false;
  const end = (error: E): void => {
    if (over) return;
    over = true;
    worker.terminate();
    onEnd();
    reject(error);
  };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    end(failed(e.message || 'its script did not load'));
  });
  return { race: (call) => Promise.race([call, ended]), end };
}
