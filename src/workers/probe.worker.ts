// Feature probe (runtime/features.ts): a module worker that receives one cell of shared
// memory, writes 1 into it, and says whether it is isolated and can start workers itself.
self.addEventListener('message', (e: MessageEvent<Int32Array>) => {
  Atomics.store(e.data, 0, 1);
  self.postMessage({
    isolated: self.crossOriginIsolated,
    nestedWorkers: typeof Worker === 'function',
  });
});

export {};
