// What the bigtrace suite reads in the page: long tasks, live shared buffers, the trace
// worker's step marks, the first render of a timeline, and the heap after a collection.

/** For page.addInitScript: every long task of the page, from before its first script. */
export function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * For page.addInitScript: weak references to every SharedArrayBuffer the page creates, so
 * the suite can tell the shared trace buffers still alive from the rest of the array buffers
 * without keeping any of them alive itself.
 */
export function watchSharedBuffers() {
  const Native = globalThis.SharedArrayBuffer;
  if (!Native) return;
  window.__sharedBufferRefs = [];
  globalThis.SharedArrayBuffer = new Proxy(Native, {
    construct(target, args, newTarget) {
      const buffer = Reflect.construct(target, args, newTarget);
      window.__sharedBufferRefs.push(new WeakRef(buffer));
      return buffer;
    },
  });
}

/** In the page: bytes of the shared buffers still alive (after a garbage collection). */
export const liveSharedBytes = (page) =>
  page.evaluate(() =>
    (window.__sharedBufferRefs ?? []).reduce((sum, ref) => sum + (ref.deref()?.byteLength ?? 0), 0),
  );

/** The trace worker's step marks, as times in the page's own timeline (ms). */
const WORKER_STEPS = ['trace-start', 'trace-read', 'trace-checked', 'trace-built'];

async function traceWorkerMarks(page) {
  const pageOrigin = await page.evaluate(() => performance.timeOrigin);
  for (const worker of page.workers()) {
    const marks = await worker
      .evaluate(() => ({
        origin: performance.timeOrigin,
        marks: performance
          .getEntriesByType('mark')
          .filter((m) => m.name.startsWith('race-lab:trace-'))
          .map((m) => [m.name, m.startTime]),
      }))
      .catch(() => null);
    if (!marks || marks.marks.length === 0) continue;
    const shift = marks.origin - pageOrigin;
    return Object.fromEntries(marks.marks.map(([name, t]) => [name.slice(9), t + shift]));
  }
  return {};
}

/**
 * Where the wait from the workers finishing to the drawn timeline went, in ms per step:
 * until the trace worker starts, its reading, books and timeline columns, the answer's way
 * back, the page until the timeline model is built, and the first draw.
 */
export async function stepTimes(page, workersDone, drawn) {
  const worker = await traceWorkerMarks(page);
  const received = await page.evaluate(
    () => performance.getEntriesByName('race-lab:trace-received').at(-1)?.startTime ?? NaN,
  );
  const renderMs = Number(await page.getByTestId('timeline').getAttribute('data-render-ms'));
  const points = [
    ['start', workersDone],
    ...WORKER_STEPS.map((name) => [name.slice(6), worker[name] ?? NaN]),
    ['answer', received],
    ['model', drawn - renderMs],
    ['draw', drawn],
  ];
  return Object.fromEntries(points.slice(1).map(([name, t], i) => [name, t - points[i][1]]));
}

/** In the page: the longest task that started at or after `from`, in ms (0: none). */
export const longestSince = (page, from) =>
  page.evaluate(
    (t) => Math.max(0, ...window.__longTasks.filter((e) => e.start >= t).map((e) => e.duration)),
    from,
  );

/** performance.now() in the page once a timeline of this trace has rendered. */
export const drawnAt = (page) =>
  page
    .waitForFunction(
      () =>
        document.querySelector('[data-testid="timeline"][data-render-ms]') ? performance.now() : 0,
      null,
      { timeout: 120_000, polling: 'raf' },
    )
    .then((h) => h.jsonValue());

/** JS heap in use after a full garbage collection, and array buffer memory where told. */
export async function heapAfter(page) {
  const cdp = await page.context().newCDPSession(page);
  // Array buffers found dead are freed by a sweeper that runs after the collection: collect
  // again after a pause so the count holds only what is alive.
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((resolve) => setTimeout(resolve, 200));
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return { heap: usage.usedSize, buffers: usage.backingStorageSize ?? null };
}
