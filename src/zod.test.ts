// Here, not in src/core: it checks the embed's schemas too, and core imports only itself.
import { afterEach, expect, it } from 'vitest';

// zod's eval probe is `new Function('')`, looked up on the global at the time: watch it there.
const RealFunction = globalThis.Function;
afterEach(() => {
  globalThis.Function = RealFunction;
});

it('no schema builds code at runtime (the CSP forbids eval)', async () => {
  const built: unknown[][] = [];
  const watch = (args: unknown[]) => built.push(args);
  globalThis.Function = new Proxy(RealFunction, {
    construct: (target, args) => (watch(args), Reflect.construct(target, args)),
    apply: (target, self, args) => (watch(args), Reflect.apply(target, self, args)),
  });
  // Imported only now, so zod loads (and would probe) under the watch.
  const { parseRunConfig } = await import('./core/config');
  const { parsePageParams } = await import('./core/pageParams');
  const { parseEnvelope } = await import('./core/traceFileSchema');
  const { parseHostMessage } = await import('./embed/hostMessages');
  const params = new URLSearchParams('workers=3&increments=9&engine=simulated&seed=4');
  expect(parseRunConfig(params).config.workers).toBe(3);
  expect(parsePageParams(params).page.seed).toBe(4);
  expect(parseEnvelope({ format: 'race-lab-trace' }).ok).toBe(false);
  for (let i = 0; i < 3; i++) parseHostMessage({ type: 'race-lab:run' });
  expect(built).toEqual([]);
});
